//! Finds and reads every QR code in one camera frame (RGBA pixels in, texts out): the
//! candidate decoder that `tests/scanner/decoder_bench.mjs` (run by `.ci/bench-decoder`)
//! measures against zxing-wasm on camera frames made from our label PDFs. The scanner's worker
//! serves zxing-wasm, which read more of the blurred and skewed small labels, faster (README,
//! Figures); this crate stays so that the choice can be measured again as both change.
//!
//! rqrr (a Rust port of quirc) binarises the frame with an adaptive threshold, finds the three
//! finder patterns of each code, fits the grid (with its perspective) and reads it with error
//! correction. A frame wider than [`MAX_WIDTH`] is first halved: the labels a phone is pointed at
//! fill enough of the frame that the full resolution only costs time.

use wasm_bindgen::prelude::wasm_bindgen;

/// Frames wider than this are read at half size.
pub const MAX_WIDTH: usize = 1280;

/// The grey value of each pixel of an RGBA frame (ITU-R BT.601 luma, integer weights), halved
/// in each direction when `half` (each output pixel the mean of four).
fn grey(rgba: &[u8], width: usize, height: usize, half: bool) -> (Vec<u8>, usize, usize) {
    let luma = |i: usize| -> u32 {
        let p = &rgba[i * 4..i * 4 + 3];
        (77 * u32::from(p[0]) + 150 * u32::from(p[1]) + 29 * u32::from(p[2])) >> 8
    };
    if !half {
        return (
            (0..width * height).map(|i| luma(i) as u8).collect(),
            width,
            height,
        );
    }
    let (w, h) = (width / 2, height / 2);
    let mut out = Vec::with_capacity(w * h);
    for y in 0..h {
        for x in 0..w {
            let i = 2 * y * width + 2 * x;
            let sum = luma(i) + luma(i + 1) + luma(i + width) + luma(i + width + 1);
            out.push((sum / 4) as u8);
        }
    }
    (out, w, h)
}

/// Every QR code readable in a grey frame, in the order found.
pub fn decode_grey(pixels: &[u8], width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 || pixels.len() < width * height {
        return Vec::new();
    }
    let mut image =
        rqrr::PreparedImage::prepare_from_greyscale(width, height, |x, y| pixels[y * width + x]);
    let mut texts: Vec<String> = Vec::new();
    for grid in image.detect_grids() {
        if let Ok((_, text)) = grid.decode() {
            if !texts.contains(&text) {
                texts.push(text);
            }
        }
    }
    texts
}

/// Every QR code readable in an RGBA frame (a canvas's `ImageData`), each text once: the
/// function a worker would call.
#[wasm_bindgen]
pub fn decode(rgba: &[u8], width: usize, height: usize) -> Vec<String> {
    if width == 0 || height == 0 || rgba.len() < width * height * 4 {
        return Vec::new();
    }
    let (grey, w, h) = grey(rgba, width, height, width > MAX_WIDTH);
    decode_grey(&grey, w, h)
}

#[cfg(test)]
mod tests {
    use super::*;
    use qrcode::{Color, QrCode};

    /// An RGBA frame of `width`×`height` grey (180) with `text`'s code drawn at `scale` pixels a
    /// module, four modules of white round it, its top-left corner at (`left`, `top`).
    fn frame(
        text: &str,
        scale: usize,
        (left, top): (usize, usize),
        (width, height): (usize, usize),
    ) -> Vec<u8> {
        let code = QrCode::new(text.as_bytes()).unwrap();
        let n = code.width();
        let colors = code.to_colors();
        let mut rgba = vec![180u8; width * height * 4];
        let side = (n + 8) * scale;
        for y in 0..side {
            for x in 0..side {
                let (mx, my) = ((x / scale).wrapping_sub(4), (y / scale).wrapping_sub(4));
                let dark = mx < n && my < n && colors[my * n + mx] == Color::Dark;
                let i = ((top + y) * width + left + x) * 4;
                rgba[i..i + 3].fill(if dark { 0 } else { 255 });
            }
        }
        rgba
    }

    #[test]
    fn every_code_in_a_frame_is_read_once() {
        let (w, h) = (640, 360);
        let mut rgba = frame("https://xiaoxue.example.cn/t/7K3M9QX2", 4, (20, 20), (w, h));
        let other = frame(
            "https://xiaoxue.example.cn/t/R2D4F6H8",
            4,
            (340, 100),
            (w, h),
        );
        // the second code's square copied into the first frame
        for y in 100..100 + 45 * 4 {
            let row = (y * w + 340) * 4..(y * w + 340 + 45 * 4) * 4;
            rgba[row.clone()].copy_from_slice(&other[row]);
        }
        let mut texts = decode(&rgba, w, h);
        texts.sort();
        assert_eq!(
            texts,
            [
                "https://xiaoxue.example.cn/t/7K3M9QX2",
                "https://xiaoxue.example.cn/t/R2D4F6H8"
            ]
        );
    }

    #[test]
    fn a_wide_frame_is_read_at_half_size() {
        let (w, h) = (1920, 1080);
        let rgba = frame(
            "https://xiaoxue.example.cn/t/7K3M9QX2",
            8,
            (700, 300),
            (w, h),
        );
        assert_eq!(
            decode(&rgba, w, h),
            ["https://xiaoxue.example.cn/t/7K3M9QX2"]
        );
    }

    #[test]
    fn a_blank_or_short_frame_reads_nothing() {
        assert!(decode(&vec![255; 320 * 240 * 4], 320, 240).is_empty());
        assert!(decode(&[0; 16], 100, 100).is_empty());
        assert!(decode(&[], 0, 0).is_empty());
    }

    #[test]
    fn halving_takes_the_mean_of_four() {
        let rgba = [0u8, 0, 0, 255, 255, 255, 255, 255].repeat(2);
        let (g, w, h) = grey(&rgba, 2, 2, true);
        assert_eq!((w, h, g), (1, 1, vec![127]));
    }
}
