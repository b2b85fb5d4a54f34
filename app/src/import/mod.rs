//! Bringing a school's existing register (资产登记表, usually exported from the district's asset
//! system into Excel) into Rounds: finding the header row under the title rows, knowing the
//! asset card's columns by their Chinese names and synonyms, reading the cells as schools
//! write them, and planning what the register would become. The rules only; reading the file
//! and committing the plan is the server's.

pub mod cells;
pub mod columns;
pub mod location;
pub mod plan;
pub mod preview;
pub mod record;

use crate::domain::Problem;
use columns::RegisterColumn;
use serde::{Deserialize, Serialize};

/// What a row with 数量 N > 1 becomes; the manager chooses per import.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Quantities {
    /// N assets, each with its own tag and the code `资产编号-1` … `资产编号-N`.
    #[default]
    Each,
    /// One batch record with its quantity: one tag, counted by number.
    Batch,
}

impl Quantities {
    pub fn code(self) -> &'static str {
        match self {
            Self::Each => "each",
            Self::Batch => "batch",
        }
    }
}

/// Something wrong in the file, where Excel shows it: the row as Excel numbers it and the
/// column by its letters and its header.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowError {
    pub row: usize,
    /// `F`; none when the whole row (or the sheet) is meant.
    pub column: Option<String>,
    /// The header as the file writes it.
    pub header: Option<String>,
    /// The column Rounds reads there (or misses).
    pub reads: Option<RegisterColumn>,
    #[serde(flatten)]
    pub problem: Problem,
    /// The error as a sentence in the asker's language (filled in by the server).
    #[serde(default)]
    pub message: String,
}
