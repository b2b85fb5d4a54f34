//! `/manage`: the register's management screens (asset manager and admin).

pub mod assets;
pub mod buildings;
pub mod rooms;
pub mod users;

use crate::components::frame::{error_notice, Frame};
use crate::error::AppError;
use crate::i18n::Msg;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn ManageHome() -> impl IntoView {
    let s = use_session();
    let role = s.user.as_ref().map(|u| u.role);
    let body = match role {
        None => error_notice(AppError::Unauthorized),
        Some(r) if !r.manages_register() => error_notice(AppError::Forbidden),
        Some(r) => view! {
            <h1>{s.t(Msg::Manage)}</h1>
            <ul class="tiles">
                <li><a href="/manage/buildings">{s.t(Msg::Buildings)}</a></li>
                <li><a href="/manage/rooms">{s.t(Msg::Rooms)}</a></li>
                <li><a href="/manage/assets">{s.t(Msg::Assets)}</a></li>
                {r.manages_users().then(|| view! { <li><a href="/manage/users">{s.t(Msg::Users)}</a></li> })}
            </ul>
        }
        .into_any(),
    };
    view! { <Frame>{body}</Frame> }
}

/// "Previous / Next" links for a paged list at `base` (which already carries `?q=…`).
pub fn pager(base: String, offset: i64, limit: i64, total: i64) -> impl IntoView {
    let s = use_session();
    let prev = (offset > 0).then(|| {
        let href = format!("{base}&offset={}", (offset - limit).max(0));
        view! { <a class="button secondary" href=href>{s.t(Msg::Previous)}</a> }
    });
    let next = (offset + limit < total).then(|| {
        let href = format!("{base}&offset={}", offset + limit);
        view! { <a class="button secondary" href=href>{s.t(Msg::Next)}</a> }
    });
    view! { <p class="pager">{prev}" "<span class="muted">{total}</span>" "{next}</p> }
}

/// The search box above a management list.
pub fn list_search(action: &'static str, q: String) -> impl IntoView {
    let s = use_session();
    view! {
        <form class="search inline" method="get" action=action>
            <input type="search" name="q" value=q aria-label=s.t(Msg::Search)/>
            <button type="submit">{s.t(Msg::Search)}</button>
        </form>
    }
}
