// The 扫码 page: opens the camera at once (or on the button, where the browser wants a tap) and
// goes to the first thing read — one of our tags opens its record, any other text is searched.
import { signal, unlockSound } from './feedback.js';
import { openScanner } from './scanner.js';
import { tagOf } from '../offline/store.js';

const root = document.getElementById('scan-page');
const text = JSON.parse(document.getElementById('scan-text')?.textContent || '{}');
const host = root.querySelector('[data-scanner-host]');
const button = root.querySelector('[data-scan-start]');
const note = root.querySelector('[data-camera-note]');

function go(raw) {
  const code = tagOf(raw);
  signal(true);
  location.href = /^[0-9A-HJKMNP-TV-Z]{8}$/.test(code) ? `/t/${code}` : `/search?q=${encodeURIComponent(raw)}`;
}

async function start() {
  unlockSound();
  note.hidden = true;
  try {
    let done = false;
    const scanner = await openScanner(host, { text, onCode: (raw) => {
      if (done) return;
      done = true;
      scanner.stop();
      go(raw);
    } });
    button.hidden = true;
    host.addEventListener('scanner-stopped', () => { button.hidden = false; }, { once: true });
  } catch (err) {
    note.hidden = false;
    note.textContent = { insecure: text.cameraInsecure, denied: text.cameraDenied }[err.reason] || text.cameraNone;
  }
}

button.addEventListener('click', start);
root.dataset.ready = 'true';
start();
