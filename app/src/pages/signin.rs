//! `/signin`: a plain form that works before any script loads; it posts to `/auth/signin`.

use super::query;
use crate::components::frame::Frame;
use crate::i18n::Msg;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn SignInPage() -> impl IntoView {
    let s = use_session();
    let next = query("next");
    let error = match query("error").as_str() {
        "credentials" => Some(s.t(Msg::BadCredentials)),
        "throttled" => Some(s.t(Msg::TooManyAttempts)),
        _ => None,
    };
    let note = next
        .starts_with("/t/")
        .then(|| view! { <p class="muted">{s.t(Msg::SignedOutNote)}</p> });
    let demo = s.demo.then(|| {
        use crate::domain::Role;
        let accounts = [
            ("demo-admin", Role::Admin),
            ("demo-manager", Role::AssetManager),
            ("demo-staff", Role::Staff),
            ("demo-teacher", Role::Teacher),
            ("demo-principal", Role::Admin),
            ("demo-district", Role::DistrictAdmin),
        ]
        .map(|(login, role)| view! { <li><code>{login}</code>" "<span class="muted">{s.t(Msg::role(role))}</span></li> });
        view! {
            <section class="card demo">
                <h2>{s.t(Msg::DemoAccounts)}</h2>
                <ul class="list">{accounts.to_vec()}</ul>
                <p class="muted">{s.t(Msg::DemoSecondSchool)}</p>
            </section>
        }
    });
    view! {
        <Frame>
            <h1>{s.t(Msg::SignIn)}</h1>
            {note}
            <form class="form" method="post" action="/auth/signin">
                <input type="hidden" name="next" value=next/>
                <label class="field">
                    <span>{s.t(Msg::LoginLabel)}</span>
                    <input name="login" value=query("login") autocomplete="username" autocapitalize="none" required/>
                </label>
                <label class="field">
                    <span>{s.t(Msg::PasswordLabel)}</span>
                    <input name="password" type="password" autocomplete="current-password" required/>
                </label>
                <p class="form-error" role="alert">{error}</p>
                <button type="submit">{s.t(Msg::SignIn)}</button>
            </form>
            {demo}
            <script src="/offline/forget-round.js" defer=""></script>
        </Frame>
    }
}
