//! The security headers every response carries: a Content-Security-Policy whose only inline
//! script is the islands loader (a fresh nonce per page), the camera allowed only on the pages
//! with the scanner, HSTS when the public URL is https, and no caching of anything but the
//! built site's files (pages and API answers carry personal data).

use super::identify::is_static;
use app::ssr::state::AppState;
use axum::extract::{Request, State};
use axum::http::{header, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use leptos::nonce::Nonce;

/// The pages whose scanner opens the camera (getUserMedia): `/scan` and a stocktake's counting page.
pub fn uses_camera(path: &str) -> bool {
    path == "/scan" || (path.starts_with("/stocktakes/") && path.ends_with("/count"))
}

/// The policy: scripts and styles only from this site (and the loader by its nonce), the wasm
/// compiled (`wasm-unsafe-eval`, the only exception), photos shown from `blob:` previews, no
/// framing, plugins or foreign form targets.
pub fn content_security_policy(nonce: Option<&str>) -> String {
    let loader = nonce.map(|n| format!(" 'nonce-{n}'")).unwrap_or_default();
    format!(
        "default-src 'self'; script-src 'self'{loader} 'wasm-unsafe-eval'; style-src 'self'; \
         img-src 'self' blob: data:; media-src 'self' blob:; connect-src 'self'; \
         worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; \
         frame-ancestors 'none'"
    )
}

fn permissions_policy(path: &str) -> &'static str {
    if uses_camera(path) {
        "camera=(self), microphone=(), geolocation=(), payment=(), usb=()"
    } else {
        "camera=(), microphone=(), geolocation=(), payment=(), usb=()"
    }
}

/// The policy of the built site's files (a worker script is bound by its own), made once.
static WITHOUT_NONCE: std::sync::LazyLock<HeaderValue> = std::sync::LazyLock::new(|| {
    HeaderValue::from_str(&content_security_policy(None))
        .unwrap_or_else(|_| HeaderValue::from_static("default-src 'self'"))
});

const HSTS: HeaderValue = HeaderValue::from_static("max-age=31536000");

pub async fn security_headers(
    State(st): State<AppState>,
    mut req: Request,
    next: Next,
) -> Response {
    let path = req.uri().path();
    let built_file = is_static(path);
    let permissions = permissions_policy(path);
    // A page's nonce reaches Leptos (which writes it on the loader) through the request.
    let nonce = (!built_file).then(Nonce::new);
    if let Some(n) = &nonce {
        req.extensions_mut().insert(n.clone());
    }
    let mut res = next.run(req).await;
    let headers = res.headers_mut();
    let policy = match &nonce {
        Some(n) => HeaderValue::from_str(&content_security_policy(Some(n))).ok(),
        None => Some(WITHOUT_NONCE.clone()),
    };
    if let Some(value) = policy {
        headers.insert(header::CONTENT_SECURITY_POLICY, value);
    }
    headers.insert(
        HeaderName::from_static("permissions-policy"),
        HeaderValue::from_static(permissions),
    );
    if st.settings.secure_cookies {
        headers.insert(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    if !built_file {
        headers
            .entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-store"));
    }
    res
}

/// Hands the request's nonce to the page being rendered (Leptos made one of its own first).
pub fn provide_request_nonce() {
    use leptos::prelude::{provide_context, use_context};
    if let Some(nonce) = use_context::<axum::http::request::Parts>()
        .and_then(|parts| parts.extensions.get::<Nonce>().cloned())
    {
        provide_context(nonce);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_policy_allows_only_the_nonced_loader_inline() {
        let p = content_security_policy(Some("abc"));
        assert!(p.contains("script-src 'self' 'nonce-abc' 'wasm-unsafe-eval';"));
        assert!(!p.contains("unsafe-inline"));
        assert!(!p.contains("'unsafe-eval'"));
        assert!(content_security_policy(None).contains("script-src 'self' 'wasm-unsafe-eval';"));
    }

    #[test]
    fn only_the_scanner_pages_may_use_the_camera() {
        assert!(uses_camera("/scan"));
        assert!(uses_camera("/stocktakes/0193/count"));
        assert!(!uses_camera("/stocktakes/0193"));
        assert!(!uses_camera("/t/7K3M9QX2"));
        assert!(permissions_policy("/rounds").starts_with("camera=()"));
    }
}
