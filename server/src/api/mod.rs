//! The JSON API under `/api/v1`: the same rules as the pages, for scripts and other systems.
//! Errors are `{"error": {"code", "message", "field"?}}` with the matching status.

mod auth;
mod compensations;
mod inspections;
mod labels;
pub mod openapi;
mod openapi_rounds;
mod photos;
mod register;
mod rounds;

use app::error::AppError;
use app::i18n::Lang;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::{Json, Router};
use serde::de::DeserializeOwned;
use serde_json::json;

/// An [`AppError`] answered as JSON in the caller's language.
pub struct ApiError(pub AppError, pub Lang);

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let ApiError(err, lang) = self;
        let status =
            StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let field = err.field();
        let body = json!({ "error": { "code": err.code(), "message": err.message(lang), "field": field } });
        (status, Json(body)).into_response()
    }
}

pub type ApiResult<T> = Result<T, ApiError>;

/// Binds an error to the visitor's language.
pub trait InLang<T> {
    fn lang(self, v: &Visitor) -> ApiResult<T>;
}

impl<T> InLang<T> for Result<T, AppError> {
    fn lang(self, v: &Visitor) -> ApiResult<T> {
        self.map_err(|e| ApiError(e, v.lang))
    }
}

/// Parses a JSON body: broken JSON is 400, the wrong shape (unknown field, wrong type) 422.
pub fn parse_json<T: DeserializeOwned>(v: &Visitor, body: &Bytes) -> ApiResult<T> {
    use app::domain::{Field, Invalid, Problem};
    serde_json::from_slice(body).map_err(|e| {
        let err = match e.classify() {
            serde_json::error::Category::Data => {
                AppError::Invalid(Invalid::new(Field::Body, Problem::Malformed))
            }
            _ => AppError::Transport {
                detail: format!("malformed JSON: {e}"),
            },
        };
        ApiError(err, v.lang)
    })
}

/// An id from a URL path; anything unparsable is simply not found.
pub(crate) fn path_id(v: &Visitor, raw: &str) -> ApiResult<uuid::Uuid> {
    uuid::Uuid::parse_str(raw)
        .map_err(|_| AppError::NotFound)
        .lang(v)
}

async fn not_found(axum::Extension(v): axum::Extension<Visitor>) -> ApiError {
    ApiError(AppError::NotFound, v.lang)
}

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/openapi.json", get(openapi::document))
        .route(
            "/auth/token",
            post(auth::issue_token).delete(auth::revoke_token),
        )
        .route("/me", get(auth::me))
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
        .route("/labels", post(labels::print_labels))
        .route("/labels/jobs", get(labels::print_log))
        .route("/label-stocks", get(labels::list_stocks))
        .route(
            "/label-stocks/{name}",
            axum::routing::put(labels::save_stock),
        )
        .fallback(not_found)
}
