// The scanner's decoder, off the page's thread: each message is one camera frame (RGBA pixels),
// each answer the texts of every QR code in it. The browser's own BarcodeDetector reads the
// frame where it really lists `qr_code` (Android's Chrome); everywhere else ZXing-C++ compiled
// to wasm (zxing-wasm from npm, copied to /scan/zxing/ by .ci/build-site and served by us,
// never from a CDN) does — chosen over our rqrr build by tests/scanner/decoder_bench.mjs.
// A frame where nothing is read is read once more sharpened (sharpen.js): a label slightly out
// of focus. A classic worker (importScripts), so that older iOS WebViews, WeChat's among them,
// run it.
self.importScripts('./zxing/reader.js', './sharpen.js');

const WASM = new URL('./zxing/zxing_reader.wasm', self.location.href).href;
const OPTIONS = { formats: ['QRCode'], tryHarder: true, maxNumberOfSymbols: 8 };
let reader = null;

async function pickReader() {
  if ('BarcodeDetector' in self) {
    try {
      if ((await self.BarcodeDetector.getSupportedFormats()).includes('qr_code')) {
        const detector = new self.BarcodeDetector({ formats: ['qr_code'] });
        return { name: 'barcode-detector', read: async (f) => (await detector.detect(f)).map((c) => c.rawValue) };
      }
    } catch (_) {
      // listed but broken: use ZXing
    }
  }
  const zxing = self.ZXingWASM;
  await zxing.prepareZXingModule({
    overrides: { locateFile: (path, prefix) => (path.endsWith('.wasm') ? WASM : prefix + path) },
    fireImmediately: true,
  });
  return { name: 'zxing-wasm', read: async (f) => (await zxing.readBarcodes(f, OPTIONS)).map((b) => b.text) };
}

self.onmessage = async ({ data }) => {
  const started = performance.now();
  try {
    reader ??= pickReader();
    const { name, read } = await reader;
    const frame = new ImageData(new Uint8ClampedArray(data.pixels), data.width, data.height);
    let texts = await read(frame);
    if (texts.length === 0) {
      const sharp = self.sharpen(frame);
      texts = await read(new ImageData(sharp.data, sharp.width, sharp.height));
    }
    self.postMessage({ id: data.id, texts: Array.from(new Set(texts)), ms: performance.now() - started, decoder: name });
  } catch (err) {
    self.postMessage({ id: data.id, texts: [], ms: performance.now() - started, error: String(err) });
  }
};
