// The in-page camera scanner: a video of the back camera, every frame read in a Web Worker
// (worker.js), every code in view taken without a tap. Torch, zoom and a camera picker appear
// where the camera offers them; focus is continuous where it can be. The caller gives the
// sentences (translated by the server) and gets each new code once: a code held in view is
// not taken again until it has been out of view for HOLD_MS.
//
//   const scanner = await openScanner(host, { text, onCode });   …   scanner.stop();
//
// The host gets `scanner-reading` (detail: the decoder's name) once the first frame is read,
// and `scanner-stopped` when the scanner stops.
//
// `openScanner` throws `Unavailable` with `reason` 'insecure' (plain http: phones allow the
// camera only on https or localhost), 'denied' or 'none' (no camera).

const HOLD_MS = 2000;
const MAX_WIDTH = 1280;

export class Unavailable extends Error {
  constructor(reason) {
    super(reason);
    this.reason = reason;
  }
}

/** Whether this page may ask for the camera at all. */
export const cameraAllowed = () => window.isSecureContext && !!navigator.mediaDevices?.getUserMedia;

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (k === 'class') e.className = v;
    else if (k.startsWith('on')) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v);
  }
  e.append(...children);
  return e;
}

async function stream(deviceId) {
  const video = { width: { ideal: 1280 }, height: { ideal: 720 } };
  if (deviceId) video.deviceId = { exact: deviceId };
  else video.facingMode = { ideal: 'environment' };
  try {
    return await navigator.mediaDevices.getUserMedia({ video, audio: false });
  } catch (err) {
    throw new Unavailable(err?.name === 'NotAllowedError' || err?.name === 'SecurityError' ? 'denied' : 'none');
  }
}

export async function openScanner(host, { text, onCode }) {
  if (!cameraAllowed()) throw new Unavailable('insecure');
  const video = el('video', { playsinline: '', muted: '', autoplay: '', class: 'scanner-video' });
  video.muted = true;
  const controls = el('div', { class: 'scanner-controls' });
  const status = el('p', { class: 'scanner-status muted', role: 'status' });
  host.replaceChildren(el('div', { class: 'scanner-view' }, video, el('span', { class: 'scanner-aim' })), controls, status);

  const worker = new Worker(new URL('./worker.js', import.meta.url));
  const canvas = document.createElement('canvas');
  const context = canvas.getContext('2d', { willReadFrequently: true });
  const lastSeen = new Map();
  let media = null;
  let running = true;
  let busy = false;
  let frames = 0;

  worker.onmessage = ({ data }) => {
    busy = false;
    frames += 1;
    host.dataset.frames = String(frames);
    host.dataset.decoder = data.decoder || '';
    if (frames === 1) host.dispatchEvent(new CustomEvent('scanner-reading', { detail: { decoder: data.decoder } }));
    const now = performance.now();
    for (const code of data.texts) {
      const seen = lastSeen.get(code);
      lastSeen.set(code, now);
      if (seen === undefined || now - seen > HOLD_MS) onCode(code);
    }
    next();
  };

  function grab() {
    if (!running) return;
    if (busy || video.readyState < 2 || !video.videoWidth) {
      next();
      return;
    }
    const scale = Math.min(1, MAX_WIDTH / video.videoWidth);
    canvas.width = Math.round(video.videoWidth * scale);
    canvas.height = Math.round(video.videoHeight * scale);
    context.drawImage(video, 0, 0, canvas.width, canvas.height);
    const frame = context.getImageData(0, 0, canvas.width, canvas.height);
    busy = true;
    worker.postMessage({ id: frames, pixels: frame.data.buffer, width: frame.width, height: frame.height }, [frame.data.buffer]);
  }

  function next() {
    if (!running) return;
    if (video.requestVideoFrameCallback && !busy) video.requestVideoFrameCallback(grab);
    else setTimeout(grab, 30);
  }

  async function tune(track) {
    const caps = track.getCapabilities?.() || {};
    controls.replaceChildren();
    if (caps.focusMode?.includes('continuous')) {
      track.applyConstraints({ advanced: [{ focusMode: 'continuous' }] }).catch(() => {});
    }
    if (caps.torch) {
      let on = false;
      const torch = el('button', { type: 'button', class: 'secondary', 'aria-pressed': 'false' }, text.torch);
      torch.onclick = async () => {
        on = !on;
        await track.applyConstraints({ advanced: [{ torch: on }] }).catch(() => {});
        torch.setAttribute('aria-pressed', String(on));
      };
      controls.append(torch);
    }
    if (caps.zoom && caps.zoom.max > caps.zoom.min) {
      const zoom = el('input', { type: 'range', min: caps.zoom.min, max: caps.zoom.max, step: caps.zoom.step || 0.1,
        value: track.getSettings().zoom || caps.zoom.min, 'aria-label': text.zoom });
      zoom.oninput = () => track.applyConstraints({ advanced: [{ zoom: Number(zoom.value) }] }).catch(() => {});
      controls.append(el('label', { class: 'scanner-zoom' }, text.zoom, zoom));
    }
    const cameras = (await navigator.mediaDevices.enumerateDevices()).filter((d) => d.kind === 'videoinput');
    if (cameras.length > 1) {
      const current = track.getSettings().deviceId;
      const pick = el('select', { 'aria-label': text.camera },
        ...cameras.map((c, i) => el('option', { value: c.deviceId }, c.label || `${text.camera} ${i + 1}`)));
      pick.value = current;
      pick.onchange = () => use(pick.value);
      controls.append(pick);
    }
    const stop = el('button', { type: 'button', class: 'secondary', 'data-scanner-stop': '' }, text.stop);
    stop.onclick = () => api.stop();
    controls.append(stop);
  }

  async function use(deviceId) {
    media?.getTracks().forEach((t) => t.stop());
    media = await stream(deviceId);
    video.srcObject = media;
    await video.play().catch(() => {});
    await tune(media.getVideoTracks()[0]);
    status.textContent = text.aim;
  }

  const api = {
    stop() {
      running = false;
      media?.getTracks().forEach((t) => t.stop());
      worker.terminate();
      host.replaceChildren();
      host.dispatchEvent(new CustomEvent('scanner-stopped'));
    },
  };
  try {
    await use(null);
  } catch (err) {
    api.stop();
    throw err;
  }
  next();
  return api;
}
