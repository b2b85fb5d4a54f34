//! `/manage/buildings`: the buildings, renamed in place, and a form for a new one.

use crate::components::editors::BuildingForm;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::i18n::Msg;
use crate::model::Building;
use crate::pages::loaded;
use crate::server_fns::register::buildings;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn BuildingsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let can_edit = s.user.as_ref().is_some_and(|u| u.role.manages_register());
    let render = move |list: Vec<Building>| {
        let rows = list
            .into_iter()
            .map(|b| {
                let rename = can_edit.then(|| view! { <BuildingForm lang id=b.id.to_string() name=b.name.clone()/> });
                view! {
                    <li class="card">
                        <a href=format!("/manage/rooms?q={}", crate::pages::encode_query(&b.name))>{b.name.clone()}</a>
                        <span class="muted">" · "{b.room_count}" "{lang.t(Msg::Rooms)}</span>
                        {rename}
                    </li>
                }
            })
            .collect_view();
        view! {
            <IslandScripts bundle=Bundle::Forms/>
            <h1>{lang.t(Msg::Buildings)}</h1>
            <ul class="plain">{rows}</ul>
            {can_edit.then(|| view! { <section class="card"><BuildingForm lang id="new".to_string() name=String::new()/></section> })}
        }
    };
    view! { <Frame>{loaded(buildings(), render)}</Frame> }
}
