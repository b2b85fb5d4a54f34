//! The label PDF: real page sizes (1:1 at 100 %), QR codes as filled rectangles, text in an
//! embedded subset of the CJK font (a CID font with a ToUnicode map, so text can be searched
//! and copied).

use super::font::LabelFont;
use super::layout::{Measure, TextLine};
use super::qr::QUIET_ZONE;
use super::LabelRun;
use crate::error::{AppError, AppResult};
use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, TextRenderingMode};
use pdf_writer::{Content, Filter, Finish, Name, Pdf, Rect, Ref, Str};
use std::collections::BTreeMap;
use subsetter::GlyphRemapper;

const FONT_NAME: Name<'static> = Name(b"F0");
const COMPRESSION: u8 = 6;

fn deflate(data: &[u8]) -> Vec<u8> {
    miniz_oxide::deflate::compress_to_vec_zlib(data, COMPRESSION)
}

/// Glyphs used so far, under the ids they get in the subset.
struct Glyphs {
    remapper: GlyphRemapper,
    chars: BTreeMap<u16, (char, f32)>,
}

impl Glyphs {
    /// `text` as two-byte CIDs of the subset.
    fn encode(&mut self, m: &mut Measure<'_>, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let (gid, advance) = m.glyph(c);
            let cid = self.remapper.remap(gid);
            self.chars.entry(cid).or_insert((c, advance * 1000.0));
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }
}

/// A six-letter subset tag from the glyph set, as PDF asks for embedded subsets.
fn subset_tag(glyphs: &BTreeMap<u16, (char, f32)>) -> String {
    let mut hash: u32 = 2_166_136_261;
    for (cid, (c, _)) in glyphs {
        for b in cid
            .to_be_bytes()
            .into_iter()
            .chain((*c as u32).to_be_bytes())
        {
            hash = (hash ^ u32::from(b)).wrapping_mul(16_777_619);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((hash >> (i * 5)) % 26) as u8))
        .collect()
}

/// Draws the whole job as one PDF.
pub fn render_pdf(font: &LabelFont, run: &LabelRun<'_>) -> AppResult<Vec<u8>> {
    let mut m = Measure::new(font);
    let mut glyphs = Glyphs {
        remapper: GlyphRemapper::new(),
        chars: BTreeMap::new(),
    };
    let (page_w, page_h) = (run.stock.page_width.pt(), run.stock.page_height.pt());
    let mut pages = Vec::with_capacity(run.pages());
    for page in 0..run.pages() {
        let mut content = Content::new();
        for placed in run.place(&mut m, page)? {
            let d = &placed.drawing;
            let n = placed.qr.width as f32;
            let module = d.qr_size / placed.qr.outer_width() as f32;
            let left = placed.x + d.qr_x + QUIET_ZONE as f32 * module;
            let top = placed.y + d.qr_y + QUIET_ZONE as f32 * module;
            // One module a unit, rows counted up from the code's bottom edge.
            content.save_state();
            content.transform([module, 0.0, 0.0, module, left, page_h - top - n * module]);
            for (row, x, len) in placed.qr.runs() {
                content.rect(x as f32, n - 1.0 - row as f32, len as f32, 1.0);
            }
            content.fill_nonzero();
            content.restore_state();

            draw_lines(
                &mut content,
                &mut glyphs,
                &mut m,
                &d.lines,
                placed.x,
                page_h - placed.y,
            );
        }
        pages.push(deflate(&content.finish()));
    }
    write_document(font, glyphs, "Rounds labels", page_w, page_h, pages)
}

/// Lines of text from `top` (the page's height in PDF units, so baselines count down from
/// the top edge), each bold one stroked as well as filled.
fn draw_lines(
    content: &mut Content,
    glyphs: &mut Glyphs,
    m: &mut Measure<'_>,
    lines: &[TextLine],
    left: f32,
    top: f32,
) {
    content.begin_text();
    for line in lines {
        let mode = if line.bold {
            content.set_line_width(line.size * 0.03);
            TextRenderingMode::FillStroke
        } else {
            TextRenderingMode::Fill
        };
        content.set_text_rendering_mode(mode);
        content.set_font(FONT_NAME, line.size);
        content.set_text_matrix([1.0, 0.0, 0.0, 1.0, left + line.x, top - line.baseline]);
        content.show(Str(&glyphs.encode(m, &line.text)));
    }
    content.end_text();
}

/// One page of a printed form (the compensation notice, the stocktake report): lines of text
/// and horizontal rules `(left, from the top, width)`, in points.
#[derive(Default)]
pub struct TextPage {
    pub lines: Vec<TextLine>,
    pub rules: Vec<(f32, f32, f32)>,
}

/// Pages of text in the label font as one PDF titled `title`.
pub fn text_pages(
    font: &LabelFont,
    title: &str,
    page_w: f32,
    page_h: f32,
    pages: &[TextPage],
) -> AppResult<Vec<u8>> {
    let mut m = Measure::new(font);
    let mut glyphs = Glyphs {
        remapper: GlyphRemapper::new(),
        chars: BTreeMap::new(),
    };
    let mut streams = Vec::with_capacity(pages.len());
    for page in pages {
        let mut content = Content::new();
        content.set_line_width(0.6);
        for (x, y, w) in &page.rules {
            content.move_to(*x, page_h - y);
            content.line_to(x + w, page_h - y);
        }
        content.stroke();
        draw_lines(&mut content, &mut glyphs, &mut m, &page.lines, 0.0, page_h);
        streams.push(deflate(&content.finish()));
    }
    write_document(font, glyphs, title, page_w, page_h, streams)
}

fn write_document(
    font: &LabelFont,
    glyphs: Glyphs,
    title: &str,
    page_w: f32,
    page_h: f32,
    pages: Vec<Vec<u8>>,
) -> AppResult<Vec<u8>> {
    let mut next = 1;
    let mut alloc = || {
        next += 1;
        Ref::new(next - 1)
    };
    let (catalog, tree, info) = (alloc(), alloc(), alloc());
    let (type0, cid_font, descriptor, file, cmap) = (alloc(), alloc(), alloc(), alloc(), alloc());
    let page_refs: Vec<(Ref, Ref)> = pages.iter().map(|_| (alloc(), alloc())).collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    pdf.catalog(catalog).pages(tree);
    pdf.document_info(info)
        .title(pdf_writer::TextStr(title))
        .producer(pdf_writer::TextStr("Rounds"));
    pdf.pages(tree)
        .kids(page_refs.iter().map(|(page, _)| *page))
        .count(pages.len() as i32);
    let media = Rect::new(0.0, 0.0, page_w, page_h);
    for ((page_ref, content_ref), data) in page_refs.iter().zip(&pages) {
        let mut page = pdf.page(*page_ref);
        page.media_box(media).parent(tree).contents(*content_ref);
        page.resources().fonts().pair(FONT_NAME, type0);
        page.finish();
        pdf.stream(*content_ref, data).filter(Filter::FlateDecode);
    }

    let base = format!("{}+{}", subset_tag(&glyphs.chars), font.name);
    let base = Name(base.as_bytes());
    let system = SystemInfo {
        registry: Str(b"Adobe"),
        ordering: Str(b"Identity"),
        supplement: 0,
    };
    pdf.type0_font(type0)
        .base_font(base)
        .encoding_predefined(Name(b"Identity-H"))
        .descendant_font(cid_font)
        .to_unicode(cmap);
    let mut cid = pdf.cid_font(cid_font);
    cid.subtype(CidFontType::Type0)
        .base_font(base)
        .system_info(system)
        .font_descriptor(descriptor)
        .default_width(1000.0);
    {
        let mut widths = cid.widths();
        for (id, (_, width)) in &glyphs.chars {
            widths.consecutive(*id, [*width]);
        }
    }
    cid.finish();
    let [x0, y0, x1, y1] = font.bbox;
    pdf.font_descriptor(descriptor)
        .name(base)
        .flags(FontFlags::SYMBOLIC)
        .bbox(Rect::new(x0, y0, x1, y1))
        .italic_angle(0.0)
        .ascent(font.ascender)
        .descent(font.descender)
        .cap_height(font.cap_height)
        .stem_v(80.0)
        .font_file3(file);
    let subset = subsetter::subset(&font.data, font.index, &glyphs.remapper)
        .map_err(|e| AppError::internal(format!("font subset: {e}")))?;
    pdf.stream(file, &deflate(&subset))
        .filter(Filter::FlateDecode)
        .pair(Name(b"Subtype"), Name(b"OpenType"));
    let mut unicode = pdf_writer::types::UnicodeCmap::new(Name(b"Rounds-UCS"), system);
    for (id, (c, _)) in &glyphs.chars {
        unicode.pair(*id, *c);
    }
    pdf.cmap(cmap, &unicode.finish());
    Ok(pdf.finish())
}
