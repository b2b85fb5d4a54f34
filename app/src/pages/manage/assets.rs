//! `/manage/assets`: find assets; `/manage/assets/:id` (or `new`): edit one.

use super::{list_search, pager};
use crate::api::pages::search;
use crate::api::register::asset_editor;
use crate::components::editors::AssetEditorForm;
use crate::components::frame::{Frame, IslandScripts};
use crate::i18n::Msg;
use crate::pages::{encode_query, loaded, param, query};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn AssetListPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let q = query("q");
    let offset = query("offset").parse().unwrap_or(0);
    let base = format!("/manage/assets?q={}", encode_query(&q));
    let render = move |v: crate::api::pages::SearchView| {
        let page = v.assets;
        let rows = page
            .items
            .into_iter()
            .map(|a| {
                let status = lang.t(Msg::status(a.status));
                let place = a.room.map(|r| r.name).unwrap_or_default();
                view! {
                    <li>
                        <a href=format!("/assets/{}", a.id)>{a.name}</a>
                        <span class="muted">" "{a.asset_code}" · "{place}" · "{status}</span>
                        " "<a href=format!("/manage/assets/{}", a.id)>{lang.t(Msg::Edit)}</a>
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
            <h1>{s.t(Msg::Assets)}</h1>
            <p><a class="button" href="/manage/assets/new">{s.t(Msg::NewAsset)}</a></p>
            {list_search("/manage/assets", q.clone())}
            {loaded(search(q, offset), render)}
        </Frame>
    }
}

#[component]
pub fn AssetEditPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let id = param("id");
    let title = if id == "new" {
        s.t(Msg::NewAsset)
    } else {
        s.t(Msg::EditAsset)
    };
    let nonempty = |v: String| Some(v).filter(|v| !v.is_empty());
    let (room, tag) = (nonempty(query("room")), nonempty(query("tag")));
    view! {
        <Frame>
            <h1>{title}</h1>
            {loaded(asset_editor(id, room, tag), move |editor| view! { <IslandScripts/> <AssetEditorForm lang editor/> })}
        </Frame>
    }
}
