//! Who is asking: resolved once per request by the server's middleware and read by pages and
//! server functions through the request's extensions.

use super::state::AppState;
use crate::domain::Role;
use crate::error::{AppError, AppResult};
use crate::i18n::Lang;
use crate::model::User;
use crate::ssr::store::Actor;
use leptos::prelude::*;

/// The signed-in user (if any) and the language to answer in.
#[derive(Clone, Debug, Default)]
pub struct Visitor {
    pub user: Option<User>,
    pub lang: Lang,
    /// Hash of the session or API token that signed this request in.
    pub token_hash: Option<Vec<u8>>,
}

impl Visitor {
    /// The user, or 401.
    pub fn signed_in(&self) -> AppResult<&User> {
        self.user.as_ref().ok_or(AppError::Unauthorized)
    }

    /// The user if their role passes `allowed`, else 401/403.
    pub fn require(&self, allowed: impl Fn(Role) -> bool) -> AppResult<&User> {
        let user = self.signed_in()?;
        if allowed(user.role) {
            Ok(user)
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// The user if they belong to a school (everyone but the district admin), else 401/403.
    /// Checked before a request is read, so who may ask is answered before what was asked.
    pub fn of_school(&self) -> AppResult<&User> {
        let user = self.signed_in()?;
        user.school.map(|_| user).ok_or(AppError::Forbidden)
    }

    pub fn actor(&self) -> Actor {
        Actor(self.user.as_ref().map(|u| u.id))
    }
}

/// The current request's visitor (inside a page render or a server function).
pub fn visitor() -> Visitor {
    use_context::<axum::http::request::Parts>()
        .and_then(|p| p.extensions.get::<Visitor>().cloned())
        .unwrap_or_default()
}

/// The shared state (inside a page render or a server function).
pub fn state() -> AppResult<AppState> {
    use_context::<AppState>().ok_or_else(|| AppError::internal("AppState missing from context"))
}
