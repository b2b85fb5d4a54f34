//! `/stocktakes/:id/count`: counting rooms on a phone. The server renders the room picker, the
//! counts, the capture field and every sentence; `public/offline/count.js` keeps the frozen
//! list on the phone, classifies each scan at once and syncs the queue, and loads the camera
//! scanner (`public/scan/`) only when asked.

use super::{loaded, param};
use crate::components::frame::Frame;
use crate::components::script_text::{script_text, SCANNER};
use crate::i18n::{Lang, Msg};
use crate::server_fns::stocktakes::stocktake_view;
use crate::session::use_session;
use crate::stocktake::{Stocktake, StocktakeStatus};
use leptos::prelude::*;

/// The six counts, each filled in by the script (`data-n`).
fn tally_list(lang: Lang, scope: &'static str, title: Msg) -> impl IntoView {
    let item = move |key: &'static str, msg: Msg| {
        view! { <div class="item"><dt>{lang.t(msg)}</dt><dd data-n=key>"0"</dd></div> }
    };
    // The room's counts show once a room is picked.
    let hidden = scope == "room";
    view! {
        <div class="count-tally" data-tally=scope hidden=hidden>
            <h2>{lang.t(title)}</h2>
            <dl class="fields">
            {item("expected", Msg::ExpectedColumn)}
            {item("counted", Msg::CountedColumn)}
            {item("misplaced", Msg::MisplacedColumn)}
            {item("surplus", Msg::SurplusColumn)}
            {item("missing", Msg::MissingColumn)}
            {item("miscounted", Msg::MiscountedColumn)}
            </dl>
        </div>
    }
}

/// What the counting script says besides the scanner.
const COUNT_TEXT: &[(&str, Msg)] = &[
    ("found", Msg::CountedColumn),
    ("misplaced", Msg::MisplacedColumn),
    ("surplus", Msg::SurplusColumn),
    ("outOfScope", Msg::ClassOutOfScope),
    ("repeat", Msg::ClassRepeat),
    ("unlisted", Msg::ClassUnlisted),
    ("registeredIn", Msg::RegisteredIn),
    ("roomPicked", Msg::RoomPicked),
    ("pickRoomFirst", Msg::PickRoomFirst),
    ("notATag", Msg::NotATagCode),
    ("undo", Msg::Undo),
    ("damaged", Msg::MarkDamaged),
    ("notSynced", Msg::NotSynced),
    ("refused", Msg::SyncRefused),
    ("offline", Msg::OfflineNow),
    ("syncing", Msg::Syncing),
    ("failed", Msg::SyncFailed),
    ("signIn", Msg::SignInAgain),
    ("handedIn", Msg::HandedIn),
    ("kept", Msg::ListKept),
    ("keptTyping", Msg::ListKeptTyping),
    ("noList", Msg::NoListOnPhone),
    ("howMany", Msg::HowManyCounted),
    ("bookQuantity", Msg::BookQuantityColumn),
    ("countBounds", Msg::CountBounds),
];

fn counting(lang: Lang, user: String, st: Stocktake) -> AnyView {
    let id = st.head.id.to_string();
    let options = st
        .rooms
        .into_iter()
        .map(|r| {
            view! {
                <option value=r.room_id.to_string() data-tag=r.tag.unwrap_or_default()>
                    {r.label()}
                </option>
            }
        })
        .collect_view();
    view! {
        <section id="count" class="count" data-stocktake=id data-user=user>
            <label class="count-room">
                <span>{lang.t(Msg::PickRoom)}</span>
                <select data-room="">
                    <option value="">"—"</option>
                    {options}
                </select>
            </label>
            {tally_list(lang, "room", Msg::ThisRoom)}
            <div class="scanner" data-scanner-host=""></div>
            <p class="notice" data-camera-note="" hidden=""></p>
            <p class="actions"><button type="button" data-scan-start="">{lang.t(Msg::ScanWithCamera)}</button></p>
            <form class="search inline" data-capture="" novalidate="">
                <input type="url" name="code" lang="en" inputmode="url" autocomplete="off" autocapitalize="off"
                    spellcheck="false" enterkeyhint="done" placeholder=lang.t(Msg::CaptureCode)
                    aria-label=lang.t(Msg::CaptureCode)/>
                <button type="submit">{lang.t(Msg::CountIt)}</button>
            </form>
            // A batch record (one tag, a quantity) scanned: how many are here.
            <form class="card batch-count" data-batch="" hidden="" novalidate="">
                <p data-batch-what=""></p>
                <label class="field">
                    <span>{lang.t(Msg::HowManyCounted)}</span>
                    <input type="number" name="counted" min="1" max="100000" step="1" inputmode="numeric"
                        enterkeyhint="done" required=""/>
                </label>
                <button type="submit">{lang.t(Msg::CountIt)}</button>
            </form>
            <p class="sync-status" data-count-status="" role="status"></p>
            <ol class="plain count-scans" data-scans=""></ol>
            {tally_list(lang, "all", Msg::WholeStocktake)}
            <section class="card sync-bar">
                <p class="sync-line">
                    <span>{lang.t(Msg::PendingCount)}" "<strong data-pending="">"0"</strong></span>
                    <span>{lang.t(Msg::LastSync)}" "<span data-last-sync="">{lang.t(Msg::NeverSynced)}</span></span>
                </p>
                <p class="muted" data-offline-state=""></p>
                <p class="sync-status" data-sync-state="" role="status"></p>
                <button type="button" class="secondary" data-sync-now="">{lang.t(Msg::SyncNow)}</button>
                <p class="muted">{lang.t(Msg::HandInHint)}</p>
                <button type="button" class="secondary" data-hand-in="">{lang.t(Msg::HandIn)}</button>
            </section>
        </section>
        {script_text("count-text", lang, &[COUNT_TEXT, SCANNER])}
        <script type="module" src="/offline/count.js"></script>
    }
    .into_any()
}

#[component]
pub fn StocktakeCountPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let user = s
        .user
        .as_ref()
        .map(|u| u.id.to_string())
        .unwrap_or_default();
    let render = move |st: Stocktake| {
        let head = view! {
            <p class="eyebrow">
                <a href=format!("/stocktakes/{}", st.head.id)>{st.head.name.clone()}</a>
            </p>
            <h1>{lang.t(Msg::CountRoomTitle)}</h1>
        };
        let body = if st.head.status == StocktakeStatus::Counting {
            counting(lang, user, st)
        } else {
            view! { <p class="notice">{lang.t(Msg::CountingClosed)}</p> }.into_any()
        };
        view! { {head}{body} }
    };
    view! { <Frame>{loaded(stocktake_view(param("id")), render)}</Frame> }
}
