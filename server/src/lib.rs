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
use std::path::Path;
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
        // Filled in by the router when it loads the built site.
        assets: Default::default(),
        district,
        settings: Arc::new(Settings {
            secure_cookies: public_url.starts_with("https://"),
            public_url,
            demo: args.demo,
            label_font: args.label_font.clone(),
            data_dir: args.data.clone(),
        }),
        clock: Default::default(),
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

/// Serves https on an already bound listener with the certificate and key (PEM files) until
/// the process is stopped; requests in flight get up to 10 s to finish.
pub async fn serve_tls_on(
    listener: std::net::TcpListener,
    state: AppState,
    cert: &Path,
    key: &Path,
) -> std::io::Result<()> {
    use axum_server::tls_rustls::RustlsConfig;
    // One crypto provider for the process: ring, which builds with `cc` alone. rustls marks it
    // deprecated for lacking post-quantum key exchange; aws-lc-rs has it but needs a far longer
    // C build on this 2-core machine. Installing twice (a second server in one process) is no error.
    #[allow(deprecated)]
    let _ = rustls::crypto::ring::default_provider().install_default();
    let config = RustlsConfig::from_pem_file(cert, key).await?;
    let handle = axum_server::Handle::new();
    let stopping = handle.clone();
    tokio::spawn(async move {
        shutdown().await;
        stopping.graceful_shutdown(Some(std::time::Duration::from_secs(10)));
    });
    let router = web::router(state);
    axum_server::from_tcp_rustls(listener, config)?
        .handle(handle)
        .serve(router.into_make_service_with_connect_info::<SocketAddr>())
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
