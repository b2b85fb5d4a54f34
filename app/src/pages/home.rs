//! `/`: my rooms and my responsibilities, and the search box above them.

use super::loaded;
use crate::components::frame::Frame;
use crate::dashboard::{links, Brief};
use crate::i18n::{Lang, Msg};
use crate::pages::dashboard::{checks_tile, tile};
use crate::pages::district::DistrictPage;
use crate::server_fns::pages::home_data;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn HomePage() -> impl IntoView {
    let s = use_session();
    // The district admin belongs to no school: their home is the district's schools.
    if s.user.as_ref().is_some_and(|u| u.role.manages_district()) {
        return view! { <DistrictPage/> }.into_any();
    }
    let name = s
        .user
        .as_ref()
        .map(|u| u.display_name.clone())
        .unwrap_or_default();
    let role = s
        .user
        .as_ref()
        .map(|u| s.t(Msg::role(u.role)))
        .unwrap_or_default();
    let manages = s.user.as_ref().is_some_and(|u| u.role.manages_register());
    let lang = s.lang;
    let render = move |data: crate::server_fns::pages::HomeView| {
        let brief = data.brief.map(|b| brief_view(lang, b, manages));
        let none =
            (data.rooms.is_empty()).then(|| view! { <p class="muted">{s.t(Msg::NoRooms)}</p> });
        let rooms = data
            .rooms
            .into_iter()
            .map(|r| {
                view! {
                    <li>
                        <a href=format!("/rooms/{}", r.id)>{r.name}</a>
                        <span class="muted">" "{r.building.name}" · "{r.asset_count}</span>
                    </li>
                }
            })
            .collect_view();
        let no_duties = data
            .duties
            .is_empty()
            .then(|| view! { <p class="muted">{s.t(Msg::NoRooms)}</p> });
        let duties = data
            .duties
            .into_iter()
            .map(|d| {
                view! {
                    <li>
                        <span class="tag-chip">{d.area}</span>" "{d.item}
                        {d.cadence.map(|c| view! { <span class="muted">" · "{c}</span> })}
                    </li>
                }
            })
            .collect_view();
        view! {
            <p class="eyebrow">{data.school}</p>
            <h1>{s.t(Msg::Hello)}"，"{name.clone()}</h1>
            <p class="muted">{role}</p>
            {brief}
            <section class="card">
                <h2>{s.t(Msg::MyRooms)}</h2>
                {none}
                <ul class="list">{rooms}</ul>
            </section>
            <section class="card">
                <h2>{s.t(Msg::MyResponsibilities)}</h2>
                {no_duties}
                <ul class="list">{duties}</ul>
            </section>
            <section class="card services">
                <h2>{s.t(Msg::Services)}</h2>
                <p class="actions">
                    <a href="/supplies">{s.t(Msg::Supplies)}</a>
                    <a href="/purchases">{s.t(Msg::Purchases)}</a>
                    <a href="/keys">{s.t(Msg::Keys)}</a>
                    <a href="/drills">{s.t(Msg::Drills)}</a>
                </p>
            </section>
            <section class="card">
                <form method="post" action="/auth/sessions/end">
                    <p class="muted">{s.t(Msg::SignOutEverywhereHint)}</p>
                    <button class="secondary" type="submit">{s.t(Msg::SignOutEverywhere)}</button>
                </form>
            </section>
        }
    };
    view! { <Frame>{loaded(home_data(), render)}</Frame> }.into_any()
}

/// The dashboard's small version: my checks now, reports waiting for me, hazards past their
/// deadline, and for managers the way to the whole dashboard.
fn brief_view(lang: Lang, b: Brief, manages: bool) -> impl IntoView {
    view! {
        <section class="card brief">
            <ul class="tiles figures">
                {checks_tile(lang, Msg::MyChecks, b.mine)}
                {tile("/reports?scope=assigned".into(), b.assigned_open.to_string(), lang.t(Msg::WaitingForMe), None)}
                {tile(links::HAZARDS.into(), b.hazards_overdue.to_string(), lang.t(Msg::HazardsOverdue), None)}
            </ul>
            {manages.then(|| view! {
                <p><a class="button secondary" href="/dashboard">{lang.t(Msg::OpenDashboard)}</a></p>
            })}
        </section>
    }
}
