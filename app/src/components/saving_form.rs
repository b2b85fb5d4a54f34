//! The one island behind every form that saves a record through a server function: the
//! register's editors, users and schools, checklists, schedules, label stocks, compensation
//! cases and stocktakes. The form's fields are rendered on the server as the island's
//! children; the island only sends the form, then opens the saved record or shows the
//! translated refusal in place. One small island instead of one per form keeps the manage
//! pages' wasm free of per-form code. Without JavaScript the same form posts and the server
//! redirects back.

use crate::i18n::{Lang, Msg};
use leptos::prelude::*;

/// A form posting to the server function at `action` (its URL, `ServerFn::url()`).
#[component]
pub fn SavingForm(
    lang: Lang,
    #[prop(into)] action: String,
    #[prop(into)] class: String,
    children: Children,
) -> impl IntoView {
    let unreachable = lang.t(Msg::Network).to_string();
    view! { <FormSender action class unreachable>{children()}</FormSender> }
}

/// The island of a [`SavingForm`]: every text it may show comes from the server (the refusal's
/// message, or `unreachable`), so it needs no translations of its own.
#[island]
pub fn FormSender(
    action: String,
    class: String,
    unreachable: String,
    children: Children,
) -> impl IntoView {
    let refusal = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, &unreachable);
        #[cfg(feature = "hydrate")]
        {
            use wasm_bindgen::JsCast;
            let Some(form) = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::HtmlFormElement>().ok())
            else {
                return;
            };
            ev.prevent_default();
            if pending.get_untracked() {
                return;
            }
            pending.set(true);
            refusal.set(None);
            let unreachable = unreachable.clone();
            leptos::task::spawn_local(async move {
                match super::net::save_form(&form).await {
                    Ok(url) => super::net::go(&url),
                    Err(message) => {
                        refusal.set(Some(message.unwrap_or(unreachable)));
                        pending.set(false);
                    }
                }
            });
        }
    };
    view! {
        <form action=action method="post" class=class on:submit=submit>
            {children()}
            <p class="form-error" role="alert">{move || refusal.get()}</p>
            <p class="muted">{move || pending.get().then_some("…")}</p>
        </form>
    }
}
