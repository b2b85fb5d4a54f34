//! Ledgers (台账) as the school hands them on: the register and the records of its checks,
//! repairs and money, written out as tables that Excel and WPS open with the Chinese intact.
//! The rules only (what each ledger's columns are and what a row holds); writing the file is
//! the server's.

pub mod closing;
pub mod compensation;
pub mod hazards;
pub mod inspections;
pub mod register;
pub mod repairs;
pub mod supplies;

use crate::domain::Fen;

/// What a cell of a ledger holds; numbers and days are written as such, not as text.
#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Empty,
    Text(String),
    Count(i64),
    /// Money, shown in yuan with two decimals.
    Yuan(Fen),
    /// A day, `YYYY-MM-DD`.
    Day(String),
}

impl Cell {
    /// Text, or empty when there is none.
    pub fn text(value: Option<&str>) -> Cell {
        match value.map(str::trim) {
            Some(v) if !v.is_empty() => Cell::Text(v.to_string()),
            _ => Cell::Empty,
        }
    }

    /// A day, or empty when there is none.
    pub fn day(value: Option<&str>) -> Cell {
        value.map_or(Cell::Empty, |d| Cell::Day(d.to_string()))
    }
}

/// A column of a ledger: its header and how wide it shows, in characters.
#[derive(Clone, Debug, PartialEq)]
pub struct Column {
    pub header: String,
    pub width: u8,
}

impl Column {
    /// Columns whose headers are translations, with their widths.
    pub fn translated(lang: crate::i18n::Lang, columns: &[(crate::i18n::Msg, u8)]) -> Vec<Column> {
        columns
            .iter()
            .map(|(m, width)| Column {
                header: lang.t(*m).to_string(),
                width: *width,
            })
            .collect()
    }
}
