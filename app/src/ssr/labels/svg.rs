//! The print preview: the first pages of a job as SVG, drawn from the same layout as the PDF
//! (same positions, sizes and shortened texts), so what the page shows is what prints.

use super::font::LabelFont;
use super::layout::Measure;
use super::LabelRun;
use crate::error::AppResult;
use std::fmt::Write;

fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// Up to `pages` pages of the job, one `<svg>` each, sized in millimetres.
pub fn preview_svg(font: &LabelFont, run: &LabelRun<'_>, pages: usize) -> AppResult<Vec<String>> {
    let mut m = Measure::new(font);
    let stock = run.stock;
    let (w, h) = (stock.page_width.pt(), stock.page_height.pt());
    let (lw, lh) = (stock.label_width.pt(), stock.label_height.pt());
    let mut out = Vec::new();
    for page in 0..run.pages().min(pages) {
        let mut svg = String::new();
        let _ = write!(
            svg,
            "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"sheet\" viewBox=\"0 0 {w:.2} {h:.2}\" \
             width=\"{w:.2}\" height=\"{h:.2}\" font-family=\"'Noto Sans CJK SC','Noto Sans SC','Source Han Sans SC',sans-serif\">\
             <rect width=\"{w:.2}\" height=\"{h:.2}\" fill=\"#fff\"/>"
        );
        for pos in 0..stock.per_page() {
            let (x, y) = stock.position(pos);
            let skipped = page == 0 && pos < run.skip;
            let class = if skipped { "slot skipped" } else { "slot" };
            let _ = write!(
                svg,
                "<rect class=\"{class}\" x=\"{:.2}\" y=\"{:.2}\" width=\"{lw:.2}\" height=\"{lh:.2}\" rx=\"2\"/>",
                x.pt(),
                y.pt()
            );
        }
        for placed in run.place(&mut m, page)? {
            let d = &placed.drawing;
            let module = d.qr_size / placed.qr.outer_width() as f32;
            let _ = write!(
                svg,
                "<path transform=\"translate({:.2} {:.2}) scale({module:.4})\" d=\"{}\"/>",
                placed.x + d.qr_x,
                placed.y + d.qr_y,
                placed.qr.svg_path()
            );
            for line in &d.lines {
                let weight = if line.bold {
                    " font-weight=\"bold\""
                } else {
                    ""
                };
                let _ = write!(
                    svg,
                    "<text x=\"{:.2}\" y=\"{:.2}\" font-size=\"{:.2}\"{weight}>{}</text>",
                    placed.x + line.x,
                    placed.y + line.baseline,
                    line.size,
                    escape(&line.text)
                );
            }
        }
        svg.push_str("</svg>");
        out.push(svg);
    }
    Ok(out)
}
