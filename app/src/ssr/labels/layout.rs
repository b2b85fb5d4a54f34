//! Where everything on one label goes, in points from the label's top-left corner: the QR code
//! on the left, lines of text on the right, each line shortened with an ellipsis to fit. The
//! PDF and the preview both draw from this, so the preview shows what prints.

use super::font::LabelFont;
use crate::i18n::{Lang, Msg};
use crate::labels::{LabelItem, LabelKind, Stock};
use std::collections::HashMap;

const MM: f32 = 72.0 / 25.4;
const LINE_HEIGHT: f32 = 1.22;
const ELLIPSIS: char = '…';

/// Glyph ids and advances (in ems) of the label font, cached per job.
pub struct Measure<'f> {
    face: ttf_parser::Face<'f>,
    upem: f32,
    cache: HashMap<char, (u16, f32)>,
}

impl<'f> Measure<'f> {
    pub fn new(font: &'f LabelFont) -> Self {
        Measure {
            face: font.face(),
            upem: font.units_per_em,
            cache: HashMap::new(),
        }
    }

    /// The glyph for `c` (0, `.notdef`, when the font lacks it) and its advance in ems.
    pub fn glyph(&mut self, c: char) -> (u16, f32) {
        let (face, upem) = (&self.face, self.upem);
        *self.cache.entry(c).or_insert_with(|| {
            let gid = face.glyph_index(c).unwrap_or(ttf_parser::GlyphId(0));
            let advance = face.glyph_hor_advance(gid).unwrap_or(0);
            (gid.0, f32::from(advance) / upem)
        })
    }

    pub fn width(&mut self, text: &str) -> f32 {
        text.chars().map(|c| self.glyph(c).1).sum()
    }

    /// `text` as it fits in `width` ems: whole, or cut with an ellipsis.
    pub fn fit(&mut self, text: &str, width: f32) -> String {
        if self.width(text) <= width {
            return text.to_string();
        }
        let room = width - self.glyph(ELLIPSIS).1;
        let mut used = 0.0;
        let mut out = String::new();
        for c in text.chars() {
            used += self.glyph(c).1;
            if used > room {
                break;
            }
            out.push(c);
        }
        out.push(ELLIPSIS);
        out
    }

    /// The longest prefix of `text` that fits in `width` ems, and the rest; the break moves
    /// back so that no line ends on an opening bracket or starts with closing punctuation.
    pub fn split(&mut self, text: &str, width: f32) -> (String, String) {
        let mut used = 0.0;
        let mut starts: Vec<usize> = Vec::new();
        for (i, c) in text.char_indices() {
            used += self.glyph(c).1;
            if used > width {
                let mut cut = i;
                let mut back = starts.len();
                while back > 1 && bad_break(&text[..cut], &text[cut..]) {
                    back -= 1;
                    cut = starts[back];
                }
                return (
                    text[..cut].to_string(),
                    text[cut..].trim_start().to_string(),
                );
            }
            starts.push(i);
        }
        (text.to_string(), String::new())
    }
}

/// One line of text: left edge, baseline (from the label's top), size in points.
#[derive(Clone, Debug, PartialEq)]
pub struct TextLine {
    pub x: f32,
    pub baseline: f32,
    pub size: f32,
    pub text: String,
    pub bold: bool,
}

impl TextLine {
    pub fn plain(x: f32, baseline: f32, size: f32, text: impl Into<String>) -> Self {
        TextLine {
            x,
            baseline,
            size,
            text: text.into(),
            bold: false,
        }
    }
}

/// A laid-out label, in points from its top-left corner.
#[derive(Clone, Debug, PartialEq)]
pub struct LabelDrawing {
    /// The QR code's square, quiet zone included.
    pub qr_x: f32,
    pub qr_y: f32,
    pub qr_size: f32,
    pub lines: Vec<TextLine>,
}

/// Candidate lines in the order they are dropped last-first when the label is short of room.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Slot {
    School,
    Title,
    Title2,
    Place,
    AssetCode,
    Custodian,
    Tag,
}

/// Lays out one label of `stock`.
pub fn layout(
    m: &mut Measure<'_>,
    stock: &Stock,
    item: &LabelItem,
    school: &str,
    show_custodian: bool,
    lang: Lang,
) -> LabelDrawing {
    let (w, h) = (stock.label_width.pt(), stock.label_height.pt());
    let pad = (w.min(h) * 0.05).max(MM);
    let qr_size = (h - 2.0 * pad).min(w * 0.5);
    let text_x = pad + qr_size;
    let text_w = (w - text_x - pad).max(0.0);
    let avail = h - 2.0 * pad;
    // Big enough to read at arm's length, small enough for five characters a line.
    let big = (avail * 0.16).min(text_w / 5.0).clamp(5.5, 14.0);
    let small = (big * 0.62).clamp(4.5, 8.5);

    let title = match item.kind {
        LabelKind::Blank => lang.t(Msg::LabelBlankTitle).to_string(),
        LabelKind::Shelf => lang.t(Msg::ShelfTitle).replace("{n}", &item.title),
        _ => item.title.clone(),
    };
    let custodian = item
        .custodian
        .as_ref()
        .filter(|_| show_custodian)
        .map(|c| format!("{}{}", lang.t(Msg::LabelCustodianPrefix), c));
    let tag = readable_tag(&item.tag);
    let (title1, title2) = if m.width(&title) * big > text_w {
        m.split(&title, text_w / big)
    } else {
        (title.clone(), String::new())
    };
    let tag_size = code_size(m, &tag, big * 0.8, text_w);
    let mut wanted: Vec<(Slot, String, f32)> =
        vec![(Slot::Title, title1, big), (Slot::Tag, tag, tag_size)];
    if let Some(code) = &item.asset_code {
        let size = code_size(m, code, small, text_w);
        wanted.push((Slot::AssetCode, code.clone(), size));
    }
    wanted.push((Slot::School, school.to_string(), small));
    if let Some(place) = &item.place {
        // "building · room", or just the room when both do not fit.
        let place = match place.split_once(" · ") {
            Some((_, room)) if m.width(place) * small > text_w => room,
            _ => place,
        };
        wanted.push((Slot::Place, place.to_string(), small));
    }
    if let Some(c) = custodian {
        wanted.push((Slot::Custodian, c, small));
    }
    if !title2.is_empty() {
        wanted.push((Slot::Title2, title2, big));
    }
    // Keep lines in priority order while they fit, then print them in reading order.
    let mut used = 0.0;
    let mut kept: Vec<(Slot, String, f32)> = Vec::new();
    for (slot, text, size) in wanted {
        if text.is_empty() || used + size * LINE_HEIGHT > avail {
            continue;
        }
        used += size * LINE_HEIGHT;
        kept.push((slot, text, size));
    }
    // Without room for a second line, the first shows the whole title, shortened.
    if !kept.iter().any(|(slot, ..)| *slot == Slot::Title2) {
        if let Some(line) = kept.iter_mut().find(|(slot, ..)| *slot == Slot::Title) {
            line.1 = title;
        }
    }
    kept.sort_by_key(|(slot, ..)| *slot);
    let mut y = pad + (avail - used) / 2.0;
    let lines = kept
        .into_iter()
        .map(|(slot, text, size)| {
            y += size * LINE_HEIGHT;
            TextLine {
                x: text_x,
                baseline: y - size * (LINE_HEIGHT - 0.88),
                size,
                text: m.fit(&text, text_w / size),
                bold: matches!(slot, Slot::Title | Slot::Title2),
            }
        })
        .collect();
    LabelDrawing {
        qr_x: pad,
        qr_y: (h - qr_size) / 2.0,
        qr_size,
        lines,
    }
}

/// Breaking between `before` and `after` would leave an opening bracket at a line's end or
/// closing punctuation at a line's start (禁则).
fn bad_break(before: &str, after: &str) -> bool {
    let opens = |c: char| "（([【《“‘".contains(c);
    let closes = |c: char| "）)]】》”’，。、：；！？,.:;!?".contains(c);
    before.chars().next_back().is_some_and(opens) || after.chars().next().is_some_and(closes)
}

/// A code's size: `preferred`, or smaller (down to 70 %) so the whole code fits the width.
fn code_size(m: &mut Measure<'_>, code: &str, preferred: f32, width: f32) -> f32 {
    let natural = m.width(code);
    if natural <= 0.0 {
        return preferred;
    }
    preferred.min(width / natural * 0.995).max(preferred * 0.7)
}

/// `7K3M9QX2` as `7K3M 9QX2`: two groups of four read back without mistakes.
fn readable_tag(code: &str) -> String {
    if code.len() == 8 && code.is_ascii() {
        format!("{} {}", &code[..4], &code[4..])
    } else {
        code.to_string()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::labels::Stock;
    use crate::ssr::labels::font::{label_font, LabelFont};

    fn font() -> std::sync::Arc<LabelFont> {
        label_font(None).expect("Debian fonts-noto-cjk, installed by .ci/setup")
    }

    fn asset(title: &str) -> LabelItem {
        LabelItem {
            tag: "7K3M9QX2".into(),
            kind: LabelKind::Asset,
            title: title.into(),
            place: Some("明德楼 · 三年级（2）班".into()),
            asset_code: Some("LC-2023-000123".into()),
            custodian: Some("王芳".into()),
        }
    }

    #[test]
    fn every_line_fits_its_label_on_every_stock() {
        let font = font();
        let mut m = Measure::new(&font);
        let long = "学生课桌椅（双人，可调节高度，含储物格与挂钩）";
        for stock in Stock::all_built_in() {
            let d = layout(
                &mut m,
                &stock,
                &asset(long),
                "常州市龙城小学",
                true,
                Lang::Zh,
            );
            let (w, h) = (stock.label_width.pt(), stock.label_height.pt());
            assert!(
                d.qr_x + d.qr_size <= w && d.qr_y + d.qr_size <= h,
                "{}",
                stock.key
            );
            assert!(
                d.lines.iter().any(|l| l.text == "7K3M 9QX2"),
                "{}: tag code whole in {:?}",
                stock.key,
                d.lines
            );
            for line in &d.lines {
                let right = line.x + m.width(&line.text) * line.size;
                assert!(right <= w + 0.01, "{}: {:?} runs off", stock.key, line.text);
                assert!(
                    line.baseline <= h && line.baseline > 0.0,
                    "{}: {:?}",
                    stock.key,
                    line.text
                );
            }
            let shortened = d.lines.iter().any(|l| l.text.ends_with('…'));
            assert!(
                shortened,
                "{}: the long name ends in an ellipsis",
                stock.key
            );
        }
    }

    #[test]
    fn lines_do_not_break_after_an_opening_bracket() {
        let font = font();
        let mut m = Measure::new(&font);
        let text = "学生课桌椅（双人）";
        // Room for exactly six characters: the break would fall after "（".
        let width = m.width("学生课桌椅（") + 0.01;
        let (first, rest) = m.split(text, width);
        assert_eq!((first.as_str(), rest.as_str()), ("学生课桌椅", "（双人）"));
    }
}
