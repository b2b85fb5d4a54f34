//! Printed A4 documents (the stocktake report; the ledgers next): a title block, lines of text,
//! tables that go on over pages with their header row repeated, signature lines, and a page
//! number on every page. Text is measured with the label font's own glyph widths, so a cell's
//! text is cut with an ellipsis rather than running into the next one; the label PDF writer
//! draws the pages with the same embedded CJK subset.

use crate::error::AppResult;
use crate::ssr::labels::font::LabelFont;
use crate::ssr::labels::{text_pages, Measure, TextLine, TextPage};

/// A4 portrait, in points.
const PAGE: (f32, f32) = (595.3, 841.9);
const MARGIN: f32 = 48.0;
const TOP: f32 = 56.0;
/// The lowest baseline of the body; the page number sits below it.
const BOTTOM: f32 = PAGE.1 - 64.0;
const CELL: f32 = 9.0;
const ROW: f32 = 15.0;
/// Space between a cell's text and the column's edge.
const PAD: f32 = 3.0;

/// One column of a table: its title, its share of the width, and whether it holds numbers
/// (set flush right).
pub struct Column {
    pub title: String,
    pub share: f32,
    pub numeric: bool,
}

impl Column {
    pub fn text(title: &str, share: f32) -> Self {
        Column {
            title: title.to_string(),
            share,
            numeric: false,
        }
    }

    pub fn number(title: &str, share: f32) -> Self {
        Column {
            title: title.to_string(),
            share,
            numeric: true,
        }
    }
}

/// A document being laid out, top to bottom.
pub struct Document<'f> {
    m: Measure<'f>,
    done: Vec<TextPage>,
    page: TextPage,
    /// The baseline of the last line placed, from the page's top.
    y: f32,
}

impl<'f> Document<'f> {
    pub fn new(font: &'f LabelFont) -> Self {
        Document {
            m: Measure::new(font),
            done: Vec::new(),
            page: TextPage::default(),
            y: TOP - ROW,
        }
    }

    fn width() -> f32 {
        PAGE.0 - 2.0 * MARGIN
    }

    fn new_page(&mut self) {
        self.done.push(std::mem::take(&mut self.page));
        self.y = TOP - ROW;
    }

    /// Starts a new page unless `height` more points fit on this one.
    fn keep(&mut self, height: f32) {
        if self.y + height > BOTTOM && !self.page.lines.is_empty() {
            self.new_page();
        }
    }

    fn put(&mut self, x: f32, size: f32, text: String, bold: bool) {
        self.page.lines.push(TextLine {
            bold,
            ..TextLine::plain(x, self.y, size, text)
        });
    }

    /// A paragraph of `size` points, wrapped to the page's width.
    pub fn text(&mut self, text: &str, size: f32, bold: bool) {
        let mut rest = text.trim().to_string();
        while !rest.is_empty() {
            let (line, more) = self.m.split(&rest, Self::width() / size);
            self.keep(size * 1.5);
            self.y += size * 1.5;
            self.put(MARGIN, size, line, bold);
            rest = more;
        }
    }

    /// Empty space of `height` points.
    pub fn gap(&mut self, height: f32) {
        self.y += height;
    }

    /// A section heading, kept on the page with the start of what follows it.
    pub fn heading(&mut self, text: &str) {
        self.keep(12.0 * 1.8 + ROW * 3.0);
        self.gap(8.0);
        self.text(text, 12.0, true);
    }

    fn cells(&mut self, columns: &[Column], cells: &[String], bold: bool) {
        let total: f32 = columns.iter().map(|c| c.share).sum();
        let mut x = MARGIN;
        for (column, cell) in columns.iter().zip(cells) {
            let w = Self::width() * column.share / total.max(f32::EPSILON);
            let text = self.m.fit(cell, (w - 2.0 * PAD) / CELL);
            let left = if column.numeric {
                x + w - PAD - self.m.width(&text) * CELL
            } else {
                x + PAD
            };
            self.put(left, CELL, text, bold);
            x += w;
        }
    }

    fn rule(&mut self, below: f32) {
        self.page
            .rules
            .push((MARGIN, self.y + below, Self::width()));
    }

    fn header(&mut self, columns: &[Column]) {
        self.rule(4.0);
        self.y += ROW;
        let titles: Vec<String> = columns.iter().map(|c| c.title.clone()).collect();
        self.cells(columns, &titles, true);
        self.rule(4.0);
    }

    /// A table of `rows` (and a bold `total` row), or `empty` when there are none; the header
    /// row is repeated at the top of every page the table reaches.
    pub fn table(
        &mut self,
        columns: &[Column],
        rows: &[Vec<String>],
        total: Option<&[String]>,
        empty: &str,
    ) {
        if rows.is_empty() && total.is_none() {
            self.text(empty, CELL + 1.0, false);
            return;
        }
        self.keep(ROW * 3.0);
        self.header(columns);
        for row in rows {
            if self.y + ROW > BOTTOM {
                self.rule(4.0);
                self.new_page();
                self.header(columns);
            }
            self.y += ROW;
            self.cells(columns, row, false);
        }
        if let Some(total) = total {
            self.keep(ROW);
            self.rule(4.0);
            self.y += ROW;
            self.cells(columns, total, true);
        }
        self.rule(4.0);
    }

    /// Signature lines side by side (盘点人, 监盘人, 负责人 …), each with a line for the date
    /// below it.
    pub fn signatures(&mut self, who: &[String], date: &str) {
        let each = Self::width() / who.len().max(1) as f32;
        self.keep(90.0);
        self.gap(30.0);
        for line in [who.to_vec(), vec![date.to_string(); who.len()]] {
            self.y += 30.0;
            for (i, label) in line.into_iter().enumerate() {
                let x = MARGIN + each * i as f32;
                let label_w = self.m.width(&label) * 10.5;
                self.page
                    .rules
                    .push((x + label_w + 2.0, self.y + 3.0, each - label_w - 16.0));
                self.put(x, 10.5, label, false);
            }
        }
    }

    /// The PDF titled `title`, every page numbered by `page_of(n, total)` with `footer` at
    /// its left.
    pub fn finish(
        mut self,
        font: &LabelFont,
        title: &str,
        footer: &str,
        page_of: impl Fn(usize, usize) -> String,
    ) -> AppResult<Vec<u8>> {
        self.done.push(self.page);
        let total = self.done.len();
        let foot = PAGE.1 - 36.0;
        for (i, page) in self.done.iter_mut().enumerate() {
            let number = page_of(i + 1, total);
            let right = PAGE.0 - MARGIN - self.m.width(&number) * 8.0;
            page.lines.push(TextLine::plain(MARGIN, foot, 8.0, footer));
            page.lines.push(TextLine::plain(right, foot, 8.0, number));
        }
        text_pages(font, title, PAGE.0, PAGE.1, &self.done)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn font() -> std::sync::Arc<LabelFont> {
        crate::ssr::labels::font::label_font(None)
            .expect("Debian fonts-noto-cjk, installed by .ci/setup")
    }

    #[test]
    fn a_long_table_goes_on_over_pages_with_its_header_repeated() {
        let font = font();
        let mut doc = Document::new(&font);
        doc.text("学校", 20.0, true);
        let columns = [Column::text("名称", 3.0), Column::number("数量", 1.0)];
        let rows: Vec<Vec<String>> = (0..120)
            .map(|i| vec![format!("资产 {i}"), i.to_string()])
            .collect();
        doc.table(&columns, &rows, None, "无");
        doc.signatures(&["盘点人：".into(), "负责人：".into()], "日期：");
        let pages = doc.done.len() + 1;
        assert!(pages >= 3, "120 rows of 15 pt need three A4 pages");
        let headers = doc
            .done
            .iter()
            .chain([&doc.page])
            .filter(|p| p.lines.iter().any(|l| l.text == "名称" && l.bold))
            .count();
        assert_eq!(headers, pages, "the header on every page");
        for page in doc.done.iter().chain([&doc.page]) {
            assert!(page.lines.iter().all(|l| l.baseline <= BOTTOM));
        }
    }

    #[test]
    fn a_cell_too_long_for_its_column_is_cut_with_an_ellipsis() {
        let font = font();
        let mut doc = Document::new(&font);
        let columns = [Column::text("名称", 1.0), Column::text("备注", 9.0)];
        doc.table(&columns, &[vec!["一".repeat(40), "短".into()]], None, "无");
        let cell = doc
            .page
            .lines
            .iter()
            .find(|l| l.text.starts_with('一'))
            .expect("the cell");
        assert!(cell.text.ends_with('…') && cell.text.chars().count() < 40);
    }

    #[test]
    fn an_empty_table_says_so() {
        let font = font();
        let mut doc = Document::new(&font);
        doc.table(&[Column::text("名称", 1.0)], &[], None, "无");
        assert_eq!(doc.page.lines.len(), 1);
        assert_eq!(doc.page.lines[0].text, "无");
    }
}
