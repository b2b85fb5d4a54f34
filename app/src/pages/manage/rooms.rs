//! `/manage/rooms`: find rooms; `/manage/rooms/:id` (or `new`): edit one.

use super::{managed_list, Paging};
use crate::components::editors::RoomEditorForm;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::i18n::Msg;
use crate::pages::{loaded, param, query};
use crate::server_fns::register::room_editor;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn RoomListPage() -> impl IntoView {
    managed_list(Msg::Rooms, Msg::NewRoom, "/manage/rooms", |found, lang| {
        let paging = Paging::from(&found.rooms);
        let rows = found
            .rooms
            .items
            .into_iter()
            .map(|r| {
                let kind = lang.t(Msg::room_kind(r.kind));
                view! {
                    <li>
                        <a href=format!("/rooms/{}", r.id)>{r.name}</a>
                        <span class="muted">" "{r.building.name}" · "{kind}" · "{r.tag.unwrap_or_default()}</span>
                        " "<a href=format!("/manage/rooms/{}", r.id)>{lang.t(Msg::Edit)}</a>
                    </li>
                }
            })
            .collect_view();
        (rows, paging)
    })
}

#[component]
pub fn RoomEditPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let id = param("id");
    let title = if id == "new" {
        s.t(Msg::NewRoom)
    } else {
        s.t(Msg::EditRoom)
    };
    let tag = Some(query("tag")).filter(|t| !t.is_empty());
    view! {
        <Frame>
            <h1>{title}</h1>
            {loaded(room_editor(id, tag), move |editor| view! { <IslandScripts bundle=Bundle::Forms/> <RoomEditorForm lang editor/> })}
        </Frame>
    }
}
