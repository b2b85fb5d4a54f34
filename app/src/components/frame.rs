//! The frame around every page: brand, language switch, sign-out, and the scan/search box.

use crate::i18n::Msg;
use crate::session::use_session;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// Wraps a page's content.
#[component]
pub fn Frame(children: Children) -> impl IntoView {
    let s = use_session();
    let loc = use_location();
    let search = loc.search.get_untracked();
    let here = match search.is_empty() {
        true => loc.pathname.get_untracked(),
        false => format!("{}?{search}", loc.pathname.get_untracked()),
    };
    let other = s.lang.other();
    let user = s.user.clone();
    // A district admin belongs to no school: no school's reports, search or scans.
    let in_school = user.as_ref().is_some_and(|u| u.school.is_some());
    let inspects = user.as_ref().is_some_and(|u| u.role.inspects());
    let manages = user
        .as_ref()
        .is_some_and(|u| u.role.manages_register() || u.role.manages_users());
    view! {
        <header class="top">
            <a class="brand" href="/">{s.t(Msg::AppName)}</a>
            <nav class="top-actions">
                {inspects.then(|| view! { <a href="/rounds">{s.t(Msg::RoundsNav)}</a> })}
                {in_school.then(|| view! { <a href="/reports">{s.t(Msg::Reports)}</a> })}
                {manages.then(|| view! { <a href="/manage">{s.t(Msg::Manage)}</a> })}
                {(inspects && !manages).then(|| view! { <a href="/manage/ledgers">{s.t(Msg::Ledgers)}</a> })}
                <form method="post" action="/auth/lang">
                    <input type="hidden" name="lang" value=other.code()/>
                    <input type="hidden" name="next" value=here/>
                    <button class="link" type="submit" lang=other.code()>{s.t(Msg::LangSwitch)}</button>
                </form>
                {user.is_some().then(|| view! {
                    <form method="post" action="/auth/signout">
                        <button class="link" type="submit">{s.t(Msg::SignOut)}</button>
                    </form>
                })}
            </nav>
        </header>
        {in_school.then(|| view! {
            <form class="search" method="get" action="/search" role="search">
                <input type="search" name="q" placeholder=s.t(Msg::SearchPlaceholder)
                    aria-label=s.t(Msg::Search) enterkeyhint="search" autocomplete="off"/>
                <button type="submit">{s.t(Msg::Search)}</button>
                <a class="button secondary" href="/scan">{s.t(Msg::ScanTitle)}</a>
            </form>
        })}
        <main>{children()}</main>
    }
}

/// A centred notice for errors and empty states.
#[component]
pub fn Notice(title: String, body: String) -> impl IntoView {
    view! {
        <section class="notice">
            <h1>{title}</h1>
            <p>{body}</p>
        </section>
    }
}

/// Shows an error from a loader as a notice (and sets the page's status).
pub fn error_notice(e: crate::error::AppError) -> AnyView {
    let s = use_session();
    crate::session::set_status(e.status());
    let title = match e {
        crate::error::AppError::NotFound => s.t(Msg::NotFoundTitle).to_string(),
        _ => s.t(Msg::AppName).to_string(),
    };
    view! { <Notice title body=e.message(s.lang)/> }.into_any()
}

/// Loads the wasm that hydrates the islands; a page that shows an island renders this once.
/// Pages without islands (the scanned records, home, search) skip the download entirely.
#[component]
pub fn IslandScripts() -> impl IntoView {
    #[cfg(feature = "ssr")]
    let scripts = crate::ssr::visitor::state()
        .ok()
        .map(|st| view! { <HydrationScripts options=st.leptos_options islands=true/> });
    #[cfg(not(feature = "ssr"))]
    let scripts: Option<()> = None;
    scripts
}
