//! `/manage/rooms`: find rooms; `/manage/rooms/:id` (or `new`): edit one.

use super::{list_search, pager};
use crate::api::pages::search;
use crate::api::register::room_editor;
use crate::components::editors::RoomEditorForm;
use crate::components::frame::{Frame, IslandScripts};
use crate::i18n::Msg;
use crate::pages::{encode_query, loaded, param, query};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn RoomListPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let q = query("q");
    let offset = query("offset").parse().unwrap_or(0);
    let base = format!("/manage/rooms?q={}", encode_query(&q));
    let render = move |v: crate::api::pages::SearchView| {
        let page = v.rooms;
        let rows = page
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
        view! {
            <ul class="list">{rows}</ul>
            {pager(base.clone(), page.offset, page.limit, page.total)}
        }
    };
    view! {
        <Frame>
            <h1>{s.t(Msg::Rooms)}</h1>
            <p><a class="button" href="/manage/rooms/new">{s.t(Msg::NewRoom)}</a></p>
            {list_search("/manage/rooms", q.clone())}
            {loaded(search(q, offset), render)}
        </Frame>
    }
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
            {loaded(room_editor(id, tag), move |editor| view! { <IslandScripts/> <RoomEditorForm lang editor/> })}
        </Frame>
    }
}
