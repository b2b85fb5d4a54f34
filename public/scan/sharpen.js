// A second look at a frame in which the decoder found nothing: an unsharp mask (the frame's grey
// plus twice its difference from the 5×5 mean around each pixel, the mean taken from a summed-area
// table in whole numbers). A label seen slightly out of focus — the small 30×20 mm thermal ones
// above all — reads again. tests/scanner/decoder_bench.mjs measures it with the decoder. A
// classic script: the worker loads it with importScripts.
self.sharpen = function sharpen(frame, amount = 2, radius = 2) {
  const { data, width: w, height: h } = frame;
  const grey = new Uint8Array(w * h);
  for (let i = 0, p = 0; i < grey.length; i++, p += 4) grey[i] = (data[p] + 2 * data[p + 1] + data[p + 2]) >> 2;
  // sums[(y + 1) * stride + x + 1]: the sum of grey over [0, x] × [0, y] (at most 255 × w × h).
  const stride = w + 1;
  const sums = new Uint32Array(stride * (h + 1));
  for (let y = 0; y < h; y++) {
    let row = 0;
    const above = y * stride;
    const here = above + stride;
    for (let x = 0; x < w; x++) {
      row += grey[y * w + x];
      sums[here + x + 1] = sums[above + x + 1] + row;
    }
  }
  const out = new Uint8ClampedArray(w * h * 4);
  for (let y = 0; y < h; y++) {
    const y0 = Math.max(0, y - radius);
    const y1 = Math.min(h, y + radius + 1);
    const top = y0 * stride;
    const bottom = y1 * stride;
    for (let x = 0; x < w; x++) {
      const left = Math.max(0, x - radius);
      const right = Math.min(w, x + radius + 1);
      const sum = sums[bottom + right] - sums[top + right] - sums[bottom + left] + sums[top + left];
      const g = grey[y * w + x];
      const v = g + amount * (g - sum / ((y1 - y0) * (right - left)));
      const p = (y * w + x) << 2;
      out[p] = v;
      out[p + 1] = v;
      out[p + 2] = v;
      out[p + 3] = 255;
    }
  }
  return { data: out, width: w, height: h };
};
