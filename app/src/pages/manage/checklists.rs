//! `/manage/checklists`: the checklists and their versions; `/manage/checklists/:key` (or
//! `new`): the admin edits one into a new version.

use crate::components::checklist_editor::ChecklistForm;
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::i18n::Msg;
use crate::pages::{loaded, param};
use crate::server_fns::checklists::{checklist_book, load_checklist};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ChecklistsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::Checklists)}</h1>
            {loaded(checklist_book(), move |(templates, can_edit)| {
                let rows = templates
                    .into_iter()
                    .map(|t| {
                        let applies = t
                            .categories
                            .iter()
                            .cloned()
                            .chain(t.room_kinds.iter().map(|k| lang.t(Msg::room_kind(*k)).to_string()))
                            .collect::<Vec<_>>()
                            .join("、");
                        let edit = can_edit.then(|| view! { " "<a href=format!("/manage/checklists/{}", t.key)>{lang.t(Msg::Edit)}</a> });
                        view! {
                            <li>
                                <strong>{t.name}</strong>
                                <span class="muted">" v"{t.version}" · "{applies}" · "{t.items.len()}</span>
                                {edit}
                            </li>
                        }
                    })
                    .collect_view();
                view! {
                    {can_edit.then(|| view! { <p><a class="button" href="/manage/checklists/new">{lang.t(Msg::NewChecklist)}</a></p> })}
                    <ul class="list">{rows}</ul>
                }
            })}
        </Frame>
    }
}

#[component]
pub fn ChecklistEditPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::EditChecklist)}</h1>
            {loaded(load_checklist(param("key")), move |draft| view! { <IslandScripts bundle=Bundle::Forms/> <ChecklistForm lang draft/> })}
        </Frame>
    }
}
