// On the sign-in page (after signing out, or when a session ended): forget the rounds page the
// service worker kept, so a scan on this phone does not open the last user's round. Records
// still waiting in IndexedDB stay: they belong to their maker and sync when they sign in again.
if ('caches' in window) caches.delete('rounds-shell-v1');
