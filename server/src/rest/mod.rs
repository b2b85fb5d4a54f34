//! The JSON API under `/api/v1`: the same rules as the pages, for scripts and other systems.
//! Errors are `{"error": {"code", "message", "field"?}}` with the matching status, written in
//! the caller's language by [`error::in_visitors_language`].

mod auth;
mod closings;
mod compensations;
mod dashboard;
mod drills;
pub mod error;
mod exports;
mod imports;
mod inspections;
mod keys;
mod labels;
pub mod openapi;
mod openapi_closings;
mod openapi_dashboard;
mod openapi_drills;
mod openapi_examples;
mod openapi_imports;
mod openapi_keys;
mod openapi_purchases;
mod openapi_rounds;
mod openapi_stocktakes;
mod openapi_supplies;
mod paging;
mod photos;
mod purchases;
mod register;
mod rounds;
mod schools;
mod stocktakes;
mod supplies;

use app::error::AppError;
use app::ssr::state::AppState;
use axum::body::Bytes;
use axum::routing::{get, post};
use axum::Router;
pub use error::{RestError, RestResult};
use serde::de::DeserializeOwned;

/// Parses a JSON body: broken JSON is 400, the wrong shape (unknown field, wrong type) 422.
/// A whole number written with a fraction (`3.0`) is the number JSON says it is.
pub fn parse_json<T: DeserializeOwned>(body: &Bytes) -> RestResult<T> {
    use app::domain::{Field, Invalid, Problem};
    let wrong_shape = || {
        RestError(AppError::Invalid(Invalid::new(
            Field::Body,
            Problem::Malformed,
        )))
    };
    if carries_nul(body) {
        return Err(wrong_shape());
    }
    // Any JSON reads as a Value: what fails here is broken JSON, not the wrong shape.
    let mut value: serde_json::Value =
        serde_json::from_slice(body).map_err(|_| RestError(AppError::Malformed))?;
    whole_numbers(&mut value);
    serde_json::from_value(value).map_err(|_| wrong_shape())
}

/// Turns every number with a zero fraction (`3.0`, `1e2`) into an integer, which JSON does not
/// tell apart from it and JSON Schema's `integer` takes.
fn whole_numbers(value: &mut serde_json::Value) {
    use serde_json::Value;
    match value {
        Value::Number(n) if !n.is_i64() && !n.is_u64() => {
            if let Some(f) = n.as_f64().filter(|f| f.fract() == 0.0 && f.abs() < 9.0e15) {
                *value = Value::from(f as i64);
            }
        }
        Value::Array(items) => items.iter_mut().for_each(whole_numbers),
        Value::Object(fields) => fields.values_mut().for_each(whole_numbers),
        _ => {}
    }
}

/// Whether text carries a NUL character (`\u0000` in JSON, `%00` in a URL), which no text of
/// the school's has and PostgreSQL cannot store or compare: refused before any query.
fn carries_nul(raw: &[u8]) -> bool {
    raw.windows(6).any(|w| w.eq_ignore_ascii_case(b"\\u0000"))
        || raw.windows(3).any(|w| w == b"%00")
}

/// URL query parameters; ones that do not parse (a repeated name, a word for a number, a NUL)
/// are a 400 in the API's error shape, like broken JSON.
pub struct Query<T>(pub T);

impl<T: DeserializeOwned, S: Send + Sync> axum::extract::FromRequestParts<S> for Query<T> {
    type Rejection = RestError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _: &S,
    ) -> Result<Self, Self::Rejection> {
        if carries_nul(parts.uri.query().unwrap_or_default().as_bytes()) {
            return Err(RestError(AppError::Malformed));
        }
        axum::extract::Query::try_from_uri(&parts.uri)
            .map(|axum::extract::Query(q)| Query(q))
            .map_err(|_| RestError(AppError::Malformed))
    }
}

/// An id from a URL path; anything unparsable is simply not found.
pub(crate) fn path_id(raw: &str) -> RestResult<uuid::Uuid> {
    Ok(uuid::Uuid::parse_str(raw).map_err(|_| AppError::NotFound)?)
}

async fn not_found() -> RestError {
    RestError(AppError::NotFound)
}

/// `filename*`'s percent-encoding of a UTF-8 file name (RFC 5987).
fn percent_encoded(name: &str) -> String {
    name.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'.' | b'-' | b'_' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// A file to download that no cache keeps. A name in Chinese is sent as `filename*` (UTF-8)
/// with an ASCII `filename` beside it for clients that read only that.
pub(super) fn attachment(
    body: Vec<u8>,
    content_type: &'static str,
    name: &str,
) -> axum::response::Response {
    use axum::http::{header, HeaderValue};
    use axum::response::IntoResponse;
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    let plain: String = name
        .chars()
        .filter(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
        .collect();
    let plain = plain.trim_start_matches(['-', '_']);
    let disposition = if plain == name {
        format!("attachment; filename=\"{name}\"")
    } else {
        format!(
            "attachment; filename=\"{}\"; filename*=UTF-8''{}",
            if plain.starts_with('.') {
                format!("export{plain}")
            } else {
                plain.to_string()
            },
            percent_encoded(name)
        )
    };
    if let Ok(value) = HeaderValue::from_str(&disposition) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route(
            "/auth/token",
            post(auth::issue_token).delete(auth::revoke_token),
        )
        .route(
            "/auth/sessions",
            axum::routing::delete(auth::end_my_sessions),
        )
        .route("/me", get(auth::me))
        .route("/schools", get(schools::list).post(schools::add))
        .route("/tags/{code}", get(register::tag))
        .route(
            "/buildings",
            get(register::list_buildings).post(register::create_building),
        )
        .route(
            "/rooms",
            get(register::list_rooms).post(register::create_room),
        )
        .route(
            "/rooms/{id}",
            get(register::get_room).patch(register::update_room),
        )
        .route("/rooms/{id}/history", get(register::room_history))
        .route(
            "/assets",
            get(register::list_assets).post(register::create_asset),
        )
        .route(
            "/assets/{id}",
            get(register::get_asset).patch(register::update_asset),
        )
        .route("/assets/{id}/history", get(register::asset_history))
        .route(
            "/photos",
            post(photos::upload).layer(axum::extract::DefaultBodyLimit::max(
                app::ssr::photos::MAX_UPLOAD_BYTES + 64 * 1024,
            )),
        )
        .route(
            "/photos/{id}",
            get(photos::full)
                .put(photos::put)
                .layer(axum::extract::DefaultBodyLimit::max(
                    app::ssr::photos::MAX_UPLOAD_BYTES + 64 * 1024,
                )),
        )
        .route("/photos/{id}/thumb", get(photos::thumb))
        .route(
            "/checklists",
            get(inspections::checklists).post(inspections::save_checklist),
        )
        .route(
            "/checklists/applicable",
            get(inspections::applicable_checklists),
        )
        .route("/checklists/{id}", get(inspections::checklist))
        .route(
            "/inspections",
            get(inspections::list_inspections).post(inspections::create_inspection),
        )
        .route(
            "/damage-reports",
            get(inspections::list_reports).post(inspections::create_report),
        )
        .route("/damage-reports/{id}", get(inspections::get_report))
        .route(
            "/damage-reports/{id}/status",
            post(inspections::step_report),
        )
        .route(
            "/compensations",
            get(compensations::list).post(compensations::create),
        )
        .route("/compensations/export", get(compensations::export))
        .route("/exports/register", get(exports::register))
        .route("/exports/{ledger}", get(exports::of_period))
        .route(
            "/ledger-closings",
            get(closings::desk).post(closings::close),
        )
        .route("/ledger-closings/{id}/reopen", post(closings::reopen))
        .route("/dashboard", get(dashboard::dashboard))
        .route(
            "/compensations/rule",
            get(compensations::rule).put(compensations::set_rule),
        )
        .route("/compensations/{id}", get(compensations::get_one))
        .route("/compensations/{id}/pay", post(compensations::pay))
        .route("/compensations/{id}/waive", post(compensations::waive))
        .route("/compensations/{id}/notice", get(compensations::notice))
        .route("/rounds", get(rounds::all_rounds))
        .route("/rounds/today", get(rounds::my_rounds))
        .route(
            "/schedules",
            get(rounds::schedules).post(rounds::create_schedule),
        )
        .route("/schedules/{id}/end", post(rounds::end_schedule))
        .route(
            "/sync",
            post(rounds::sync).layer(axum::extract::DefaultBodyLimit::max(
                rounds::SYNC_BODY_LIMIT,
            )),
        )
        .route("/sync/conflicts", get(rounds::conflicts))
        .route(
            "/sync/conflicts/{id}/resolve",
            post(rounds::resolve_conflict),
        )
        .route("/stocktakes", get(stocktakes::list).post(stocktakes::start))
        .route("/stocktakes/{id}", get(stocktakes::get_one))
        .route("/stocktakes/{id}/expected", get(stocktakes::expected))
        .route("/stocktakes/{id}/report", get(stocktakes::report))
        .route("/stocktakes/{id}/report.xlsx", get(stocktakes::report_xlsx))
        .route("/stocktakes/{id}/report.pdf", get(stocktakes::report_pdf))
        .route(
            "/stocktakes/{id}/scans",
            get(stocktakes::scans).post(stocktakes::scan),
        )
        .route(
            "/stocktakes/{id}/scans/{scan}",
            axum::routing::delete(stocktakes::undo_scan),
        )
        .route(
            "/stocktakes/{id}/rooms/{room}/claim",
            post(stocktakes::claim_room),
        )
        .route(
            "/stocktakes/{id}/counting",
            post(stocktakes::start_counting),
        )
        .route("/stocktakes/{id}/hand-in", post(stocktakes::hand_in))
        .route("/stocktakes/{id}/finish", post(stocktakes::finish))
        .route(
            "/stocktakes/{id}/settlements",
            get(stocktakes::settlements).post(stocktakes::settle),
        )
        .route(
            "/stocktakes/{id}/settlements/{settlement}/decision",
            post(stocktakes::decide),
        )
        .route(
            "/imports",
            get(imports::list)
                .post(imports::create)
                .layer(axum::extract::DefaultBodyLimit::max(imports::BODY_LIMIT)),
        )
        .route(
            "/import-profiles",
            get(imports::profiles).post(imports::save_profile),
        )
        .route("/supplies", get(supplies::list).post(supplies::add))
        .route("/supplies/{id}", get(supplies::get_one).put(supplies::edit))
        .route("/supplies/{id}/receipts", post(supplies::receive))
        .route("/supplies/{id}/issues", post(supplies::issue))
        .route("/supplies/{id}/moves", get(supplies::moves))
        .route("/supply-shelves", get(supplies::shelves))
        .route(
            "/supply-requests",
            get(supplies::requests).post(supplies::request),
        )
        .route("/supply-requests/{id}", get(supplies::request_by_id))
        .route("/supply-requests/{id}/issue", post(supplies::issue_request))
        .route("/supply-requests/{id}/refuse", post(supplies::refuse))
        .route("/supply-requests/{id}/withdraw", post(supplies::withdraw))
        .route("/purchases", get(purchases::list).post(purchases::request))
        .route("/purchases/{id}", get(purchases::get_one))
        .route("/purchases/{id}/approve", post(purchases::approve))
        .route("/purchases/{id}/refuse", post(purchases::refuse))
        .route("/purchases/{id}/withdraw", post(purchases::withdraw))
        .route("/purchases/{id}/accept", post(purchases::accept))
        .route("/purchases/{id}/reimburse", post(purchases::reimburse))
        .route(
            "/purchase-budgets/{year}",
            get(purchases::budget).put(purchases::set_budget),
        )
        .route("/drills", get(drills::list).post(drills::plan))
        .route("/drills/{id}", get(drills::get_one))
        .route("/drills/{id}/record", post(drills::record))
        .route("/keys", get(keys::list).post(keys::add))
        .route("/keys/{id}", get(keys::get_one).put(keys::edit))
        .route("/keys/{id}/lend", post(keys::lend))
        .route("/keys/{id}/return", post(keys::take_back))
        .route("/keys/{id}/loans", get(keys::key_loans))
        .route("/key-loans", get(keys::loans))
        .route("/labels", post(labels::print_labels))
        .route("/labels/jobs", get(labels::print_log))
        .route("/label-stocks", get(labels::list_stocks))
        .route(
            "/label-stocks/{name}",
            axum::routing::put(labels::save_stock),
        )
        .fallback(not_found)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by schemathesis: `"floor": 31.0` is an integer to JSON Schema, and was refused.
    #[test]
    fn whole_numbers_with_a_fraction_read_as_integers() {
        #[derive(Debug, serde::Deserialize)]
        struct Room {
            floor: i64,
            width_mm: f64,
        }
        let room: Room =
            parse_json(&Bytes::from_static(br#"{"floor": 31.0, "width_mm": 63.5}"#)).unwrap();
        assert_eq!((room.floor, room.width_mm), (31, 63.5));
        let half = parse_json::<Room>(&Bytes::from_static(br#"{"floor": 3.5, "width_mm": 1}"#));
        assert_eq!(half.unwrap_err().0.status(), 422);
        assert_eq!(
            parse_json::<Room>(&Bytes::from_static(b"{"))
                .unwrap_err()
                .0
                .status(),
            400
        );
    }
}
