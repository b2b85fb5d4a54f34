//! Reading label PDFs back the way a person checks them: Debian's poppler-utils render and
//! inspect them, and an independent QR decoder (rqrr) reads each label's code.

use serde_json::Value;
use std::process::Command;

/// Pages of `pdf` as greyscale images at `dpi`.
pub fn render(pdf: &[u8], dpi: u32) -> Vec<image::GrayImage> {
    let dir = tempfile::tempdir().expect("a temp folder");
    let file = dir.path().join("job.pdf");
    std::fs::write(&file, pdf).expect("the PDF is written");
    let status = Command::new("pdftoppm")
        .args(["-r", &dpi.to_string(), "-gray", "-png"])
        .arg(&file)
        .arg(dir.path().join("page"))
        .status()
        .expect("pdftoppm runs (Debian poppler-utils)");
    assert!(status.success(), "pdftoppm renders the PDF");
    let mut pages: Vec<_> = std::fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "png"))
        .collect();
    pages.sort();
    pages
        .iter()
        .map(|p| image::open(p).expect("a PNG page").to_luma8())
        .collect()
}

/// Every QR code found in `img`, decoded.
pub fn decode(img: &image::GrayImage) -> Vec<String> {
    let mut prepared = rqrr::PreparedImage::prepare_from_greyscale(
        img.width() as usize,
        img.height() as usize,
        |x, y| img.get_pixel(x as u32, y as u32).0[0],
    );
    prepared
        .detect_grids()
        .iter()
        .filter_map(|g| g.decode().ok().map(|(_, text)| text))
        .collect()
}

/// The codes on one label. rqrr looks for finder patterns among every dark shape in view, and
/// once in CI it read nothing from a clean label whose text sat beside the code (not seen again
/// in 2,400 renders); a scanner aims at the code, so the square the code sits in (the label's
/// left, or top) is read on its own before the label counts as unreadable.
fn decode_label(label: &image::GrayImage) -> Vec<String> {
    let found = decode(label);
    if !found.is_empty() {
        return found;
    }
    // The layout puts the code at the label's left (top on a tall label), as high as it is.
    let side = label.width().min(label.height());
    decode(&image::imageops::crop_imm(label, 0, 0, side, side).to_image())
}

/// The codes read from each label position of a page, cutting the page along the stock's
/// geometry as the API describes it (millimetres).
pub fn labels_on_page(page: &image::GrayImage, stock: &Value, dpi: u32) -> Vec<Vec<String>> {
    let mm = |key: &str| stock[key].as_f64().unwrap_or(0.0);
    let px = |v: f64| (v / 25.4 * f64::from(dpi)).round() as u32;
    let (cols, rows) = (
        stock["columns"].as_u64().unwrap(),
        stock["rows"].as_u64().unwrap(),
    );
    let mut out = Vec::new();
    for i in 0..cols * rows {
        let (col, row) = ((i % cols) as f64, (i / cols) as f64);
        let x = mm("margin_left_mm") + col * (mm("label_width_mm") + mm("gap_x_mm"));
        let y = mm("margin_top_mm") + row * (mm("label_height_mm") + mm("gap_y_mm"));
        let (w, h) = (mm("label_width_mm"), mm("label_height_mm"));
        let crop = image::imageops::crop_imm(page, px(x), px(y), px(w), px(h)).to_image();
        out.push(decode_label(&crop));
    }
    out
}

/// What `pdffonts` or `pdftotext` prints for the PDF.
pub fn poppler(tool: &str, pdf: &[u8]) -> String {
    let dir = tempfile::tempdir().expect("a temp folder");
    let file = dir.path().join("job.pdf");
    std::fs::write(&file, pdf).expect("the PDF is written");
    let mut cmd = Command::new(tool);
    cmd.arg(&file);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd.output().expect("poppler-utils run");
    assert!(out.status.success(), "{tool} reads the PDF");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
