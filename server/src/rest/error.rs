//! REST errors. Handlers return an [`AppError`] with `?`; the response carries it untranslated
//! and [`in_visitors_language`], one layer for every route, writes the body
//! `{"error": {"code", "message", "field"?}}` in the language of whoever asked.

use app::error::AppError;
use app::i18n::Lang;
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
/// The language of the request's visitor (identified by the outer middleware).
pub fn visitors_lang(req: &Request) -> Lang {
    req.extensions()
        .get::<Visitor>()
        .map(|v| v.lang)
        .unwrap_or_default()
}

pub async fn in_visitors_language(req: Request, next: Next) -> Response {
    let lang = visitors_lang(&req);
    let api = req.uri().path().starts_with("/api/");
    let mut response = next.run(req).await;
    let err = match response.extensions_mut().remove::<AppError>() {
        Some(err) => err,
        // Pages pass through untouched: only the API answers refusals in its error shape.
        None if !api => return response,
        None => match framework_refusal(&response) {
            Some(err) => err,
            None => return response,
        },
    };
    let body = json!({ "error": {
        "code": err.code(),
        "message": err.message(lang),
        "field": err.field(),
    } });
    let (mut parts, _) = response.into_parts();
    parts.headers.remove(axum::http::header::CONTENT_TYPE);
    parts.headers.remove(axum::http::header::CONTENT_LENGTH);
    (parts, Json(body)).into_response()
}

/// A request the framework refused before any handler saw it (a body over the limit, a body
/// that is not the content type asked for), which it answers in plain text: the API answers
/// those in its own error shape too.
fn framework_refusal(response: &Response) -> Option<AppError> {
    let plain = response
        .headers()
        .get(axum::http::header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/plain"));
    match response.status() {
        _ if !plain => None,
        StatusCode::PAYLOAD_TOO_LARGE => Some(AppError::BodyTooLarge),
        StatusCode::BAD_REQUEST
        | StatusCode::UNSUPPORTED_MEDIA_TYPE
        | StatusCode::UNPROCESSABLE_ENTITY => Some(AppError::Malformed),
        _ => None,
    }
}
