//! The signed-in user and language, given to every page as context while it renders.

use crate::i18n::{Lang, Msg};
use crate::model::User;
use leptos::prelude::*;

/// Who the page is for.
#[derive(Clone, Debug, Default)]
pub struct Session {
    pub user: Option<User>,
    pub lang: Lang,
    /// Demo mode shows the demo accounts on the sign-in page.
    pub demo: bool,
}

impl Session {
    /// Read from the request on the server; islands get what they need as props instead.
    pub fn current() -> Self {
        #[cfg(feature = "ssr")]
        {
            let v = crate::ssr::visitor::visitor();
            let demo = crate::ssr::visitor::state()
                .map(|s| s.settings.demo)
                .unwrap_or(false);
            Session {
                user: v.user,
                lang: v.lang,
                demo,
            }
        }
        #[cfg(not(feature = "ssr"))]
        Session::default()
    }

    pub fn t(&self, msg: Msg) -> &'static str {
        self.lang.t(msg)
    }
}

/// The page's session, from context.
pub fn use_session() -> Session {
    use_context::<Session>().unwrap_or_default()
}

/// Sets the HTTP status of the page being rendered (404 for unknown records).
pub fn set_status(code: u16) {
    #[cfg(feature = "ssr")]
    if let (Some(opts), Ok(status)) = (
        use_context::<leptos_axum::ResponseOptions>(),
        axum::http::StatusCode::from_u16(code),
    ) {
        opts.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = code;
}

/// Answers the page being rendered with a redirect (e.g. a search that is an exact tag code).
pub fn redirect_to(path: &str) {
    #[cfg(feature = "ssr")]
    leptos_axum::redirect(path);
    #[cfg(not(feature = "ssr"))]
    let _ = path;
}
