//! Server functions: each checks who is asking, calls the store, and returns typed data or an
//! [`AppError`](crate::error::AppError). Pages call them while rendering; islands over HTTP.

pub mod checklists;
pub mod compensations;
pub mod dashboard;
pub mod district;
pub mod imports;
pub mod inspections;
pub mod labels;
pub mod ledgers;
pub mod pages;
pub mod purchases;
pub mod register;
pub mod rounds;
pub mod stocktakes;
pub mod supplies;
pub mod users;

use serde::{Deserialize, Serialize};

/// An id from a URL or form; anything unparsable is simply not found.
#[cfg(feature = "ssr")]
pub(crate) fn parse_id(raw: &str) -> crate::error::AppResult<uuid::Uuid> {
    uuid::Uuid::parse_str(raw.trim()).map_err(|_| crate::error::AppError::NotFound)
}

/// Where the browser goes after a successful save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub url: String,
}
