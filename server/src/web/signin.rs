//! The sign-in, sign-out and language forms (plain HTML posts; they work before any script).

use super::identify::{cookie, LANG_COOKIE, SESSION_COOKIE};
use app::error::AppError;
use app::i18n::Lang;
use app::pages::encode_query;
use app::ssr::people::auth::{check_credentials, new_token};
use app::ssr::people::sessions;
use app::ssr::people::store::SessionKind;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::rejection::FormRejection;
use axum::extract::{ConnectInfo, State};
use axum::http::{header, HeaderMap, HeaderValue};
use axum::response::{IntoResponse, Redirect, Response};
use axum::{Extension, Form};
use serde::Deserialize;
use std::net::SocketAddr;

#[derive(Deserialize)]
pub struct SignInForm {
    login: String,
    password: String,
    #[serde(default)]
    next: String,
}

/// Only local paths of plain URL characters, so the form can neither bounce a user to another
/// site nor put anything odd into the `Location` header.
fn local_path(next: &str) -> &str {
    let plain = next.bytes().all(|b| b.is_ascii_graphic());
    if plain && next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next
    } else {
        "/"
    }
}

fn set_cookie(response: &mut Response, value: String) {
    if let Ok(v) = HeaderValue::from_str(&value) {
        response.headers_mut().append(header::SET_COOKIE, v);
    }
}

fn session_cookie(state: &AppState, token: &str, max_age: Option<i64>) -> String {
    let secure = if state.settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let age = max_age
        .map(|a| format!("; Max-Age={a}"))
        .unwrap_or_default();
    format!("{SESSION_COOKIE}={token}; Path=/; HttpOnly; SameSite=Lax{secure}{age}")
}

pub async fn sign_in(
    State(state): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    Extension(visitor): Extension<Visitor>,
    headers: HeaderMap,
    form: Result<Form<SignInForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return Redirect::to("/signin?error=credentials").into_response();
    };
    let next = local_path(&form.next).to_string();
    let user =
        match check_credentials(&state, &form.login, form.password, &peer.ip().to_string()).await {
            Ok(user) => user,
            Err(e) => {
                let error = if e == AppError::TooManyAttempts {
                    "throttled"
                } else {
                    "credentials"
                };
                let back = format!(
                    "/signin?error={error}&login={}&next={}",
                    encode_query(&form.login),
                    encode_query(&next)
                );
                return Redirect::to(&back).into_response();
            }
        };
    let now = state.clock.now();
    if let Some(old) = cookie(&headers, SESSION_COOKIE) {
        let _ = state
            .district
            .revoke_session(&app::ssr::people::auth::token_hash(old), now)
            .await;
    }
    let (token, hash) = new_token();
    if let Err(e) = state
        .district
        .create_session(&hash, user.id, SessionKind::Cookie, now)
        .await
    {
        return (
            axum::http::StatusCode::INTERNAL_SERVER_ERROR,
            e.message(visitor.lang),
        )
            .into_response();
    }
    let mut response = Redirect::to(&next).into_response();
    set_cookie(&mut response, session_cookie(&state, &token, None));
    response
}

pub async fn sign_out(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
) -> Response {
    if let Some(hash) = &visitor.token_hash {
        let _ = state.district.revoke_session(hash, state.clock.now()).await;
    }
    signed_out(&state)
}

/// Back to the sign-in page, with this browser's session cookie cleared.
fn signed_out(state: &AppState) -> Response {
    let mut response = Redirect::to("/signin").into_response();
    set_cookie(&mut response, session_cookie(state, "", Some(0)));
    response
}

#[derive(Deserialize)]
pub struct EndSessionsForm {
    /// Whose sessions; none means the visitor's own.
    #[serde(default)]
    user: String,
}

/// 在所有设备上退出: ends every session of the visitor (and signs this browser out), or, for an
/// admin, of a user of their school (back to that user's page, saying how many ended).
pub async fn end_sessions(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    form: Result<Form<EndSessionsForm>, FormRejection>,
) -> Response {
    let me = match visitor.signed_in() {
        Ok(me) => me.id,
        Err(_) => return Redirect::to("/signin").into_response(),
    };
    let asked = form.ok().map(|Form(f)| f.user).unwrap_or_default();
    let user = match asked.trim() {
        "" => Ok(me),
        id => uuid::Uuid::parse_str(id).map_err(|_| AppError::NotFound),
    };
    let ended = match user {
        Ok(user) => sessions::end_sessions(&state, &visitor, user)
            .await
            .map(|n| (user, n)),
        Err(e) => Err(e),
    };
    match ended {
        Ok((user, _)) if user == me => signed_out(&state),
        Ok((user, n)) => Redirect::to(&format!("/manage/users/{user}?ended={n}")).into_response(),
        Err(e) => (
            axum::http::StatusCode::from_u16(e.status())
                .unwrap_or(axum::http::StatusCode::INTERNAL_SERVER_ERROR),
            e.message(visitor.lang),
        )
            .into_response(),
    }
}

#[derive(Deserialize)]
pub struct LangForm {
    lang: String,
    #[serde(default)]
    next: String,
}

/// Remembers the language in the browser and, when signed in, for the user.
pub async fn set_lang(
    State(state): State<AppState>,
    Extension(visitor): Extension<Visitor>,
    form: Result<Form<LangForm>, FormRejection>,
) -> Response {
    let Ok(Form(form)) = form else {
        return Redirect::to("/").into_response();
    };
    let lang = Lang::parse(&form.lang);
    if let Some(user) = &visitor.user {
        if let Err(e) = state
            .store_of(user)
            .set_user_lang(visitor.actor(), user.id, lang)
            .await
        {
            tracing::warn!("could not save the language of {}: {e}", user.login);
        }
    }
    let mut response = Redirect::to(local_path(&form.next)).into_response();
    let secure = if state.settings.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    set_cookie(
        &mut response,
        format!(
            "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax{secure}",
            lang.code()
        ),
    );
    response
}

#[cfg(test)]
mod tests {
    use super::local_path;

    #[test]
    fn only_plain_local_paths_are_followed() {
        assert_eq!(local_path("/t/7K3M9QX2?x=1"), "/t/7K3M9QX2?x=1");
        for odd in [
            "//evil.example",
            "/\\evil",
            "https://evil.example",
            "/搜索",
            "/a\r\nSet-Cookie: x",
            "/a b",
            "",
        ] {
            assert_eq!(local_path(odd), "/", "{odd:?}");
        }
    }
}
