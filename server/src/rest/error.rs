//! REST errors. Handlers return an [`AppError`] with `?`; the response carries it untranslated
//! and [`in_visitors_language`], one layer for every route, writes the body
//! `{"error": {"code", "message", "field"?}}` in the language of whoever asked.

use app::error::AppError;
use app::ssr::visitor::Visitor;
use axum::extract::Request;
use axum::http::StatusCode;
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use axum::Json;
use serde_json::json;

/// An [`AppError`] on its way out of a REST handler.
#[derive(Debug)]
pub struct RestError(pub AppError);

/// What every REST handler returns.
pub type RestResult<T> = Result<T, RestError>;

impl<E: Into<AppError>> From<E> for RestError {
    fn from(e: E) -> Self {
        RestError(e.into())
    }
}

impl IntoResponse for RestError {
    fn into_response(self) -> Response {
        let status =
            StatusCode::from_u16(self.0.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        let mut response = status.into_response();
        response.extensions_mut().insert(self.0);
        response
    }
}

/// Writes the body of every error response a handler left untranslated.
pub async fn in_visitors_language(req: Request, next: Next) -> Response {
    let lang = req
        .extensions()
        .get::<Visitor>()
        .map(|v| v.lang)
        .unwrap_or_default();
    let mut response = next.run(req).await;
    let Some(err) = response.extensions_mut().remove::<AppError>() else {
        return response;
    };
    let body = json!({ "error": {
        "code": err.code(),
        "message": err.message(lang),
        "field": err.field(),
    } });
    let (parts, _) = response.into_parts();
    (parts, Json(body)).into_response()
}
