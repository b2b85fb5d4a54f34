//! Drawing labels: QR codes, the CJK font, each label's layout, and the two outputs made from
//! the same layout — the PDF that prints and the SVG preview on the labels page.

pub mod font;
mod layout;
mod pdf;
pub mod print;
pub mod qr;
pub mod store;
mod svg;

pub use layout::{LabelDrawing, Measure, TextLine};
pub use pdf::{render_pdf, text_pages, TextPage};
pub use print::{prepare, preview, print, resolve_stock, PreviewedJob, PrintedJob};
pub use svg::preview_svg;

use crate::error::AppResult;
use crate::i18n::Lang;
use crate::labels::{LabelItem, Stock};
use qr::QrMatrix;

/// A job ready to draw: the checked stock, the labels in order, and what every label shares.
pub struct LabelRun<'a> {
    pub stock: &'a Stock,
    pub skip: usize,
    pub items: &'a [LabelItem],
    pub school: &'a str,
    pub public_url: &'a str,
    pub custodian: bool,
    pub lang: Lang,
}

/// One label on a page: its top-left corner (points from the page's top-left), its layout and
/// its QR code.
pub struct Placed {
    pub x: f32,
    pub y: f32,
    pub drawing: LabelDrawing,
    pub qr: QrMatrix,
}

impl LabelRun<'_> {
    /// Pages the job fills, the skipped positions included.
    pub fn pages(&self) -> usize {
        (self.skip + self.items.len()).div_ceil(self.stock.per_page())
    }

    /// The labels on page `page` (0-based).
    pub fn place(&self, m: &mut Measure<'_>, page: usize) -> AppResult<Vec<Placed>> {
        let per = self.stock.per_page();
        (0..per)
            .filter_map(|pos| {
                let n = (page * per + pos).checked_sub(self.skip)?;
                self.items.get(n).map(|item| (pos, item))
            })
            .map(|(pos, item)| {
                let (x, y) = self.stock.position(pos);
                let url = qr::label_url(self.public_url, &item.tag);
                Ok(Placed {
                    x: x.pt(),
                    y: y.pt(),
                    drawing: layout::layout(
                        m,
                        self.stock,
                        item,
                        self.school,
                        self.custodian,
                        self.lang,
                    ),
                    qr: QrMatrix::encode(&url)?,
                })
            })
            .collect()
    }
}
