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
                {in_school.then(|| view! { <a href="/supplies">{s.t(Msg::SuppliesNav)}</a> })}
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

/// The islands' wasm comes in bundles, each the islands of a few pages, so that a page
/// downloads only what it hydrates. Each is the cargo feature `islands-{name}` of the app
/// crate, built by `.ci/build-site` into `/pkg/rounds-{name}.js` and its `_bg.wasm`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bundle {
    /// The forms that save a record ([`SavingForm`](super::saving_form::SavingForm)).
    Forms,
    /// The label sheets' download with its progress, and the label-stock form.
    Labels,
    /// The register import: upload, preview, apply.
    Import,
    /// The scanned record's inspection and damage-report forms, with photos.
    Inspect,
}

impl Bundle {
    pub const ALL: [Bundle; 4] = [
        Bundle::Forms,
        Bundle::Labels,
        Bundle::Import,
        Bundle::Inspect,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Bundle::Forms => "forms",
            Bundle::Labels => "labels",
            Bundle::Import => "import",
            Bundle::Inspect => "inspect",
        }
    }
}

/// Loads the wasm bundle that hydrates the page's islands; a page that shows an island renders
/// this once, naming the bundle its islands are in. Pages without islands (the scanned
/// records, home, search) skip the download entirely.
#[component]
pub fn IslandScripts(bundle: Bundle) -> impl IntoView {
    #[cfg(feature = "ssr")]
    let scripts = crate::ssr::visitor::state().ok().map(|st| {
        let mut options = st.leptos_options;
        options.output_name = st.assets.bundle(bundle.name()).into();
        view! { <HydrationScripts options islands=true/> }
    });
    #[cfg(not(feature = "ssr"))]
    let scripts: Option<()> = {
        let _ = bundle;
        None
    };
    scripts
}

#[cfg(test)]
mod tests {
    use super::Bundle;

    /// `.ci/build-site` builds a bundle for each `islands-NAME` feature; each is one the pages
    /// can name, and each the pages name is built.
    #[test]
    fn every_bundle_is_an_islands_feature_of_the_app_crate() {
        let mut features: Vec<&str> = include_str!("../../Cargo.toml")
            .lines()
            .filter_map(|line| line.strip_prefix("islands-")?.split(' ').next())
            .collect();
        let mut names: Vec<&str> = Bundle::ALL.iter().map(|b| b.name()).collect();
        features.sort();
        names.sort();
        assert_eq!(features, names);
    }
}
