// Camera frames made from our own label PDFs, for the decoder benchmark and the fake camera of
// the stocktake browser test: each page rendered in grey by pdftoppm, then placed on a camera
// frame — scaled, rotated, seen at an angle (a perspective), blurred, dimmed — the way a phone
// held over a label sees it. Deterministic: the same inputs make the same frames.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync, openSync, writeSync, closeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A binary PGM (P5) as { width, height, data }. */
export function readPgm(buf) {
  const fields = [];
  let i = 0;
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(buf[i]))) i++;
    if (buf[i] === 0x23) { while (buf[i] !== 0x0a) i++; continue; }
    let tok = '';
    while (!/\s/.test(String.fromCharCode(buf[i]))) tok += String.fromCharCode(buf[i++]);
    fields.push(tok);
  }
  i++;
  const [magic, width, height] = [fields[0], Number(fields[1]), Number(fields[2])];
  if (magic !== 'P5') throw new Error(`not a binary PGM: ${magic}`);
  return { width, height, data: new Uint8Array(buf.buffer, buf.byteOffset + i, width * height) };
}

/** Every page of a PDF as a grey image at `dpi`. */
export function renderPdf(pdf, dpi) {
  const dir = mkdtempSync(join(tmpdir(), 'rounds-frames-'));
  try {
    writeFileSync(join(dir, 'in.pdf'), pdf);
    execFileSync('pdftoppm', ['-r', String(dpi), '-gray', join(dir, 'in.pdf'), join(dir, 'page')]);
    return readdirSync(dir).filter((f) => f.endsWith('.pgm')).sort()
      .map((f) => readPgm(readFileSync(join(dir, f))));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The part of `image` at (x, y, width, height). */
export function crop(image, x, y, width, height) {
  const data = new Uint8Array(width * height);
  for (let r = 0; r < height; r++) data.set(image.data.subarray((y + r) * image.width + x, (y + r) * image.width + x + width), r * width);
  return { width, height, data };
}

/** A small deterministic random source (mulberry32). */
export function random(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The homography taking the four points `from` to `to` (each [[x, y] ×4]), as 9 numbers. */
function homography(from, to) {
  const a = [];
  const b = [];
  for (let k = 0; k < 4; k++) {
    const [x, y] = from[k];
    const [u, v] = to[k];
    a.push([x, y, 1, 0, 0, 0, -u * x, -u * y]); b.push(u);
    a.push([0, 0, 0, x, y, 1, -v * x, -v * y]); b.push(v);
  }
  for (let c = 0; c < 8; c++) { // Gaussian elimination with partial pivoting
    let p = c;
    for (let r = c + 1; r < 8; r++) if (Math.abs(a[r][c]) > Math.abs(a[p][c])) p = r;
    [a[c], a[p]] = [a[p], a[c]];
    [b[c], b[p]] = [b[p], b[c]];
    for (let r = 0; r < 8; r++) {
      if (r === c) continue;
      const f = a[r][c] / a[c][c];
      for (let k = c; k < 8; k++) a[r][k] -= f * a[c][k];
      b[r] -= f * b[c];
    }
  }
  return [...b.map((v, i) => v / a[i][i]), 1];
}

function boxBlur(data, width, height, radius) {
  const tmp = new Float32Array(width * height);
  const n = 2 * radius + 1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += data[y * width + Math.min(width - 1, Math.max(0, x + k))];
      tmp[y * width + x] = s / n;
    }
  }
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let s = 0;
      for (let k = -radius; k <= radius; k++) s += tmp[Math.min(height - 1, Math.max(0, y + k)) * width + x];
      data[y * width + x] = s / n;
    }
  }
}

/**
 * A grey camera frame of `width`×`height` with `labels` placed on a desk-grey background.
 * Each placement: { image, cx, cy (centre, pixels), scale, angle (degrees), tilt (0…0.5: how
 * much narrower the far edge looks) }. Options: blur (box radius, pixels), dim (0…1 of the
 * light left), seed.
 */
export function frame(width, height, labels, { blur = 0, dim = 1, seed = 1 } = {}) {
  const rnd = random(seed);
  const out = new Float32Array(width * height);
  for (let i = 0; i < out.length; i++) out[i] = 150 + 30 * ((i % width) / width) + 8 * (rnd() - 0.5);
  for (const { image, cx, cy, scale = 1, angle = 0, tilt = 0 } of labels) {
    const w = image.width * scale;
    const h = image.height * scale;
    const th = (angle * Math.PI) / 180;
    const corner = ([x, y]) => [cx + x * Math.cos(th) - y * Math.sin(th), cy + x * Math.sin(th) + y * Math.cos(th)];
    const far = (w / 2) * (1 - tilt);
    const to = [[-far, -h / 2], [far, -h / 2], [w / 2, h / 2], [-w / 2, h / 2]].map(corner);
    const from = [[0, 0], [image.width, 0], [image.width, image.height], [0, image.height]];
    const m = homography(to, from); // frame → label
    const xs = to.map((p) => p[0]);
    const ys = to.map((p) => p[1]);
    const [x0, x1] = [Math.max(0, Math.floor(Math.min(...xs))), Math.min(width - 1, Math.ceil(Math.max(...xs)))];
    const [y0, y1] = [Math.max(0, Math.floor(Math.min(...ys))), Math.min(height - 1, Math.ceil(Math.max(...ys)))];
    for (let y = y0; y <= y1; y++) {
      for (let x = x0; x <= x1; x++) {
        const d = m[6] * x + m[7] * y + m[8];
        const u = (m[0] * x + m[1] * y + m[2]) / d;
        const v = (m[3] * x + m[4] * y + m[5]) / d;
        if (u < 0 || v < 0 || u >= image.width - 1 || v >= image.height - 1) continue;
        const [iu, iv] = [Math.floor(u), Math.floor(v)];
        const [fu, fv] = [u - iu, v - iv];
        const at = (c, r) => image.data[r * image.width + c];
        out[y * width + x] = (at(iu, iv) * (1 - fu) + at(iu + 1, iv) * fu) * (1 - fv)
          + (at(iu, iv + 1) * (1 - fu) + at(iu + 1, iv + 1) * fu) * fv;
      }
    }
  }
  if (blur > 0) boxBlur(out, width, height, blur);
  const grey = new Uint8Array(width * height);
  for (let i = 0; i < grey.length; i++) {
    const v = out[i] * dim + (dim < 1 ? 10 * (rnd() - 0.5) : 0);
    grey[i] = Math.max(0, Math.min(255, Math.round(v)));
  }
  return grey;
}

/** The grey frame as RGBA (what a canvas's ImageData holds). */
export function rgba(grey) {
  const out = new Uint8Array(grey.length * 4);
  for (let i = 0; i < grey.length; i++) {
    out[4 * i] = out[4 * i + 1] = out[4 * i + 2] = grey[i];
    out[4 * i + 3] = 255;
  }
  return out;
}

/** Writes grey frames as a YUV4MPEG2 (4:2:0) video, the file Chromium's fake camera plays. */
export function writeY4m(path, frames, width, height, fps) {
  const fd = openSync(path, 'w');
  const chroma = Buffer.alloc((width / 2) * (height / 2) * 2, 128);
  writeSync(fd, `YUV4MPEG2 W${width} H${height} F${fps}:1 Ip A1:1 C420jpeg\n`);
  for (const grey of frames) {
    writeSync(fd, 'FRAME\n');
    writeSync(fd, grey);
    writeSync(fd, chroma);
  }
  closeSync(fd);
}
