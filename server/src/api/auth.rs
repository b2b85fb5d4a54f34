//! API tokens: issued for a login and password, revoked by their holder.

use super::{parse_json, ApiError, ApiResult, InLang};
use crate::web::signin_check;
use app::error::AppError;
use app::model::User;
use app::ssr::auth::new_token;
use app::ssr::state::AppState;
use app::ssr::store::SessionKind;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use chrono::Utc;
use serde::Deserialize;
use serde_json::{json, Value};
use std::net::SocketAddr;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct TokenRequest {
    login: String,
    password: String,
}

pub async fn issue_token(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<Json<Value>> {
    let req: TokenRequest = parse_json(&v, &body)?;
    let user = signin_check(&state, &req.login, req.password, &peer.ip().to_string())
        .await
        .lang(&v)?;
    let (token, hash) = new_token();
    state
        .store
        .create_session(&hash, user.id, SessionKind::Token, Utc::now())
        .await
        .lang(&v)?;
    Ok(Json(json!({ "token": token, "user": user })))
}

/// Revokes the token this request was made with.
pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<StatusCode> {
    v.signed_in().cloned().lang(&v)?;
    let hash = v
        .token_hash
        .as_ref()
        .ok_or(ApiError(AppError::Unauthorized, v.lang))?;
    state
        .store
        .revoke_session(hash, Utc::now())
        .await
        .lang(&v)?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn me(Extension(v): Extension<Visitor>) -> ApiResult<Json<User>> {
    v.signed_in().cloned().map(Json).lang(&v)
}
