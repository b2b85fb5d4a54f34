//! `/manage/assets`: find assets; `/manage/assets/:id` (or `new`): edit one.

use super::{managed_list, Paging};
use crate::components::editors::AssetEditorForm;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::i18n::Msg;
use crate::pages::{loaded, param, query};
use crate::server_fns::register::asset_editor;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn AssetListPage() -> impl IntoView {
    managed_list(
        Msg::Assets,
        Msg::NewAsset,
        "/manage/assets",
        |found, lang| {
            let paging = Paging::from(&found.assets);
            let rows = found
                .assets
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
            (rows, paging)
        },
    )
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
            {loaded(asset_editor(id, room, tag), move |editor| view! { <IslandScripts bundle=Bundle::Forms/> <AssetEditorForm lang editor/> })}
        </Frame>
    }
}
