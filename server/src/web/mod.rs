//! The router: pages and server functions (Leptos), the JSON API, sign-in forms, the built
//! site, and the middleware every request passes.

mod guard;
mod headers;
mod identify;
mod qr;
mod server_fn_status;
mod signin;
mod static_files;

use crate::rest;
use app::ssr::state::AppState;
use app::{shell, App};
use axum::extract::{DefaultBodyLimit, Request, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::routing::{get, post};
use axum::{middleware, Router};
use leptos::prelude::provide_context;
use leptos_axum::{generate_route_list, LeptosRoutes};
use tower_http::compression::predicate::{NotForContentType, Predicate};
use tower_http::compression::{CompressionLayer, DefaultPredicate};
use tower_http::set_header::SetResponseHeaderLayer;

pub use identify::SESSION_COOKIE;

/// Request bodies (forms, JSON) larger than this are refused before they are read.
pub const BODY_LIMIT: usize = 64 * 1024;

async fn healthz(State(state): State<AppState>) -> StatusCode {
    match state.district.health().await {
        Ok(()) => StatusCode::OK,
        Err(_) => StatusCode::SERVICE_UNAVAILABLE,
    }
}

pub fn router(state: AppState) -> Router {
    let files = static_files::StaticFiles::load(&state.leptos_options.site_root);
    // The pages link the built site's files by their hashed names.
    let state = AppState {
        assets: files.names(),
        ..state
    };
    let routes = generate_route_list(App);
    let options = state.leptos_options.clone();
    let context_state = state.clone();
    let context = move || {
        provide_context(context_state.clone());
        headers::provide_request_nonce();
    };
    let not_found =
        leptos_axum::file_and_error_handler_with_context::<AppState, _>(context.clone(), shell);
    let fallback_state = state.clone();
    Router::new()
        .route("/healthz", get(healthz))
        .route("/auth/signin", post(signin::sign_in))
        .route("/auth/signout", post(signin::sign_out))
        .route("/auth/sessions/end", post(signin::end_sessions))
        .route("/auth/lang", post(signin::set_lang))
        .route("/t/{code}/qr.svg", get(qr::svg))
        .route("/t/{code}/qr.png", get(qr::png))
        .route("/T/{code}/qr.svg", get(qr::svg))
        .route("/T/{code}/qr.png", get(qr::png))
        .nest("/api/v1", rest::router())
        .leptos_routes_with_context(&state, routes, context.clone(), move || {
            shell(options.clone())
        })
        .fallback(move |req: Request| async move {
            match files.respond(req.uri().path(), req.headers()) {
                Some(found) => found,
                None => not_found(req.uri().clone(), State(fallback_state), req).await,
            }
        })
        .layer(middleware::from_fn(server_fn_status::server_fn_status))
        .layer(middleware::from_fn(rest::error::in_visitors_language))
        .layer(middleware::from_fn(guard::pages_need_sign_in))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            guard::same_origin_writes,
        ))
        .layer(middleware::from_fn_with_state(
            state.clone(),
            identify::identify,
        ))
        .layer(DefaultBodyLimit::max(BODY_LIMIT))
        .layer(
            // Label PDFs are deflated already; sent as they are they keep a Content-Length,
            // which the download's progress bar needs.
            CompressionLayer::new().br(true).gzip(true).compress_when(
                DefaultPredicate::new().and(NotForContentType::const_new("application/pdf")),
            ),
        )
        .layer(middleware::from_fn_with_state(
            state.clone(),
            headers::security_headers,
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::REFERRER_POLICY,
            HeaderValue::from_static("same-origin"),
        ))
        .layer(SetResponseHeaderLayer::if_not_present(
            header::X_FRAME_OPTIONS,
            HeaderValue::from_static("DENY"),
        ))
        .with_state(state)
}
