//! The Rounds server: opens the store, loads the demo school, and serves pages, server
//! functions, the JSON API and the built site.

pub mod backup;
pub mod config;
pub mod rest;
pub mod store;
pub mod web;

use app::ssr::state::{AppState, Settings};
use config::ServeArgs;
use leptos::config::LeptosOptions;
use std::net::SocketAddr;
use std::sync::Arc;
use tokio::net::TcpListener;

/// Opens the store and builds the shared state (loading the demo school if asked and empty).
pub async fn prepare(args: &ServeArgs) -> anyhow_lite::Result<AppState> {
    let district = store::open(&args.database()).await?;
    if args.demo {
        store::load_demo(district.as_ref()).await?;
    }
    app::ssr::school::furnish_all(district.as_ref())
        .await
        .map_err(|e| format!("checklists and schedules: {e}"))?;
    let public_url = args.public_url();
    let leptos_options = LeptosOptions::builder()
        .output_name("rounds")
        .site_root(args.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(args.addr)
        .build();
    Ok(AppState {
        leptos_options,
        district,
        settings: Arc::new(Settings {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            demo: args.demo,
            label_font: args.label_font.clone(),
            data_dir: args.data.clone(),
        }),
    })
}

/// Serves on an already bound listener until the process is stopped.
pub async fn serve_on(listener: TcpListener, state: AppState) -> std::io::Result<()> {
    let router = web::router(state);
    axum::serve(
        listener,
        router.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown())
    .await
}

async fn shutdown() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! { _ = ctrl_c => {}, _ = term => {} }
}

/// Minimal boxed-error result for start-up code, where the message is all that matters.
pub mod anyhow_lite {
    pub type Error = Box<dyn std::error::Error + Send + Sync>;
    pub type Result<T> = std::result::Result<T, Error>;
}
