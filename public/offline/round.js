// The rounds page, offline: opens items from the list or by a scanned tag, fills checklists
// and damage reports from the forms the server rendered (and translated) into <template>s,
// keeps each record in IndexedDB under a UUIDv7 made here, and syncs the queue to
// POST /api/v1/sync when there is a connection (photos first, each sent once).
// Every sentence shown comes from #round-text, rendered by the server in the user's language.

import { localDay, normalise, openStore, stylesheet, uuidv7 } from './store.js';

const SHELL = 'rounds-shell-v1';
const bar = document.getElementById('sync-bar');
const sheet = document.getElementById('round-sheet');
const text = document.getElementById('round-text')?.dataset ?? {};
const user = bar?.dataset.user;
const today = bar?.dataset.today;
const RETRY_MS = 30000;
// The first few retries after a failure come sooner: a connection that has just come back (the
// 'online' event) often needs a moment before requests go through.
const QUICK_RETRY_MS = 3000;
const QUICK_RETRIES = 3;

// ---- the queue ---------------------------------------------------------------------

const store = openStore('rounds', 1, (d) => {
  d.createObjectStore('records', { keyPath: 'id' }).createIndex('user', 'user');
  d.createObjectStore('photos', { keyPath: 'id' });
  d.createObjectStore('meta', { keyPath: 'key' });
});
const { put, get, del } = store;
const myRecords = () => store.byIndex('records', 'user', user);

async function meta(key, fallback) {
  const row = await get('meta', `${key}:${user}`);
  return row ? row.value : fallback;
}
const setMeta = (key, value) => put('meta', { key: `${key}:${user}`, value });

// ---- the page --------------------------------------------------------------------------

const $ = (sel, root = document) => root.querySelector(sel);
const items = () => Array.from(document.querySelectorAll('.round-item'));

function say(message) {
  const line = $('[data-sync-status]', bar);
  if (line) line.textContent = message || '';
}

function findByTag(code) {
  const want = normalise(code);
  return items().find((li) => li.dataset.tag && normalise(li.dataset.tag) === want);
}

async function markItems() {
  const recorded = new Set();
  for (const r of await myRecords()) {
    if (r.kind === 'inspection' && r.state !== 'rejected') recorded.add(r.item_key);
  }
  const synced = new Set(await meta(`done-${today}`, []));
  let done = 0;
  for (const li of items()) {
    const key = li.dataset.key;
    const badge = $('[data-badge]', li);
    if (recorded.has(key)) {
      li.dataset.state = 'recorded';
      if (badge) badge.textContent = text.recorded;
    } else if (synced.has(key) && li.dataset.state !== 'done') {
      li.dataset.state = 'done';
      if (badge) badge.textContent = text.done;
    }
    li.className = `round-item state-${li.dataset.state}`;
    if (li.dataset.state === 'done' || li.dataset.state === 'recorded') done += 1;
  }
  const total = items().length;
  const shown = $('[data-done]');
  if (shown) shown.textContent = String(done);
  const fill = $('[data-progress]');
  if (fill && total) {
    fill.max = total;
    fill.value = done;
  }
}

async function refresh() {
  if (!bar) return;
  // Both read before either is shown (records first: a sync stores its time before it clears
  // what it sent), so the bar never shows an emptied queue beside an old sync time.
  const records = await myRecords();
  const lastSync = await meta('last-sync', '');
  const pending = records.filter((r) => r.state !== 'rejected');
  $('[data-pending]', bar).textContent = String(pending.length);
  $('[data-last-sync]', bar).textContent = lastSync || text.never;
  const rejected = $('[data-rejected]', bar);
  rejected.replaceChildren(
    ...records
      .filter((r) => r.state === 'rejected')
      .map((r) => {
        const p = document.createElement('p');
        p.className = 'form-error';
        p.textContent = `${r.name} · ${text.refused}${r.error || ''} `;
        const drop = document.createElement('button');
        drop.type = 'button';
        drop.className = 'link';
        drop.textContent = text.discard;
        drop.onclick = async () => {
          await forget(r);
          refresh();
        };
        p.append(drop);
        return p;
      }),
  );
  await markItems();
}

// ---- photos ----------------------------------------------------------------------------

/** The photo cut to 1600 px on the long edge as JPEG (what the server keeps anyway). */
async function shrink(file) {
  try {
    const bitmap = await createImageBitmap(file, { imageOrientation: 'from-image' });
    const scale = Math.min(1, 1600 / Math.max(bitmap.width, bitmap.height));
    const canvas = document.createElement('canvas');
    canvas.width = Math.round(bitmap.width * scale);
    canvas.height = Math.round(bitmap.height * scale);
    canvas.getContext('2d').drawImage(bitmap, 0, 0, canvas.width, canvas.height);
    const blob = await new Promise((resolve) => canvas.toBlob(resolve, 'image/jpeg', 0.85));
    return blob && blob.size < file.size ? blob : file;
  } catch (_) {
    return file;
  }
}

const taken = new WeakMap(); // a form's fieldset (or the form) → photo ids

async function takePhotos(input) {
  const holder = input.closest('fieldset') || input.closest('form');
  const thumbs = $('.thumbs', input.closest('.photos'));
  for (const file of Array.from(input.files || [])) {
    const blob = await shrink(file);
    const id = uuidv7();
    await put('photos', { id, user, blob, uploaded: false });
    taken.set(holder, [...(taken.get(holder) || []), id]);
    const img = document.createElement('img');
    img.src = URL.createObjectURL(blob);
    img.alt = '';
    img.width = 64;
    img.height = 64;
    thumbs.append(img);
  }
  input.value = '';
}

// ---- forms -----------------------------------------------------------------------------

let openItem = null;

function closeSheet(drop) {
  if (drop) {
    sheet.querySelectorAll('fieldset, form').forEach((el) => (taken.get(el) || []).forEach((id) => del('photos', id)));
  }
  sheet.replaceChildren();
  sheet.hidden = true;
  const list = document.getElementById('round-items');
  if (list) list.hidden = false;
  openItem?.scrollIntoView({ block: 'center' });
  openItem = null;
}

function subjectOf(li) {
  return li.dataset.kind === 'asset' ? { asset_id: li.dataset.id } : { room_id: li.dataset.id };
}

function seenOf(li) {
  if (li.dataset.kind !== 'asset') return {};
  return { room_id: li.dataset.roomId || null, status: li.dataset.status || null };
}

function showForm(li, templateId) {
  const template = document.getElementById(templateId);
  if (!template) return;
  if (openItem) closeSheet(true);
  const form = template.content.firstElementChild.cloneNode(true);
  $('[data-subject]', form).textContent = li.dataset.name;
  sheet.append(form);
  sheet.hidden = false;
  document.getElementById('round-items').hidden = true;
  openItem = li;
  form.addEventListener('change', (ev) => {
    const input = ev.target;
    if (input.type === 'file') takePhotos(input);
    if (input.type === 'radio') {
      const note = $('[data-note]', input.closest('fieldset'));
      note?.classList.toggle('hidden', input.value !== 'fail');
    }
  });
  $('[data-cancel]', form).onclick = () => closeSheet(true);
  form.onsubmit = (ev) => {
    ev.preventDefault();
    (form.dataset.template ? saveInspection : saveReport)(form, li);
  };
  sheet.scrollIntoView({ block: 'start' });
}

async function queue(li, kind, record) {
  await put('records', {
    id: record.id,
    user,
    kind,
    item_key: li.dataset.key,
    name: li.dataset.name,
    record,
    seen: seenOf(li),
    created_at: new Date().toISOString(),
    state: 'pending',
  });
  closeSheet(false);
  await refresh();
  say(text.saved);
  sync(false);
}

async function saveInspection(form, li) {
  const error = $('.form-error', form);
  const answers = [];
  for (const fs of form.querySelectorAll('fieldset[data-item]')) {
    const key = fs.dataset.item;
    const field = fs.dataset.kind === 'pass_fail' ? $(`input[name="v-${key}"]:checked`, fs) : $(`input[name="v-${key}"]`, fs);
    const value = field ? field.value.trim() : '';
    const photos = taken.get(fs) || [];
    if (!value || (fs.dataset.photoRequired === 'true' && photos.length === 0)) {
      error.textContent = text.incomplete.replace('{n}', fs.dataset.label);
      fs.scrollIntoView({ block: 'center' });
      return;
    }
    const note = value === 'fail' ? $(`input[name="n-${key}"]`, fs).value.trim() : '';
    answers.push({ key, value, note, photos });
  }
  await queue(li, 'inspection', {
    id: uuidv7(),
    template_id: form.dataset.template,
    ...subjectOf(li),
    inspected_at: new Date().toISOString(),
    answers,
    notes: form.elements.notes.value.trim(),
  });
}

async function saveReport(form, li) {
  const description = form.elements.description.value.trim();
  if (!description) {
    form.elements.description.reportValidity();
    return;
  }
  await queue(li, 'damage_report', {
    id: uuidv7(),
    ...subjectOf(li),
    happened_at: form.elements.happened_at.value.trim(),
    description,
    cause: form.elements.cause.value.trim(),
    liable: form.elements.liable.value.trim(),
    photos: taken.get(form) || [],
  });
}

// ---- sync ------------------------------------------------------------------------------

let syncing = false;
let retry = null;
let failures = 0;

class SignedOut extends Error {}

async function forget(record) {
  const photos = record.kind === 'inspection' ? record.record.answers.flatMap((a) => a.photos) : record.record.photos;
  await Promise.all(photos.map((id) => del('photos', id)));
  await del('records', record.id);
}

/** Sends each photo the queue refers to that has not arrived yet; a photo already on the
 * server (HEAD answers 200) is marked and not sent again. */
async function sendPhotos(records) {
  const ids = new Set(records.flatMap((r) => (r.kind === 'inspection' ? r.record.answers.flatMap((a) => a.photos) : r.record.photos)));
  for (const id of ids) {
    const photo = await get('photos', id);
    if (!photo || photo.uploaded) continue;
    const head = await fetch(`/api/v1/photos/${id}/thumb`, { method: 'HEAD' });
    if (head.status === 401) throw new SignedOut();
    if (!head.ok) {
      const body = new FormData();
      body.append('file', photo.blob, `${id}.jpg`);
      const res = await fetch(`/api/v1/photos/${id}`, { method: 'PUT', body });
      if (res.status === 401) throw new SignedOut();
      if (!res.ok) continue; // the record will come back `missing_photos` and say why later
    }
    await put('photos', { ...photo, uploaded: true });
  }
}

async function applyResults(records, results) {
  const byId = new Map(records.map((r) => [r.id, r]));
  const synced = new Set(await meta(`done-${today}`, []));
  for (const result of results) {
    const record = byId.get(result.id);
    if (!record) continue;
    if (result.outcome === 'applied' || result.outcome === 'duplicate') {
      if (record.kind === 'inspection') synced.add(record.item_key);
      await forget(record);
    } else if (result.outcome === 'rejected') {
      await put('records', { ...record, state: 'rejected', error: result.error?.message || '' });
    } else if (result.outcome === 'missing_photos') {
      for (const id of result.missing_photos || []) {
        const photo = await get('photos', id);
        if (photo) await put('photos', { ...photo, uploaded: false });
      }
    }
  }
  await setMeta(`done-${today}`, Array.from(synced));
}

export async function sync(manual) {
  if (!bar || syncing) return;
  clearTimeout(retry);
  const records = (await myRecords()).filter((r) => r.state !== 'rejected');
  if (records.length === 0) {
    if (manual) say('');
    return;
  }
  if (!navigator.onLine) {
    say(text.offline);
    return;
  }
  syncing = true;
  say(text.syncing);
  try {
    await sendPhotos(records);
    for (let i = 0; i < records.length; i += 200) {
      const chunk = records.slice(i, i + 200);
      const res = await fetch('/api/v1/sync', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ records: chunk.map((r) => ({ kind: r.kind, record: r.record, seen: r.seen })) }),
      });
      if (res.status === 401) throw new SignedOut();
      if (!res.ok) throw new Error(`sync answered ${res.status}`);
      const answer = await res.json();
      await setMeta('last-sync', answer.synced_at.slice(0, 16).replace('T', ' '));
      await applyResults(chunk, answer.results);
    }
    say('');
    failures = 0;
  } catch (err) {
    say(err instanceof SignedOut ? text.signIn : text.failed);
    failures += 1;
    retry = setTimeout(() => sync(false), failures <= QUICK_RETRIES ? QUICK_RETRY_MS : RETRY_MS);
  } finally {
    syncing = false;
    await refresh();
  }
  // What a successful sync left (a record waiting for its photos) goes with the next one.
  if (failures === 0 && navigator.onLine && (await myRecords()).some((r) => r.state !== 'rejected')) {
    retry = setTimeout(() => sync(false), RETRY_MS);
  }
}

// ---- fresh states when online ----------------------------------------------------------

const stateText = { done: text.stateDone, open: text.stateOpen, due_today: text.stateDueToday, overdue: text.stateOverdue };

async function freshStates() {
  try {
    const res = await fetch('/api/v1/rounds/today');
    if (!res.ok) return;
    const rounds = await res.json();
    const states = new Map();
    for (const r of rounds) {
      for (const i of r.items) states.set(`${i.schedule_id}:${i.subject.kind}:${i.subject.id}`, i.state);
    }
    for (const li of items()) {
      const state = states.get(li.dataset.key);
      if (!state || li.dataset.state === 'recorded') continue;
      li.dataset.state = state;
      const badge = $('[data-badge]', li);
      if (badge) badge.textContent = stateText[state] || badge.textContent;
    }
    await markItems();
  } catch (_) {
    // offline: the page as cached stands
  }
}

// ---- start -----------------------------------------------------------------------------

async function keepForOffline() {
  const state = $('[data-offline-state]', bar);
  if (!('serviceWorker' in navigator) || !('caches' in window)) {
    state.textContent = text.noWorker;
    return;
  }
  try {
    await navigator.serviceWorker.register('/sw.js');
    await navigator.serviceWorker.ready;
    if (navigator.onLine && location.pathname === '/rounds') {
      const cache = await caches.open(SHELL);
      await cache.addAll(['/rounds', stylesheet()]);
      await cache.put('/__round_day', new Response(localDay()));
    }
    navigator.storage?.persist?.();
    state.textContent = text.online;
    bar.dataset.offlineReady = 'true';
  } catch (_) {
    state.textContent = text.noWorker;
  }
}

function openByCode(code) {
  const li = findByTag(code);
  if (li) {
    showForm(li, `checklist-${li.dataset.template}`);
  } else if (navigator.onLine) {
    location.href = `/t/${encodeURIComponent(code)}?record`;
  } else {
    say(text.notInRound);
  }
}

function start() {
  if (!bar) return;
  document.getElementById('round-items')?.addEventListener('click', (ev) => {
    const link = ev.target.closest('a');
    const li = ev.target.closest('.round-item');
    if (!link || !li) return;
    ev.preventDefault();
    if (link.classList.contains('round-report')) showForm(li, 'damage-form');
    else showForm(li, `checklist-${li.dataset.template}`);
  });
  $('[data-open-code]')?.addEventListener('submit', (ev) => {
    ev.preventDefault();
    const code = ev.target.elements.code.value.trim();
    if (code) openByCode(code);
  });
  $('[data-sync-now]', bar).onclick = () => sync(true);
  window.addEventListener('online', () => sync(false));
  window.addEventListener('offline', () => say(text.offline));
  const tag = location.pathname.match(/^\/[tT]\/([^/]+)$/);
  refresh().then(() => {
    if (tag) openByCode(tag[1]);
    if (navigator.onLine) {
      freshStates();
      sync(false);
    } else {
      say(text.offline);
    }
  });
  keepForOffline();
}

start();
