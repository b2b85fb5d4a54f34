//! API tokens: issued for a login and password, revoked by their holder; signing out everywhere.

use super::{parse_json, RestError, RestResult};
use app::error::AppError;
use app::model::User;
use app::ssr::people::auth::{check_credentials, new_token};
use app::ssr::people::sessions;
use app::ssr::people::store::SessionKind;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{ConnectInfo, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
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
    body: Bytes,
) -> RestResult<Json<Value>> {
    let req: TokenRequest = parse_json(&body)?;
    let user = check_credentials(&state, &req.login, req.password, &peer.ip().to_string()).await?;
    let (token, hash) = new_token();
    state
        .district
        .create_session(&hash, user.id, SessionKind::Token, state.clock.now())
        .await?;
    Ok(Json(json!({ "token": token, "user": user })))
}

/// Revokes the token this request was made with.
pub async fn revoke_token(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<StatusCode> {
    v.signed_in().cloned()?;
    let hash = v
        .token_hash
        .as_ref()
        .ok_or(RestError(AppError::Unauthorized))?;
    state
        .district
        .revoke_session(hash, state.clock.now())
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Signs the caller out everywhere: every browser session and token of theirs, this one too.
pub async fn end_my_sessions(
    State(state): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Value>> {
    let me = v.signed_in()?.id;
    let ended = sessions::end_sessions(&state, &v, me).await?;
    Ok(Json(json!({ "ended": ended })))
}

pub async fn me(Extension(v): Extension<Visitor>) -> RestResult<Json<User>> {
    Ok(Json(v.signed_in().cloned()?))
}
