// Counting a stocktake on a phone (/stocktakes/:id/count): the frozen list kept on the phone,
// each scan (camera, keyboard-wedge scanner or typed) classified at once against it, queued in
// IndexedDB under a UUIDv7 made here and synced through POST /api/v1/sync as `stocktake_scan`
// records; the server's class (a repeat when someone else counted the tag first, out of scope
// for a register asset outside the stocktake) replaces the phone's when the answer comes.
// Every sentence shown comes from #count-text (JSON), rendered by the server in the user's language.
import { signal, unlockSound } from '/scan/feedback.js';
import { localDay, openStore, stylesheet, tagOf, uuidv7 } from './store.js';

const SHELL = 'rounds-shell-v1';
const RETRY_MS = 30000;
const PAGE = 200; // the most rows the API answers at once
// Kept on the first visit: what counting by typed or keyboard-wedge codes needs.
const COUNTING_FILES = ['/scan/feedback.js', '/offline/count.js', '/offline/store.js'];
// The camera's files, fetched when the camera first opens (the decoder alone is 320 KB, more
// than a first visit may cost) and kept by the service worker as they are used; the decoder
// only where the browser has no QR reader of its own (BarcodeDetector, as worker.js picks).
const CAMERA_FILES = ['/scan/scanner.js', '/scan/worker.js', '/scan/sharpen.js', '/scan/zxing/reader.js'];
const DECODER_FILES = ['/scan/zxing/zxing_reader.wasm'];
const root = document.getElementById('count');
const text = JSON.parse(document.getElementById('count-text')?.textContent || '{}');
const stocktakeId = root?.dataset.stocktake;
const user = root?.dataset.user;
const $ = (sel, r = root) => r.querySelector(sel);

const store = openStore('rounds-stocktake', 1, (d) => {
  d.createObjectStore('lists', { keyPath: 'id' });
  d.createObjectStore('scans', { keyPath: 'id' }).createIndex('stocktake', 'stocktake');
});

// ---- the frozen list -------------------------------------------------------------------

let list = null; // { id, stocktake, expected, scans, at }
const byTag = new Map(); // tag code → expected asset
const byAsset = new Map(); // asset id → expected asset
const rooms = new Map(); // room id → room
const roomByTag = new Map(); // door tag code → room
let mine = []; // this phone's scans of this stocktake

async function fetchJson(path) {
  const res = await fetch(path, { headers: { accept: 'application/json' } });
  if (!res.ok) throw new Error(`${path} answered ${res.status}`);
  return res.json();
}

/** Every row of a list the API pages, a full page at a time. */
async function fetchAll(path) {
  const rows = [];
  for (;;) {
    const page = await fetchJson(`${path}?limit=${PAGE}&offset=${rows.length}`);
    rows.push(...page);
    if (page.length < PAGE) return rows;
  }
}

/** The list from the server when online (kept for later), else the copy kept on the phone. */
async function loadList() {
  if (navigator.onLine) {
    try {
      const base = `/api/v1/stocktakes/${stocktakeId}`;
      const [stocktake, expected, scans] = await Promise.all([fetchJson(base), fetchJson(`${base}/expected`), fetchAll(`${base}/scans`)]);
      list = { id: stocktakeId, user, stocktake, expected, scans, at: new Date().toISOString() };
      await store.put('lists', list);
    } catch (_) {
      list = null;
    }
  }
  list ??= await store.get('lists', stocktakeId);
  if (!list) return false;
  byTag.clear();
  byAsset.clear();
  rooms.clear();
  roomByTag.clear();
  for (const e of list.expected) {
    byAsset.set(e.asset_id, e);
    if (e.tag) byTag.set(e.tag, e);
  }
  for (const r of list.stocktake.rooms) {
    rooms.set(r.room_id, r);
    if (r.tag) roomByTag.set(r.tag, r);
  }
  return true;
}

// ---- tally (as app/src/stocktake/tally.rs counts) --------------------------------------------

const COUNTS = new Set(['found', 'misplaced']);

/** The server's scans and this phone's, each once (the phone's newer word wins). */
function allScans() {
  const seen = new Map(list.scans.map((s) => [s.id, { ...s, stocktake: stocktakeId }]));
  for (const s of mine) seen.set(s.id, s);
  return Array.from(seen.values()).filter((s) => !s.undone && s.state !== 'rejected');
}

function tally(room) {
  const scans = allScans();
  const counted = new Set(scans.filter((s) => COUNTS.has(s.class) && s.asset_id).map((s) => s.asset_id));
  const t = { expected: 0, counted: 0, misplaced: 0, surplus: 0, missing: 0, miscounted: 0 };
  for (const e of list.expected) {
    if (room ? e.room_id === room : true) {
      t.expected += 1;
      if (counted.has(e.asset_id)) t.counted += 1;
      else t.missing += 1;
    }
  }
  for (const s of scans) {
    if (room && s.room_id !== room) continue;
    if (s.class === 'misplaced') t.misplaced += 1;
    if (s.class === 'surplus' || s.class === 'unlisted') t.surplus += 1;
    const e = batchOf(s);
    if (e && (s.counted ?? e.quantity) !== e.quantity) t.miscounted += 1;
  }
  return t;
}

/** The batch record (one tag, a quantity over 1) a counting scan counted, if it was one. */
function batchOf(s) {
  if (!COUNTS.has(s.class) || !s.asset_id) return null;
  const e = byAsset.get(s.asset_id);
  return e && e.quantity > 1 ? e : null;
}

/** How a code counts in `room` now, as the server will (it has the last word). */
function classify(code, room) {
  const e = byTag.get(code);
  const counted = allScans().some((s) => s.class !== 'repeat' && (s.code === code || (e && s.asset_id === e.asset_id)));
  if (counted) return { class: 'repeat', asset: e };
  if (e) return { class: e.room_id === room ? 'found' : 'misplaced', asset: e };
  // Blank, unknown, or a register asset outside the scope: the server tells which.
  return { class: 'unlisted', asset: null };
}

// ---- the page --------------------------------------------------------------------------

const select = $('[data-room]');
const room = () => select.value || null;

function say(message, problem = false) {
  const line = $('[data-count-status]');
  line.textContent = message || '';
  line.classList.toggle('form-error', problem);
}

function showTally() {
  for (const [scope, t] of [['room', room() ? tally(room()) : null], ['all', tally(null)]]) {
    const dl = $(`[data-tally="${scope}"]`);
    if (!dl) continue;
    dl.hidden = !t;
    if (!t) continue;
    for (const [k, v] of Object.entries(t)) {
      const dd = $(`[data-n="${k}"]`, dl);
      if (dd) dd.textContent = String(v);
    }
  }
  $('[data-pending]').textContent = String(mine.filter((s) => s.state === 'pending' || s.state === 'undo').length);
}

const CLASS_TEXT = () => ({ found: text.found, misplaced: text.misplaced, surplus: text.surplus, out_of_scope: text.outOfScope, repeat: text.repeat, unlisted: text.unlisted });

function roomName(id) {
  const r = rooms.get(id);
  return r ? `${r.building} · ${r.room}` : '';
}

function scanRow(s) {
  const li = document.createElement('li');
  li.className = `count-scan class-${s.class}${s.undone ? ' undone' : ''}`;
  li.dataset.code = s.code;
  li.dataset.class = s.class;
  const what = document.createElement('span');
  what.className = 'count-what';
  const e = s.asset_id ? byAsset.get(s.asset_id) : null;
  what.textContent = e ? `${e.name} · ${e.asset_code}` : s.code;
  const badge = document.createElement('span');
  badge.className = `badge class-${s.class}`;
  badge.textContent = CLASS_TEXT()[s.class] || s.class;
  li.append(badge, ' ', what);
  const batch = batchOf(s);
  if (batch) {
    const n = document.createElement('span');
    n.className = 'count-number';
    n.textContent = ` · ${s.counted ?? batch.quantity}/${batch.quantity}`;
    li.append(n);
  }
  if (s.class === 'misplaced' && e?.room_id) {
    const where = document.createElement('span');
    where.className = 'muted';
    where.textContent = ` · ${text.registeredIn}${roomName(e.room_id)}`;
    li.append(where);
  }
  if (s.state === 'pending') {
    const pending = document.createElement('span');
    pending.className = 'muted';
    pending.textContent = ` · ${text.notSynced}`;
    li.append(pending);
  }
  if (s.state === 'rejected') {
    const err = document.createElement('span');
    err.className = 'form-error';
    err.textContent = ` · ${text.refused}${s.error || ''}`;
    li.append(err);
  }
  if (!s.undone && s.class !== 'repeat' && s.state !== 'rejected') {
    const undo = document.createElement('button');
    undo.type = 'button';
    undo.className = 'link';
    undo.textContent = text.undo;
    undo.onclick = () => undoScan(s);
    li.append(' ', undo);
  }
  if (!s.undone && s.asset_id && COUNTS.has(s.class)) {
    const damaged = document.createElement('a');
    damaged.href = `/report/asset/${s.asset_id}`;
    damaged.className = 'count-damaged';
    damaged.textContent = text.damaged;
    li.append(' ', damaged);
  }
  return li;
}

function showScans() {
  const here = mine.filter((s) => !room() || s.room_id === room()).sort((a, b) => (a.at < b.at ? 1 : -1));
  $('[data-scans]').replaceChildren(...here.map(scanRow));
  showTally();
}

async function loadMine() {
  mine = (await store.byIndex('scans', 'stocktake', stocktakeId)).filter((s) => s.user === user);
}

// ---- a scan ----------------------------------------------------------------------------

function pickRoom(r) {
  select.value = r.room_id;
  select.dispatchEvent(new Event('change'));
}

/** Asks how many of a batch record are here, the register's quantity filled in. */
function askCount(asset) {
  const form = $('[data-batch]');
  const field = form.elements.counted;
  $('[data-batch-what]', form).textContent =
    `${asset.name} · ${asset.asset_code} · ${text.bookQuantity} ${asset.quantity}`;
  field.value = String(asset.quantity);
  form.hidden = false;
  field.focus();
  field.select();
  return new Promise((resolve) => {
    form.onsubmit = (ev) => {
      ev.preventDefault();
      const n = Number(field.value);
      if (!Number.isInteger(n) || n < 1 || n > 100000) {
        say(text.countBounds, true);
        return;
      }
      form.hidden = true;
      resolve(n);
    };
  });
}

async function take(raw) {
  if (!$('[data-batch]').hidden) {
    // One number at a time: the batch asked for first is answered first.
    signal(false);
    say(text.howMany, true);
    return;
  }
  const code = tagOf(raw);
  const door = roomByTag.get(code);
  if (door) {
    pickRoom(door);
    signal(true);
    say(`${text.roomPicked}${roomName(door.room_id)}`);
    return;
  }
  if (!/^[0-9A-HJKMNP-TV-Z]{8}$/.test(code)) {
    signal(false);
    say(`${text.notATag}${raw.slice(0, 60)}`, true);
    return;
  }
  if (!room()) {
    signal(false);
    say(text.pickRoomFirst, true);
    return;
  }
  const here = room();
  const { class: cls, asset } = classify(code, here);
  const counted = asset && asset.quantity > 1 && COUNTS.has(cls) ? await askCount(asset) : null;
  const scan = {
    id: uuidv7(),
    user,
    stocktake: stocktakeId,
    room_id: here,
    code,
    asset_id: asset?.asset_id || null,
    class: cls,
    at: new Date().toISOString(),
    // a repeat is shown, never sent: it would count for nothing
    state: cls === 'repeat' ? 'local' : 'pending',
    undone: false,
    counted,
  };
  await store.put('scans', scan);
  mine.push(scan);
  signal(cls === 'found');
  say(`${CLASS_TEXT()[cls]} · ${asset ? asset.name : code}`, cls !== 'found' && cls !== 'repeat');
  showScans();
  sync(false);
}

async function undoScan(s) {
  if (s.state === 'pending') {
    await store.del('scans', s.id);
    mine = mine.filter((x) => x.id !== s.id);
  } else {
    Object.assign(s, { undone: true, state: s.state === 'local' ? 'local' : 'undo' });
    await store.put('scans', s);
  }
  showScans();
  sync(false);
}

// ---- sync ------------------------------------------------------------------------------

let syncing = false;
let retry = null;

async function sendUndos() {
  for (const s of mine.filter((x) => x.state === 'undo')) {
    const res = await fetch(`/api/v1/stocktakes/${stocktakeId}/scans/${s.id}`, { method: 'DELETE' });
    if (res.status === 401) throw new Error(text.signIn);
    if (res.ok || res.status === 404) {
      s.state = 'synced';
      await store.put('scans', s);
    }
  }
}

async function sync(manual) {
  if (syncing || !list) return;
  clearTimeout(retry);
  const pending = mine.filter((s) => s.state === 'pending' || s.state === 'undo');
  if (pending.length === 0) return;
  if (!navigator.onLine) {
    if (manual) say(text.offline);
    return;
  }
  syncing = true;
  $('[data-sync-state]').textContent = text.syncing;
  if (root.dataset.counting !== 'true') await openCounting();
  try {
    const queue = mine.filter((s) => s.state === 'pending');
    for (let i = 0; i < queue.length; i += 200) {
      const chunk = queue.slice(i, i + 200);
      const res = await fetch('/api/v1/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: chunk.map((s) => ({ kind: 'stocktake_scan',
          record: { id: s.id, stocktake_id: stocktakeId, room_id: s.room_id, code: s.code, scanned_at: s.at,
            counted: s.counted ?? undefined } })) }),
      });
      if (res.status === 401) throw new Error(text.signIn);
      if (!res.ok) throw new Error(text.failed);
      const answer = await res.json();
      const byId = new Map(chunk.map((s) => [s.id, s]));
      for (const r of answer.results) {
        const s = byId.get(r.id);
        if (!s) continue;
        if (r.outcome === 'applied' || r.outcome === 'duplicate') {
          s.state = 'synced';
          if (r.class) s.class = r.class;
        } else if (r.outcome === 'rejected') {
          s.state = 'rejected';
          s.error = r.error?.message || '';
        }
        await store.put('scans', s);
      }
      $('[data-last-sync]').textContent = answer.synced_at.slice(11, 16);
    }
    await sendUndos();
    $('[data-sync-state]').textContent = '';
  } catch (err) {
    $('[data-sync-state]').textContent = err.message || text.failed;
    retry = setTimeout(() => sync(false), RETRY_MS);
  } finally {
    syncing = false;
    showScans();
  }
}

// ---- counting on this phone: the stocktake cannot finish until it hands in -----------------

/** Tells the server this phone counts (again, after a hand-in); false when offline. */
async function openCounting() {
  if (!navigator.onLine) return false;
  try {
    const res = await fetch(`/api/v1/stocktakes/${stocktakeId}/counting`, { method: 'POST' });
    if (res.ok) root.dataset.counting = 'true';
    return res.ok;
  } catch (_) {
    return false;
  }
}

async function handIn() {
  await sync(true);
  if (mine.some((s) => s.state === 'pending' || s.state === 'undo') || !navigator.onLine) {
    say(text.offline, true);
    return;
  }
  const res = await fetch(`/api/v1/stocktakes/${stocktakeId}/hand-in`, { method: 'POST' }).catch(() => null);
  if (res?.ok) {
    root.dataset.counting = 'false';
    say(text.handedIn);
  } else {
    say(text.failed, true);
  }
}

// ---- the scanner -----------------------------------------------------------------------

let scanner = null;

async function startCamera() {
  unlockSound();
  const host = $('[data-scanner-host]');
  const note = $('[data-camera-note]');
  try {
    const mod = await import('/scan/scanner.js');
    scanner = await mod.openScanner(host, {
      text: { torch: text.torch, zoom: text.zoom, camera: text.camera, stop: text.stop, aim: text.aim },
      onCode: take,
    });
    $('[data-scan-start]').hidden = true;
    host.addEventListener('scanner-reading', ({ detail }) => keepCamera(detail.decoder), { once: true });
    host.addEventListener('scanner-stopped', () => {
      scanner = null;
      $('[data-scan-start]').hidden = false;
    }, { once: true });
  } catch (err) {
    note.hidden = false;
    note.textContent = { insecure: text.cameraInsecure, denied: text.cameraDenied }[err.reason] || text.cameraNone;
  }
}

/** Whether the browser reads QR codes itself, so the camera needs no decoder of ours. */
async function nativeQrReader() {
  try {
    return 'BarcodeDetector' in window && (await window.BarcodeDetector.getSupportedFormats()).includes('qr_code');
  } catch (_) {
    return false;
  }
}

/** The camera's files this phone needs that are not kept yet (`native`: no decoder needed). */
async function cameraMissing(cache, native) {
  const files = native ? CAMERA_FILES : [...CAMERA_FILES, ...DECODER_FILES];
  const kept = await Promise.all(files.map((f) => cache.match(f)));
  return files.filter((_, i) => !kept[i]);
}

/** Says what works with no signal: typing codes always, the camera once its files are kept. */
function showOfflineState(camera) {
  root.dataset.offlineReady = 'true';
  root.dataset.cameraOffline = String(camera);
  $('[data-offline-state]').textContent = camera ? text.kept : text.keptTyping;
}

/** Keeps this page, the list and the files for counting by typed codes, with no signal. */
async function keepForOffline() {
  if (!('serviceWorker' in navigator) || !('caches' in window)) return;
  try {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    const cache = await caches.open(SHELL);
    if (navigator.onLine) {
      await cache.addAll([location.pathname, stylesheet(), ...COUNTING_FILES]);
      await cache.put('/__count_day', new Response(localDay()));
    }
    navigator.storage?.persist?.();
    showOfflineState((await cameraMissing(cache, await nativeQrReader())).length === 0);
  } catch (_) {
    // the page still counts online
  }
}

/** Once the camera reads (its files fetched, by now kept by the service worker as they were
 * used): keeps whatever of them is not kept yet. */
async function keepCamera(decoder) {
  if (!('caches' in window) || !navigator.onLine || !root.dataset.offlineReady) return;
  try {
    const cache = await caches.open(SHELL);
    await cache.addAll(await cameraMissing(cache, decoder === 'barcode-detector'));
    showOfflineState(true);
  } catch (_) {
    // kept when the camera next opens online
  }
}

async function start() {
  if (!root) return;
  if (!(await loadList())) {
    say(text.noList, true);
    return;
  }
  await loadMine();
  select.addEventListener('change', () => {
    showScans();
    if (room() && navigator.onLine) {
      fetch(`/api/v1/stocktakes/${stocktakeId}/rooms/${room()}/claim`, { method: 'POST' }).catch(() => {});
    }
  });
  $('[data-capture]').addEventListener('submit', (ev) => {
    ev.preventDefault();
    unlockSound();
    const field = ev.target.elements.code;
    const value = field.value.trim();
    field.value = '';
    if (value) take(value);
  });
  document.addEventListener('pointerdown', unlockSound, { once: true });
  $('[data-scan-start]').addEventListener('click', startCamera);
  // A keyboard-wedge scanner types into the focused field; a phone's keyboard stays closed.
  if (matchMedia('(pointer: fine)').matches) $('[data-capture] input').focus();
  $('[data-sync-now]').addEventListener('click', () => sync(true));
  $('[data-hand-in]').addEventListener('click', handIn);
  window.addEventListener('online', () => sync(false));
  window.addEventListener('offline', () => say(text.offline));
  if (!window.isSecureContext) {
    const note = $('[data-camera-note]');
    note.hidden = false;
    note.textContent = text.cameraInsecure;
  }
  await openCounting();
  root.dataset.ready = 'true';
  showScans();
  sync(false);
  keepForOffline();
}

start();
