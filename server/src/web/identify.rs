//! Resolves who is asking (session cookie or API bearer token) and in which language, once per
//! request, into a [`Visitor`] in the request's extensions.

use app::i18n::Lang;
use app::ssr::people::auth::{lifetime, token_hash};
use app::ssr::people::store::SessionKind;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap};
use axum::middleware::Next;
use axum::response::Response;
use chrono::Duration;

pub const SESSION_COOKIE: &str = "rounds_session";
pub const LANG_COOKIE: &str = "rounds_lang";

/// `last_seen` is written at most this often, so reads stay reads.
const TOUCH_EVERY: Duration = Duration::minutes(1);

/// The value of one cookie.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

fn bearer(headers: &HeaderMap) -> Option<&str> {
    headers
        .get(header::AUTHORIZATION)?
        .to_str()
        .ok()?
        .strip_prefix("Bearer ")
        .map(str::trim)
}

/// Static files need no identity; skip the database for them. Nothing under `/api/` is a
/// static file, a download like `report.xlsx` included.
pub fn is_static(path: &str) -> bool {
    path.starts_with("/pkg/")
        || (!path.starts_with("/api/")
            && path
                .rsplit('/')
                .next()
                .is_some_and(|last| last.contains('.')))
}

pub async fn identify(State(state): State<AppState>, mut req: Request, next: Next) -> Response {
    if is_static(req.uri().path()) {
        return next.run(req).await;
    }
    let headers = req.headers();
    let chosen_lang = cookie(headers, LANG_COOKIE).map(Lang::parse);
    let api_lang = req.uri().path().starts_with("/api/").then(|| {
        let accept = headers
            .get(header::ACCEPT_LANGUAGE)
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if accept.trim_start().starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    });
    let credentials = match bearer(headers) {
        Some(t) => Some((t.to_string(), SessionKind::Token)),
        None => cookie(headers, SESSION_COOKIE).map(|t| (t.to_string(), SessionKind::Cookie)),
    };
    let mut visitor = Visitor {
        lang: chosen_lang.or(api_lang).unwrap_or_default(),
        ..Default::default()
    };
    if let Some((token, kind)) = credentials {
        let hash = token_hash(&token);
        let now = state.clock.now();
        let live = lifetime::live_at(kind, now);
        if let Ok(Some(found)) = state.district.session_user(&hash, kind, live).await {
            if now - found.last_seen > TOUCH_EVERY {
                let _ = state.district.touch_session(&hash, now).await;
            }
            if chosen_lang.is_none() && api_lang.is_none() {
                visitor.lang = found.lang.unwrap_or_default();
            }
            visitor.user = Some(found.user);
            visitor.token_hash = Some(hash);
        }
    }
    req.extensions_mut().insert(visitor);
    next.run(req).await
}

/// Paths anyone may open: sign-in, its form posts, the API and server functions (which check
/// for themselves), health, and static files.
pub fn is_public(path: &str) -> bool {
    path == "/signin"
        || path == "/healthz"
        || ["/auth/", "/api/", "/sf/", "/pkg/"]
            .iter()
            .any(|p| path.starts_with(p))
        || is_static(path)
}
