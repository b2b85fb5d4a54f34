//! Server functions answer every error as 500; this gives each [`AppError`] its own status
//! (401, 403, 404, 422 …), so clients and logs see what happened, and adds its message in the
//! visitor's language beside its code (`{"code": …, "message": …}`), which the forms' island
//! shows as it is.

use app::error::AppError;
use axum::body::{to_bytes, Body};
use axum::extract::Request;
use axum::http::{header, StatusCode};
use axum::middleware::Next;
use axum::response::Response;

/// Errors are small JSON documents; anything bigger is passed through untouched.
const ERROR_BODY_MAX: usize = 16 * 1024;

pub async fn server_fn_status(req: Request, next: Next) -> Response {
    let is_server_fn = req.uri().path().starts_with("/sf/");
    let lang = crate::rest::error::visitors_lang(&req);
    let response = next.run(req).await;
    if !is_server_fn || response.status() != StatusCode::INTERNAL_SERVER_ERROR {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = to_bytes(body, ERROR_BODY_MAX).await else {
        return Response::from_parts(parts, Body::empty());
    };
    let Ok(err) = serde_json::from_slice::<AppError>(&bytes) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    parts.status = StatusCode::from_u16(err.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
    let Ok(serde_json::Value::Object(mut told)) = serde_json::to_value(&err) else {
        return Response::from_parts(parts, Body::from(bytes));
    };
    told.insert("message".into(), err.message(lang).into());
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(
        parts,
        Body::from(serde_json::Value::Object(told).to_string()),
    )
}
