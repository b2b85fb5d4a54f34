//! `/manage`: the register's management screens (asset manager and admin).

pub mod assets;
pub mod buildings;
pub mod checklists;
pub mod import;
pub mod labels;
pub mod ledgers;
pub mod rooms;
pub mod schedules;
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
                <li><a href="/dashboard">{s.t(Msg::Dashboard)}</a></li>
                <li><a href="/manage/buildings">{s.t(Msg::Buildings)}</a></li>
                <li><a href="/manage/rooms">{s.t(Msg::Rooms)}</a></li>
                <li><a href="/manage/assets">{s.t(Msg::Assets)}</a></li>
                <li><a href="/manage/labels">{s.t(Msg::Labels)}</a></li>
                <li><a href="/manage/import">{s.t(Msg::ImportRegister)}</a></li>
                <li><a href="/manage/ledgers">{s.t(Msg::Ledgers)}</a></li>
                <li><a href="/compensations">{s.t(Msg::Compensation)}</a></li>
                <li><a href="/manage/checklists">{s.t(Msg::Checklists)}</a></li>
                <li><a href="/manage/schedules">{s.t(Msg::Schedules)}</a></li>
                <li><a href="/rounds/overview">{s.t(Msg::RoundProgress)}</a></li>
                <li><a href="/stocktakes">{s.t(Msg::StocktakesTitle)}</a></li>
                {r.manages_users().then(|| view! { <li><a href="/manage/users">{s.t(Msg::Users)}</a></li> })}
            </ul>
        }
        .into_any(),
    };
    view! { <Frame>{body}</Frame> }
}

/// Where the shown page of a list sits.
pub struct Paging {
    offset: i64,
    limit: i64,
    total: i64,
}

impl<T> From<&crate::model::Page<T>> for Paging {
    fn from(p: &crate::model::Page<T>) -> Self {
        Paging {
            offset: p.offset,
            limit: p.limit,
            total: p.total,
        }
    }
}

/// A management list: title, "new" button, search box, the rows of the current page, paging.
/// `rows` picks the rows (and their paging) out of the search results.
pub fn managed_list<V: IntoView + 'static>(
    title: Msg,
    new_label: Msg,
    path: &'static str,
    rows: impl FnOnce(crate::server_fns::pages::SearchView, crate::i18n::Lang) -> (V, Paging)
        + Send
        + 'static,
) -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let q = crate::pages::query("q");
    let offset = crate::pages::query("offset").parse().unwrap_or(0);
    let base = format!("{path}?q={}", crate::pages::encode_query(&q));
    let render = move |found| {
        let (rows, paging) = rows(found, lang);
        view! {
            <ul class="list">{rows}</ul>
            {pager(base, paging)}
        }
    };
    view! {
        <Frame>
            <h1>{s.t(title)}</h1>
            <p><a class="button" href=format!("{path}/new")>{s.t(new_label)}</a></p>
            {list_search(path, q.clone())}
            {crate::pages::loaded(crate::server_fns::pages::search(q, offset), render)}
        </Frame>
    }
}

/// "Previous / Next" links for a paged list at `base` (which already carries `?q=…`).
pub fn pager(base: String, paging: Paging) -> impl IntoView {
    let Paging {
        offset,
        limit,
        total,
    } = paging;
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
