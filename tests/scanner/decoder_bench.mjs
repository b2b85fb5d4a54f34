// The decoder figures (README): label images made from our own PDFs — each stock at 200 dpi,
// placed on a 1280×720 camera frame plain, blurred, rotated 15°, seen at an angle and dimmed,
// and frames holding three labels at once — read by each candidate decoder as the scanner's
// worker would: zxing-wasm (ZXing-C++, npm; what the scanner serves) and our `scanner` crate
// (rqrr) compiled to wasm (target/scanner-candidate, made by .ci/bench-decoder), each given the
// worker's second look at a frame where it read nothing (public/scan/sharpen.js). Prints the
// share read per stock and variant, the time per frame, and what each adds to a first visit
// (brotli). Runs in Node's V8, the engine of Chrome's workers.
//
//   bash .ci/bench-decoder      (builds the site and installs zxing-wasm if missing)
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { api, startServer } from '../browser/harness.mjs';
import { crop, frame, random, renderPdf, rgba } from './frames.mjs';

const DPI = 200;
const [W, H] = [1280, 720];
const LABELS_PER_STOCK = Number(process.env.LABELS || 40);
// The stocks measured: label cells in mm (left, top, width, height, columns, rows) as in
// app/src/labels/stock.rs.
const STOCKS = {
  'thermal-30x20': { cell: [0, 0, 30, 20], grid: [1, 1] },
  'thermal-50x30': { cell: [0, 0, 50, 30], grid: [1, 1] },
  'a4-3x8': { cell: [0, 0.5, 70, 37], grid: [3, 8] },
};
const VARIANTS = {
  plain: () => ({}),
  blurred: () => ({ blur: 2 }),
  'rotated 15°': () => ({ angle: 15 }),
  perspective: () => ({ tilt: 0.3, angle: -6 }),
  dim: () => ({ dim: 0.35 }),
};

function brotliBytes(path) {
  return Number(execFileSync('sh', ['-c', `brotli -c -q 11 "${path}" | wc -c`]).toString().trim());
}

// The worker's sharpening, run as the worker runs it: a classic script setting self.sharpen, in
// the global scope (a vm context of its own would make its typed arrays ten times slower).
globalThis.self = globalThis;
(0, eval)(readFileSync('public/scan/sharpen.js', 'utf8'));
const SHARPEN_BYTES = brotliBytes('public/scan/sharpen.js');

/** `read` as the worker runs it: a frame where nothing is read is read again sharpened. */
function asTheWorkerReads(read) {
  return async (f) => {
    const texts = await read(f);
    return texts.length > 0 ? texts : read(self.sharpen(f));
  };
}

async function decoders() {
  const site = 'target/scanner-candidate';
  const ours = await import(pathToFileURL(join(process.cwd(), site, 'decoder.js')).href);
  await ours.default({ module_or_path: readFileSync(join(site, 'decoder_bg.wasm')) });
  const list = [{
    name: 'rqrr (scanner crate, wasm)',
    bytes: brotliBytes(join(site, 'decoder_bg.wasm')) + brotliBytes(join(site, 'decoder.js')) + SHARPEN_BYTES,
    read: asTheWorkerReads(async (f) => ours.decode(f.data, f.width, f.height)),
  }];
  const tools = process.env.ROUNDS_TOOLS;
  try {
    const require = createRequire(join(tools, 'package.json'));
    const entry = require.resolve('zxing-wasm/reader');
    const zxing = await import(pathToFileURL(entry).href);
    const wasm = join(entry, '..', '..', '..', 'reader', 'zxing_reader.wasm');
    await zxing.prepareZXingModule({ overrides: { wasmBinary: readFileSync(wasm) }, fireImmediately: true });
    const options = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 8 };
    list.push({
      name: `zxing-wasm ${JSON.parse(readFileSync(join(entry, '..', '..', '..', '..', 'package.json'))).version} (reader)`,
      bytes: brotliBytes(wasm) + brotliBytes(join(entry, '..', '..', '..', 'iife', 'reader', 'index.js')) + SHARPEN_BYTES,
      read: asTheWorkerReads(async (f) => (await zxing.readBarcodes(f, options)).map((b) => b.text)),
    });
  } catch (err) {
    console.log(`  (zxing-wasm not installed under ${tools}: ${err.message.split('\n')[0]})`);
  }
  return list;
}

/** Each stock's labels as images, with the URL each carries. */
async function labelImages(base, token, tags) {
  const out = {};
  for (const [stock, { cell, grid }] of Object.entries(STOCKS)) {
    const wanted = tags.slice(0, stock.startsWith('a4') ? Math.min(24, tags.length) : tags.length);
    const res = await fetch(`${base}/api/v1/labels`, { method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ stock, tags: wanted }) });
    if (!res.ok) throw new Error(`labels for ${stock}: ${res.status}`);
    const pages = renderPdf(Buffer.from(await res.arrayBuffer()), DPI);
    const px = (mm) => Math.round((mm * DPI) / 25.4);
    const images = [];
    for (const page of pages) {
      for (let r = 0; r < grid[1]; r++) {
        for (let c = 0; c < grid[0]; c++) {
          if (images.length >= wanted.length) break;
          const [x, y, w, h] = [px(cell[0] + c * cell[2]), px(cell[1] + r * cell[3]), px(cell[2]), px(cell[3])];
          images.push({ image: crop(page, x, y, Math.min(w, page.width - x), Math.min(h, page.height - y)),
            url: `${base}/t/${wanted[images.length]}` });
        }
      }
    }
    out[stock] = images;
  }
  return out;
}

const server = await startServer();
try {
  const { base } = server;
  const token = (await api(base, '/api/v1/auth/token', null,
    { method: 'POST', body: JSON.stringify({ login: 'demo-manager', password: 'rounds-demo' }) })).token;
  const st = await api(base, '/api/v1/stocktakes', token, { method: 'POST', body: JSON.stringify({ name: 'bench' }) });
  const tags = (await api(base, `/api/v1/stocktakes/${st.id}/expected`, token)).filter((e) => e.tag).map((e) => e.tag)
    .slice(0, LABELS_PER_STOCK);
  const labels = await labelImages(base, token, tags);
  const rnd = random(7);
  // Every frame: a label of a stock in one variant, somewhere in the middle of the view.
  const frames = [];
  for (const [stock, images] of Object.entries(labels)) {
    for (const [variant, make] of Object.entries(VARIANTS)) {
      for (const { image, url } of images) {
        const v = make();
        const scale = Math.min(1, (0.8 * H) / image.height, (0.8 * W) / image.width);
        const place = { image, cx: W / 2 + (rnd() - 0.5) * 200, cy: H / 2 + (rnd() - 0.5) * 100, scale, angle: v.angle || 0, tilt: v.tilt || 0 };
        frames.push({ stock, variant, urls: [url], grey: frame(W, H, [place], { blur: v.blur, dim: v.dim, seed: frames.length }) });
      }
    }
  }
  const thermal = labels['thermal-30x20'];
  for (let i = 0; i + 2 < thermal.length; i += 3) {
    const three = [0, 1, 2].map((k) => ({ image: thermal[i + k].image, cx: 260 + k * 380, cy: 360 + (k - 1) * 80, angle: (k - 1) * 8 }));
    frames.push({ stock: 'thermal-30x20', variant: 'three in a frame', urls: [0, 1, 2].map((k) => thermal[i + k].url),
      grey: frame(W, H, three, { seed: 9000 + i }) });
  }
  // Frames with no label (the camera between two labels): the worst case, read twice.
  const empty = Array.from({ length: 20 }, (_, i) => ({ data: rgba(frame(W, H, [], { seed: 7000 + i })), width: W, height: H }));

  console.log(`== QR decoders on ${frames.length} frames of ${W}×${H} from our label PDFs at ${DPI} dpi (${tags.length} labels a stock)`);
  for (const d of await decoders()) {
    const times = [];
    const read = new Map();
    for (const f of frames) {
      const input = { data: rgba(f.grey), width: W, height: H };
      const t0 = performance.now();
      const texts = (await d.read(input)).map((t) => t.toUpperCase()); // labels carry the URL in capitals
      times.push(performance.now() - t0);
      const key = `${f.stock} · ${f.variant}`;
      const [got, all] = read.get(key) || [0, 0];
      read.set(key, [got + f.urls.filter((u) => texts.includes(u.toUpperCase())).length, all + f.urls.length]);
    }
    const idle = [];
    for (const input of empty) {
      const t0 = performance.now();
      await d.read(input);
      idle.push(performance.now() - t0);
    }
    times.sort((a, b) => a - b);
    const mean = times.reduce((a, b) => a + b, 0) / times.length;
    const idleMean = idle.reduce((a, b) => a + b, 0) / idle.length;
    const total = [...read.values()].reduce(([g, a], [g2, a2]) => [g + g2, a + a2], [0, 0]);
    console.log(`\n  ${d.name}: ${(d.bytes / 1024).toFixed(0)} KB brotli; per frame mean ${mean.toFixed(1)} ms, p95 ${times[Math.floor(times.length * 0.95)].toFixed(1)} ms; a frame with no code ${idleMean.toFixed(1)} ms`);
    console.log(`    all frames: ${((100 * total[0]) / total[1]).toFixed(1)} % of ${total[1]} codes read`);
    for (const [key, [got, all]] of read) console.log(`    ${key.padEnd(36)} ${((100 * got) / all).toFixed(1).padStart(5)} %  (${got}/${all})`);
  }
} finally {
  server.stop();
}
process.exit(0);
