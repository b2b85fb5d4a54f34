// Rounds' service worker: keeps the rounds page, each stocktake's counting page and their
// files so that a round or a count opens, scans and records with no signal. The records
// themselves wait in IndexedDB (offline/round.js, offline/count.js). The scanner's files
// (/scan/…) are kept once a page used them: the counting page's camera, the first time it opens.
// While a round is open (the rounds page was opened today), a scanned tag opens straight in
// the round page, which opens that item's checklist.
const SHELL = 'rounds-shell-v1';
const FILES = ['/offline/round.js', '/offline/store.js', '/favicon.svg'];
// Kept when first used: the counting page's script, the scanner with its decoder, and the
// stylesheet (its name carries its content's hash; the round and count pages add it).
const ON_USE = /^\/((offline|scan)\/[\w./-]+\.(js|wasm)|pkg\/rounds(\.[0-9a-f]+)?\.css)$/;
const COUNT_PAGE = /^\/stocktakes\/[0-9a-f-]{36}\/count$/;
// A navigation that takes longer than this is answered from the cache (weak signal).
const PATIENCE_MS = 4000;

self.addEventListener('install', (event) => {
  event.waitUntil(caches.open(SHELL).then((c) => c.addAll(FILES)).then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(self.clients.claim());
});

function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

async function roundOpenToday(cache) {
  const day = await cache.match('/__round_day');
  return day ? (await day.text()) === today() : false;
}

// The network's answer (kept in the cache under `key`), or the cached one when the network
// fails or is too slow.
async function networkFirst(request, key) {
  const cache = await caches.open(SHELL);
  const fromNetwork = fetch(request).then(async (res) => {
    if (res.ok && !res.redirected) {
      await cache.put(key, res.clone());
    }
    return res;
  });
  const slow = new Promise((resolve) => setTimeout(resolve, PATIENCE_MS));
  try {
    const first = await Promise.race([fromNetwork, slow]);
    if (first) return first;
  } catch (_) {
    // offline: fall through to the cache
  }
  const cached = await cache.match(key);
  return cached || fromNetwork;
}

async function tagNavigation(request) {
  const cache = await caches.open(SHELL);
  const round = await cache.match('/rounds');
  if (round && (await roundOpenToday(cache))) return round;
  try {
    return await fetch(request);
  } catch (err) {
    if (round) return round;
    throw err;
  }
}

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && url.pathname === '/rounds') {
    event.respondWith(networkFirst(request, '/rounds'));
  } else if (request.mode === 'navigate' && /^\/[tT]\/[^/]+$/.test(url.pathname) && !url.searchParams.has('record')) {
    event.respondWith(tagNavigation(request));
  } else if (request.mode === 'navigate' && COUNT_PAGE.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  } else if (FILES.includes(url.pathname) || ON_USE.test(url.pathname)) {
    event.respondWith(networkFirst(request, url.pathname));
  }
});
