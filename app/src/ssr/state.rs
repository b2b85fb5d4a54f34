//! What every request handler, page and server function can reach.

use super::store::Store;
use axum::extract::FromRef;
use leptos::config::LeptosOptions;
use std::sync::Arc;

/// Settings that pages and handlers need at run time.
#[derive(Clone, Debug)]
pub struct Settings {
    /// Printed into every tag URL: `{public_url}/t/{CODE}`; no trailing slash.
    pub public_url: String,
    /// Cookies get `Secure` when the public URL is https.
    pub secure_cookies: bool,
    pub demo: bool,
    /// The CJK font labels embed; `None` looks in Debian's fonts-noto-cjk paths.
    pub label_font: Option<std::path::PathBuf>,
    /// The data folder: photos live in `photos/` under it.
    pub data_dir: std::path::PathBuf,
}

/// Shared by axum handlers (as state) and Leptos (as context).
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub store: Arc<dyn Store>,
    pub settings: Arc<Settings>,
}

impl AppState {
    /// The full URL printed on a tag's label.
    pub fn tag_url(&self, code: &str) -> String {
        format!("{}/t/{code}", self.settings.public_url)
    }
}
