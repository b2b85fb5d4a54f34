//! `/manage/users`: the people who sign in (admin only); `/manage/users/:id` edits one.

use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::components::people_forms::UserEditorForm;
use crate::i18n::Msg;
use crate::model::User;
use crate::pages::{loaded, param, query};
use crate::server_fns::users::{user_editor, user_list};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn UserListPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    // The list only around the users: a refusal is a notice of its own, not an item.
    let render = move |users: Vec<User>| {
        let items = users
            .into_iter()
            .map(|u| {
                let state = if u.active { "" } else { lang.t(Msg::Inactive) };
                view! {
                    <li>
                        <a href=format!("/manage/users/{}", u.id)>{u.display_name}</a>
                        <span class="muted">" "{u.login}" · "{lang.t(Msg::role(u.role))}" "{state}</span>
                    </li>
                }
            })
            .collect_view();
        view! { <ul class="list">{items}</ul> }
    };
    view! {
        <Frame>
            <h1>{s.t(Msg::Users)}</h1>
            <p><a class="button" href="/manage/users/new">{s.t(Msg::NewUser)}</a></p>
            {loaded(user_list(), render)}
        </Frame>
    }
}

#[component]
pub fn UserEditPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let id = param("id");
    let title = if id == "new" {
        s.t(Msg::NewUser)
    } else {
        s.t(Msg::EditUser)
    };
    let ended = query("ended").parse::<u64>().ok().map(|n| {
        view! { <p class="saved" role="status">{s.t(Msg::SessionsEnded).replace("{n}", &n.to_string())}</p> }
    });
    let end_sessions = (id != "new").then(|| {
        view! {
            <form method="post" action="/auth/sessions/end" class="inline-form">
                <input type="hidden" name="user" value=id.clone()/>
                <button class="secondary" type="submit">{s.t(Msg::EndUserSessions)}</button>
            </form>
        }
    });
    view! {
        <Frame>
            <h1>{title}</h1>
            {ended}
            {loaded(user_editor(id), move |editor| view! { <IslandScripts bundle=Bundle::Forms/> <UserEditorForm lang editor/> })}
            {end_sessions}
        </Frame>
    }
}
