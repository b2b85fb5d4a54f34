//! `/search?q=`: a tag code (typed, from a USB scanner, or a whole tag URL) opens its record at
//! once; words search room and asset names.

use super::{encode_query, loaded, query};
use crate::components::frame::Frame;
use crate::domain::TagCode;
use crate::i18n::Msg;
use crate::server_fns::pages::{search, SearchView};
use crate::session::{redirect_to, use_session};
use leptos::prelude::*;

#[component]
pub fn SearchPage() -> impl IntoView {
    let s = use_session();
    let q = query("q");
    let offset: i64 = query("offset").parse().unwrap_or(0);
    let code = TagCode::from_scan(&q).ok();
    let words = q.clone();
    let code_for_render = code.clone();
    let render = move |v: SearchView| {
        if let Some(code) = code_for_render
            .as_ref()
            .filter(|_| v.rooms.total + v.assets.total == 1)
        {
            redirect_to(&code.path());
        }
        let empty = (v.rooms.total + v.assets.total == 0)
            .then(|| view! { <p class="muted">{s.t(Msg::NoResults)}</p> });
        let rooms = v.rooms.items.into_iter().map(|r| view! {
            <li><a href=format!("/rooms/{}", r.id)>{r.name}</a><span class="muted">" "{r.building.name}</span></li>
        }).collect_view();
        let assets = v.assets.items.into_iter().map(|a| {
            let place = a.room.map(|r| r.name).unwrap_or_default();
            view! { <li><a href=format!("/assets/{}", a.id)>{a.name}</a><span class="muted">" "{a.asset_code}" · "{place}</span></li> }
        }).collect_view();
        let more = (v.assets.offset + v.assets.limit < v.assets.total).then(|| {
            let next = format!(
                "/search?q={}&offset={}",
                encode_query(&words),
                v.assets.offset + v.assets.limit
            );
            view! { <a class="button secondary" href=next>{s.t(Msg::Next)}</a> }
        });
        view! {
            <h1>{s.t(Msg::SearchResults)}</h1>
            {empty}
            <ul class="list">{rooms}</ul>
            <ul class="list">{assets}</ul>
            {more}
        }
    };
    let words = code.as_ref().map(|c| c.to_string()).unwrap_or(q);
    view! { <Frame>{loaded(search(words, offset), render)}</Frame> }
}
