//! `limit` and `offset`, which every list of the API takes: bad numbers are a 422 naming the
//! parameter, never a silent default or clamp.

use super::RestResult;
use app::domain::{Field, Invalid, Problem};
use app::error::AppError;
use app::model::{ListQuery, Paging};
use serde::Deserialize;

/// A list's page, as the query string gave it.
#[derive(Deserialize)]
pub struct PageParams {
    limit: Option<String>,
    offset: Option<String>,
}

impl PageParams {
    /// The page with the search words `q`, checked.
    pub fn with_words(self, q: Option<String>) -> RestResult<ListQuery> {
        let num = |s: Option<String>, field| -> Result<Option<i64>, AppError> {
            s.filter(|s| !s.trim().is_empty())
                .map(|s| {
                    s.trim()
                        .parse::<i64>()
                        .map_err(|_| Invalid::new(field, Problem::Malformed).into())
                })
                .transpose()
        };
        let query = ListQuery {
            q,
            limit: num(self.limit, Field::Limit)?,
            offset: num(self.offset, Field::Offset)?,
        };
        query.check()?;
        Ok(query)
    }

    /// The page, checked (50 rows from the first when left out).
    pub fn paging(self) -> RestResult<Paging> {
        Ok(self.with_words(None)?.paging())
    }
}

/// A yes-or-no query parameter: `true` or `1`, `false`, `0` or nothing; anything else is a 422
/// on the query.
pub fn flag(raw: Option<&str>) -> RestResult<bool> {
    match raw.map(str::trim) {
        None | Some("" | "false" | "0") => Ok(false),
        Some("true" | "1") => Ok(true),
        Some(_) => Err(AppError::from(Invalid::new(Field::Query, Problem::UnknownChoice)).into()),
    }
}
