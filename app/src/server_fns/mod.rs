//! Server functions: each checks who is asking, calls the store, and returns typed data or an
//! [`AppError`](crate::error::AppError). Pages call them while rendering; islands over HTTP.

pub mod checklists;
pub mod compensations;
pub mod dashboard;
pub mod district;
pub mod drills;
pub mod imports;
pub mod inspections;
pub mod keys;
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

/// The asker and the server's state, once the asker's role is one of `allowed`.
#[cfg(feature = "ssr")]
pub(crate) fn asker(
    allowed: fn(crate::domain::Role) -> bool,
) -> crate::error::AppResult<(crate::ssr::visitor::Visitor, crate::ssr::state::AppState)> {
    let v = crate::ssr::visitor::visitor();
    v.require(allowed)?;
    Ok((v, crate::ssr::visitor::state()?))
}

/// A count typed in a form; empty or anything but a whole number is refused on `field`.
#[cfg(feature = "ssr")]
pub(crate) fn count(raw: &str, field: crate::domain::Field) -> crate::error::AppResult<i64> {
    use crate::domain::{Invalid, Problem};
    let raw = raw.trim();
    if raw.is_empty() {
        return Err(Invalid::new(field, Problem::Required).into());
    }
    raw.parse()
        .map_err(|_| Invalid::new(field, Problem::Malformed).into())
}

/// Yuan typed in a form as fen, refused on `field`; `None` when left empty.
#[cfg(feature = "ssr")]
pub(crate) fn optional_fen(
    raw: &str,
    field: crate::domain::Field,
) -> crate::error::AppResult<Option<i64>> {
    use crate::domain::{Fen, Invalid};
    match raw.trim() {
        "" => Ok(None),
        raw => Fen::parse_yuan(raw)
            .map(|f| Some(f.fen()))
            .map_err(|e| Invalid::new(field, e.problem).into()),
    }
}

/// Yuan typed in a form as fen; empty is refused on `field` as required.
#[cfg(feature = "ssr")]
pub(crate) fn fen(raw: &str, field: crate::domain::Field) -> crate::error::AppResult<i64> {
    use crate::domain::{Invalid, Problem};
    optional_fen(raw, field)?.ok_or_else(|| Invalid::new(field, Problem::Required).into())
}

/// Where the browser goes after a successful save.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Saved {
    pub url: String,
}
