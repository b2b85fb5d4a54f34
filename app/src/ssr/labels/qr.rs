//! QR codes for tags: error correction M, a 4-module quiet zone, and the URL in upper case so
//! the whole of it is encoded in alphanumeric mode (a smaller code than byte mode).

use crate::error::{AppError, AppResult};
use qrcode::{Color, EcLevel, QrCode};

/// Modules of white around the code, as the QR standard asks.
pub const QUIET_ZONE: usize = 4;

/// The URL printed in a tag's QR code: `{PUBLIC_URL}/T/{CODE}` in upper case. Host names and
/// schemes ignore case, and the server answers `/T/` like `/t/`.
pub fn label_url(public_url: &str, code: &str) -> String {
    format!("{}/T/{}", public_url.to_ascii_uppercase(), code)
}

/// The dark modules of one code, without the quiet zone.
pub struct QrMatrix {
    pub width: usize,
    dark: Vec<bool>,
}

impl QrMatrix {
    pub fn encode(data: &str) -> AppResult<Self> {
        let code = QrCode::with_error_correction_level(data.as_bytes(), EcLevel::M)
            .map_err(AppError::internal)?;
        Ok(QrMatrix {
            width: code.width(),
            dark: code
                .to_colors()
                .into_iter()
                .map(|c| c == Color::Dark)
                .collect(),
        })
    }

    /// Width with the quiet zone on both sides.
    pub fn outer_width(&self) -> usize {
        self.width + 2 * QUIET_ZONE
    }

    pub fn is_dark(&self, x: usize, y: usize) -> bool {
        self.dark[y * self.width + x]
    }

    /// Horizontal runs of dark modules as (row, first column, length), rows from the top —
    /// what both the PDF and the SVG draw, one rectangle each.
    pub fn runs(&self) -> impl Iterator<Item = (usize, usize, usize)> + '_ {
        (0..self.width).flat_map(move |y| {
            let row = &self.dark[y * self.width..(y + 1) * self.width];
            let mut runs = Vec::new();
            let mut x = 0;
            while x < row.len() {
                if row[x] {
                    let start = x;
                    while x < row.len() && row[x] {
                        x += 1;
                    }
                    runs.push((y, start, x - start));
                } else {
                    x += 1;
                }
            }
            runs
        })
    }

    /// An SVG path (`d`) of the dark modules, offset by the quiet zone, one unit a module.
    pub fn svg_path(&self) -> String {
        let mut d = String::with_capacity(self.width * self.width);
        for (y, x, len) in self.runs() {
            use std::fmt::Write;
            let _ = write!(d, "M{} {}h{len}v1h-{len}z", x + QUIET_ZONE, y + QUIET_ZONE);
        }
        d
    }

    /// A standalone SVG image, scalable to any size.
    pub fn svg(&self) -> String {
        let n = self.outer_width();
        format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {n} {n}\" width=\"{w}mm\" height=\"{w}mm\" shape-rendering=\"crispEdges\">\
             <rect width=\"{n}\" height=\"{n}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>",
            w = n,
            d = self.svg_path()
        )
    }

    /// A PNG of exactly `size`×`size` pixels: whole pixels a module (crisp at any zoom),
    /// centred, the spare pixels added to the quiet zone.
    pub fn png(&self, size: u32) -> AppResult<Vec<u8>> {
        let n = self.outer_width() as u32;
        let scale = (size / n).max(1);
        let size = size.max(n);
        let offset = (size - scale * self.width as u32) / 2;
        let img = image::GrayImage::from_fn(size, size, |px, py| {
            let inside = |p: u32| p >= offset && (p - offset) / scale < self.width as u32;
            let dark = inside(px)
                && inside(py)
                && self.is_dark(
                    ((px - offset) / scale) as usize,
                    ((py - offset) / scale) as usize,
                );
            image::Luma([if dark { 0 } else { 255 }])
        });
        let mut out = std::io::Cursor::new(Vec::new());
        img.write_to(&mut out, image::ImageFormat::Png)
            .map_err(AppError::internal)?;
        Ok(out.into_inner())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tag_urls_stay_small_in_alphanumeric_mode() {
        let url = label_url("https://xiaoxue.example.cn", "7K3M9QX2");
        assert_eq!(url, "HTTPS://XIAOXUE.EXAMPLE.CN/T/7K3M9QX2");
        // 35 alphanumeric characters fit version 2 (25 modules) at level M; byte mode would not.
        assert_eq!(QrMatrix::encode(&url).unwrap().width, 25);
        assert!(QrMatrix::encode(&url.to_lowercase()).unwrap().width > 25);
    }

    #[test]
    fn runs_cover_exactly_the_dark_modules() {
        let m = QrMatrix::encode("HTTP://127.0.0.1:3000/T/7K3M9QX2").unwrap();
        let from_runs: usize = m.runs().map(|(_, _, len)| len).sum();
        let dark = (0..m.width)
            .flat_map(|y| (0..m.width).map(move |x| (x, y)))
            .filter(|&(x, y)| m.is_dark(x, y))
            .count();
        assert_eq!(from_runs, dark);
        let png = m.png(300).unwrap();
        let img = image::load_from_memory(&png).unwrap();
        assert_eq!((img.width(), img.height()), (300, 300));
    }
}
