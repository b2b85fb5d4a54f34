// What the offline pages share: ids made on the phone and a small IndexedDB wrapper.

/** A UUIDv7: 48 bits of Unix milliseconds, then random bits (RFC 9562). */
export function uuidv7() {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  let ms = Date.now();
  for (let i = 5; i >= 0; i--) {
    b[i] = ms % 256;
    ms = Math.floor(ms / 256);
  }
  b[6] = (b[6] & 0x0f) | 0x70;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** A tag code as the server normalises it: case, spaces, dashes and the look-alikes forgiven. */
export function normalise(code) {
  return decodeURIComponent(code).toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
}

/** The tag code a scanner read: the code after `/t/` in a label's URL, or the text itself. */
export function tagOf(text) {
  const raw = text.trim();
  const at = Math.max(raw.lastIndexOf('/t/'), raw.lastIndexOf('/T/'));
  const tail = (at >= 0 ? raw.slice(at + 3) : raw).replace(/\/+$/, '');
  try {
    return normalise(tail);
  } catch (_) {
    return tail.toUpperCase();
  }
}

/** The phone's date, as the service worker reads it. */
/** The page's stylesheet (its name carries its content's hash), kept with the page for offline use. */
export function stylesheet() {
  return document.querySelector('link[rel="stylesheet"]')?.getAttribute('href') || '/pkg/rounds.css';
}

export function localDay() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

/** An IndexedDB database of `name` at `version`, `upgrade(db)` making its stores; each call
 * of the answer's methods is one transaction. */
export function openStore(name, version, upgrade) {
  let opened;
  const db = () => {
    opened ??= new Promise((resolve, reject) => {
      const open = indexedDB.open(name, version);
      open.onupgradeneeded = () => upgrade(open.result);
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    return opened;
  };
  async function tx(store, mode, work) {
    const d = await db();
    return new Promise((resolve, reject) => {
      const t = d.transaction(store, mode);
      const req = work(t.objectStore(store));
      t.oncomplete = () => resolve(req?.result);
      t.onerror = () => reject(t.error);
      t.onabort = () => reject(t.error);
    });
  }
  return {
    put: (store, value) => tx(store, 'readwrite', (s) => s.put(value)),
    get: (store, key) => tx(store, 'readonly', (s) => s.get(key)),
    del: (store, key) => tx(store, 'readwrite', (s) => s.delete(key)),
    byIndex: (store, index, key) => tx(store, 'readonly', (s) => s.index(index).getAll(key)),
  };
}
