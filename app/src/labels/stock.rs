//! Label stocks: the sheet or roll a job prints on, and where each label sits on a page.

use crate::domain::{Field, Invalid, Problem};
use serde::{Deserialize, Serialize};

/// A length on paper in hundredths of a millimetre: exact for the 0.1 mm that label makers
/// quote, and an integer in the database.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Length(pub i32);

impl Length {
    pub const fn mm100(v: i32) -> Self {
        Length(v)
    }

    pub fn mm(self) -> f32 {
        self.0 as f32 / 100.0
    }

    /// PDF points (1/72 inch).
    pub fn pt(self) -> f32 {
        self.0 as f32 * 72.0 / 2540.0
    }

    /// Reads millimetres as sent by a form or JSON; `None` when not a finite number in range.
    fn from_mm(mm: f64) -> Option<Self> {
        (mm.is_finite() && mm.abs() <= 10_000.0).then(|| Length((mm * 100.0).round() as i32))
    }
}

/// A stock as a user describes it, in millimetres (the JSON of a custom stock).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockSpec {
    pub page_width_mm: f64,
    pub page_height_mm: f64,
    pub columns: i64,
    pub rows: i64,
    #[serde(default)]
    pub margin_left_mm: f64,
    #[serde(default)]
    pub margin_top_mm: f64,
    #[serde(default)]
    pub gap_x_mm: f64,
    #[serde(default)]
    pub gap_y_mm: f64,
    pub label_width_mm: f64,
    pub label_height_mm: f64,
}

/// A checked stock: every label lies on the page.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stock {
    /// `a4-3x8`, `thermal-30x20`, or a custom stock's name.
    pub key: String,
    pub page_width: Length,
    pub page_height: Length,
    pub columns: u16,
    pub rows: u16,
    pub margin_left: Length,
    pub margin_top: Length,
    pub gap_x: Length,
    pub gap_y: Length,
    pub label_width: Length,
    pub label_height: Length,
}

/// The smallest label that still holds a scannable QR code and a line of text.
const MIN_LABEL: Length = Length(1_000);
/// The largest page: A3 and long rolls fit, typos like 2970 mm do not.
const MAX_PAGE: Length = Length(60_000);
const MAX_GRID: i64 = 50;

const fn built_in(
    key: &'static str,
    page: (i32, i32),
    grid: (u16, u16),
    margin: (i32, i32),
    gap_x: i32,
    label: (i32, i32),
) -> (&'static str, [i32; 8], (u16, u16)) {
    (
        key,
        [
            page.0, page.1, margin.0, margin.1, gap_x, 0, label.0, label.1,
        ],
        grid,
    )
}

/// The stocks every school can pick: A4 sheets (3×8, 4×10, 5×13) and thermal rolls with one
/// label a page. Lengths in 0.01 mm.
pub const BUILT_IN: &[(&str, [i32; 8], (u16, u16))] = &[
    built_in(
        "a4-3x8",
        (21_000, 29_700),
        (3, 8),
        (0, 50),
        0,
        (7_000, 3_700),
    ),
    built_in(
        "a4-4x10",
        (21_000, 29_700),
        (4, 10),
        (800, 2_150),
        0,
        (4_850, 2_540),
    ),
    built_in(
        "a4-5x13",
        (21_000, 29_700),
        (5, 13),
        (500, 1_070),
        250,
        (3_800, 2_120),
    ),
    built_in(
        "thermal-60x40",
        (6_000, 4_000),
        (1, 1),
        (0, 0),
        0,
        (6_000, 4_000),
    ),
    built_in(
        "thermal-50x30",
        (5_000, 3_000),
        (1, 1),
        (0, 0),
        0,
        (5_000, 3_000),
    ),
    built_in(
        "thermal-40x30",
        (4_000, 3_000),
        (1, 1),
        (0, 0),
        0,
        (4_000, 3_000),
    ),
    built_in(
        "thermal-30x20",
        (3_000, 2_000),
        (1, 1),
        (0, 0),
        0,
        (3_000, 2_000),
    ),
];

impl Stock {
    /// A built-in stock by its key.
    pub fn built_in(key: &str) -> Option<Stock> {
        BUILT_IN.iter().find(|(k, ..)| *k == key).map(|(k, l, g)| {
            let [pw, ph, ml, mt, gx, gy, lw, lh] = l.map(Length);
            Stock {
                key: k.to_string(),
                page_width: pw,
                page_height: ph,
                columns: g.0,
                rows: g.1,
                margin_left: ml,
                margin_top: mt,
                gap_x: gx,
                gap_y: gy,
                label_width: lw,
                label_height: lh,
            }
        })
    }

    /// Every built-in stock, in the order the page lists them.
    pub fn all_built_in() -> Vec<Stock> {
        BUILT_IN
            .iter()
            .filter_map(|(k, ..)| Stock::built_in(k))
            .collect()
    }

    /// Labels on one page.
    pub fn per_page(&self) -> usize {
        usize::from(self.columns) * usize::from(self.rows)
    }

    /// One label a page, the page the size of the label: a thermal roll.
    pub fn is_roll(&self) -> bool {
        self.per_page() == 1
    }

    /// The top-left corner of position `i` on a page (0 = top left, along the row first),
    /// measured from the page's top-left corner.
    pub fn position(&self, i: usize) -> (Length, Length) {
        let cols = usize::from(self.columns.max(1));
        let (col, row) = ((i % cols) as i32, (i / cols) as i32);
        (
            Length(self.margin_left.0 + col * (self.label_width.0 + self.gap_x.0)),
            Length(self.margin_top.0 + row * (self.label_height.0 + self.gap_y.0)),
        )
    }

    /// The spec a custom stock is saved and shown as.
    pub fn spec(&self) -> StockSpec {
        let mm = |l: Length| f64::from(l.0) / 100.0;
        StockSpec {
            page_width_mm: mm(self.page_width),
            page_height_mm: mm(self.page_height),
            columns: i64::from(self.columns),
            rows: i64::from(self.rows),
            margin_left_mm: mm(self.margin_left),
            margin_top_mm: mm(self.margin_top),
            gap_x_mm: mm(self.gap_x),
            gap_y_mm: mm(self.gap_y),
            label_width_mm: mm(self.label_width),
            label_height_mm: mm(self.label_height),
        }
    }
}

impl StockSpec {
    /// Checks that the numbers make a printable sheet: sizes positive, no negative margins or
    /// gaps, at least one row and column, and every label inside the page.
    pub fn validate(&self, key: &str) -> Result<Stock, Invalid> {
        let out = |field| Invalid::new(field, Problem::OutOfRange);
        let length = |mm: f64, field, min: Length, max: Length| {
            Length::from_mm(mm)
                .filter(|l| *l >= min && *l <= max)
                .ok_or_else(|| out(field))
        };
        let zero = Length(0);
        let count = |n: i64, field| {
            if (1..=MAX_GRID).contains(&n) {
                Ok(n as u16)
            } else {
                Err(out(field))
            }
        };
        let stock = Stock {
            key: key.to_string(),
            page_width: length(self.page_width_mm, Field::PageWidth, MIN_LABEL, MAX_PAGE)?,
            page_height: length(self.page_height_mm, Field::PageHeight, MIN_LABEL, MAX_PAGE)?,
            columns: count(self.columns, Field::Columns)?,
            rows: count(self.rows, Field::Rows)?,
            margin_left: length(self.margin_left_mm, Field::MarginLeft, zero, MAX_PAGE)?,
            margin_top: length(self.margin_top_mm, Field::MarginTop, zero, MAX_PAGE)?,
            gap_x: length(self.gap_x_mm, Field::GapX, zero, MAX_PAGE)?,
            gap_y: length(self.gap_y_mm, Field::GapY, zero, MAX_PAGE)?,
            label_width: length(self.label_width_mm, Field::LabelWidth, MIN_LABEL, MAX_PAGE)?,
            label_height: length(
                self.label_height_mm,
                Field::LabelHeight,
                MIN_LABEL,
                MAX_PAGE,
            )?,
        };
        let (right, bottom) = stock.position(stock.per_page() - 1);
        if right.0 + stock.label_width.0 > stock.page_width.0 {
            return Err(Invalid::new(Field::LabelWidth, Problem::OffPage));
        }
        if bottom.0 + stock.label_height.0 > stock.page_height.0 {
            return Err(Invalid::new(Field::LabelHeight, Problem::OffPage));
        }
        Ok(stock)
    }
}

/// A custom stock's name: short, and not a built-in key.
pub fn custom_stock_name(raw: &str) -> Result<String, Invalid> {
    let name = crate::domain::bounded_text(Field::Stock, raw, 40)?;
    if Stock::built_in(&name).is_some() {
        return Err(Invalid::new(Field::Stock, Problem::Conflicting));
    }
    Ok(name)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_built_in_stock_fits_its_page() {
        for stock in Stock::all_built_in() {
            let again = stock.spec().validate(&stock.key).expect(&stock.key);
            assert_eq!(again, stock);
        }
        let a4 = Stock::built_in("a4-5x13").unwrap();
        assert_eq!(a4.per_page(), 65);
        assert_eq!(
            a4.position(6),
            (Length(500 + 3_800 + 250), Length(1_070 + 2_120))
        );
        assert!(Stock::built_in("thermal-30x20").unwrap().is_roll());
        assert!(Stock::built_in("a4-3x9").is_none());
    }

    #[test]
    fn impossible_sheets_say_which_number_is_wrong() {
        let good = Stock::built_in("a4-4x10").unwrap().spec();
        let field = |spec: StockSpec| spec.validate("x").unwrap_err().field;
        assert_eq!(
            field(StockSpec {
                label_width_mm: 60.0,
                ..good.clone()
            }),
            Field::LabelWidth
        );
        assert_eq!(
            field(StockSpec {
                rows: 12,
                ..good.clone()
            }),
            Field::LabelHeight
        );
        assert_eq!(
            field(StockSpec {
                rows: 0,
                ..good.clone()
            }),
            Field::Rows
        );
        assert_eq!(
            field(StockSpec {
                columns: -1,
                ..good.clone()
            }),
            Field::Columns
        );
        assert_eq!(
            field(StockSpec {
                gap_x_mm: -0.5,
                ..good.clone()
            }),
            Field::GapX
        );
        assert_eq!(
            field(StockSpec {
                page_width_mm: f64::NAN,
                ..good.clone()
            }),
            Field::PageWidth
        );
        assert_eq!(
            field(StockSpec {
                label_height_mm: 5.0,
                ..good
            }),
            Field::LabelHeight
        );
    }
}
