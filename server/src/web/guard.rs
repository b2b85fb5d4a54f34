//! Two gates: pages need a signed-in user (others go to the sign-in page and come back), and
//! writes from a browser must come from this site (no cross-site form posts).

use super::identify::is_public;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::{Request, State};
use axum::http::{header, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};

/// Anonymous visitors to a page are sent to sign in, with the page to return to.
pub async fn pages_need_sign_in(req: Request, next: Next) -> Response {
    let signed_in = req
        .extensions()
        .get::<Visitor>()
        .is_some_and(|v| v.user.is_some());
    let path = req.uri().path();
    if signed_in || req.method() != Method::GET || is_public(path) {
        return next.run(req).await;
    }
    let target = req
        .uri()
        .path_and_query()
        .map(|p| p.as_str())
        .unwrap_or("/");
    Redirect::to(&format!(
        "/signin?next={}",
        app::pages::encode_query(target)
    ))
    .into_response()
}

fn origin_of(url: &str) -> &str {
    let after_scheme = url.find("://").map(|i| i + 3).unwrap_or(0);
    match url[after_scheme..].find('/') {
        Some(i) => &url[..after_scheme + i],
        None => url,
    }
}

/// Refuses state-changing requests that a browser sent from another site. API clients with a
/// bearer token carry no ambient cookie, so they are not at risk and pass.
pub async fn same_origin_writes(
    State(state): State<AppState>,
    req: Request,
    next: Next,
) -> Response {
    let safe = matches!(*req.method(), Method::GET | Method::HEAD | Method::OPTIONS);
    let headers = req.headers();
    if safe || headers.contains_key(header::AUTHORIZATION) {
        return next.run(req).await;
    }
    let host_origin = headers
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .map(|h| format!("//{h}"));
    let cross = match headers.get(header::ORIGIN).and_then(|o| o.to_str().ok()) {
        Some(origin) => {
            origin != origin_of(&state.settings.public_url)
                && !host_origin.as_deref().is_some_and(|h| {
                    origin.ends_with(h) && origin.len() - h.len() <= "https:".len()
                })
        }
        None => headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) == Some("cross-site"),
    };
    if cross {
        tracing::warn!(
            "refused a cross-site {} to {}",
            req.method(),
            req.uri().path()
        );
        let lang = req
            .extensions()
            .get::<Visitor>()
            .map(|v| v.lang)
            .unwrap_or_default();
        return (
            StatusCode::FORBIDDEN,
            app::error::AppError::Forbidden.message(lang),
        )
            .into_response();
    }
    next.run(req).await
}

#[cfg(test)]
mod tests {
    use super::origin_of;

    #[test]
    fn origins_drop_the_path() {
        assert_eq!(
            origin_of("https://school.example/rounds"),
            "https://school.example"
        );
        assert_eq!(origin_of("http://127.0.0.1:3000"), "http://127.0.0.1:3000");
    }
}
