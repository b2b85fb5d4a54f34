//! The one island behind every form that saves a record through a server function: the
//! register's editors, users and schools, checklists, schedules, label stocks, compensation
//! cases and stocktakes. The form's fields are rendered on the server as the island's
//! children; the island only sends the form, then opens the saved record or shows the
//! translated refusal in place. One small island instead of one per form keeps the manage
//! pages' wasm free of per-form code. Without JavaScript the same form posts and the server
//! redirects back.

use crate::i18n::Lang;
use leptos::prelude::*;

/// A form posting to the server function at `action` (its URL, `ServerFn::url()`).
#[island]
pub fn SavingForm(
    lang: Lang,
    #[prop(into)] action: String,
    #[prop(into)] class: String,
    children: Children,
) -> impl IntoView {
    let refusal = RwSignal::new(None::<String>);
    let pending = RwSignal::new(false);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        #[cfg(not(feature = "hydrate"))]
        let _ = (ev, lang);
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
            leptos::task::spawn_local(async move {
                match super::net::save_form(&form, lang).await {
                    Ok(url) => super::net::go(&url),
                    Err(message) => {
                        refusal.set(Some(message));
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
