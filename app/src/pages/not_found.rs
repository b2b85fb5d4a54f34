//! The friendly 404 for any address that is not a page.

use crate::components::frame::{Frame, Notice};
use crate::i18n::Msg;
use crate::session::{set_status, use_session};
use leptos::prelude::*;

#[component]
pub fn NotFound() -> impl IntoView {
    let s = use_session();
    set_status(404);
    view! {
        <Frame>
            <Notice title=s.t(Msg::NotFoundTitle).into() body=s.t(Msg::NotFoundBody).into()/>
            <p class="center"><a href="/">{s.t(Msg::Home)}</a></p>
        </Frame>
    }
}
