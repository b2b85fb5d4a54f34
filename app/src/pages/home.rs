//! `/`: my rooms and my responsibilities, and the search box above them.

use super::loaded;
use crate::components::frame::Frame;
use crate::i18n::Msg;
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
    let render = move |data: crate::server_fns::pages::HomeView| {
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
        }
    };
    view! { <Frame>{loaded(home_data(), render)}</Frame> }.into_any()
}
