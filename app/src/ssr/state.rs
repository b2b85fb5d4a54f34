//! What every request handler, page and server function can reach.

use super::store::Store;
use super::visitor::Visitor;
use crate::error::{AppError, AppResult};
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
    /// The built site's files by their hashed names (the stylesheet, the islands bundles).
    pub assets: super::assets::AssetNames,
    /// The store as the district sees it: sessions, sign-in, the list of schools. A school's
    /// records are reached through [`AppState::school`].
    pub district: Arc<dyn Store>,
    pub settings: Arc<Settings>,
    /// What sessions and the sign-in throttle take as now.
    pub clock: super::clock::Clock,
}

impl AppState {
    /// The store of the asker's school: every query of it sees that school's records only.
    /// 401 when nobody is signed in, 403 for a user of no school (a district admin).
    pub fn school(&self, v: &Visitor) -> AppResult<Arc<dyn Store>> {
        let user = v.signed_in()?;
        let school = user.school.ok_or(AppError::Forbidden)?;
        Ok(self.district.for_school(school))
    }

    /// The store of `user`'s own school; the district's for a district admin.
    pub fn store_of(&self, user: &crate::model::User) -> Arc<dyn Store> {
        match user.school {
            Some(school) => self.district.for_school(school),
            None => self.district.clone(),
        }
    }

    /// The full URL printed on a tag's label.
    pub fn tag_url(&self, code: &str) -> String {
        format!("{}/t/{code}", self.settings.public_url)
    }
}
