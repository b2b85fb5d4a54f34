//! `/manage/ledgers`: the ledgers (台账) of a month or a week — the repair ledger, the hazard
//! ledger, each checklist's inspection record (the monthly fire-equipment record among them) —
//! each as XLSX or CSV, with what is still open in it and its closing (周周清、月月清); the
//! register, and the period's supplies ledger.

use crate::components::fields::minute;
use crate::components::frame::Frame;
use crate::i18n::{Lang, Msg};
use crate::ledgers::closing::{ClosingDesk, LedgerState, OpenItem};
use crate::pages::{encode_query, loaded, query};
use crate::server_fns::ledgers::{ledger_desk, LedgerDeskData};
use crate::session::use_session;
use leptos::prelude::*;

/// The export path (with its query) of a closable ledger.
fn export_path(ledger: &str, period: &str) -> String {
    match ledger.strip_prefix("inspections:") {
        Some(key) => format!(
            "inspections?checklist={}&period={period}",
            encode_query(key)
        ),
        None => format!("{ledger}?period={period}"),
    }
}

/// Open items grouped under their headings, in the order they come.
fn open_list(lang: Lang, items: &[OpenItem]) -> impl IntoView + use<> {
    let mut groups: Vec<(Msg, Vec<String>)> = Vec::new();
    for item in items {
        let line = item.describe(lang);
        match groups.iter_mut().find(|(h, _)| *h == item.heading()) {
            Some((_, lines)) => lines.push(line),
            None => groups.push((item.heading(), vec![line])),
        }
    }
    groups
        .into_iter()
        .map(|(heading, lines)| {
            let count = lines.len();
            let lines = lines
                .into_iter()
                .map(|l| view! { <li>{l}</li> })
                .collect_view();
            view! {
                <details class="open-items" open=count <= 5>
                    <summary>{lang.t(heading)}" "<span class="count">{count}</span></summary>
                    <ul>{lines}</ul>
                </details>
            }
        })
        .collect_view()
}

/// One closable ledger: its downloads, whether it is closed, what is open, and the forms.
fn ledger_card(lang: Lang, desk: &ClosingDesk, l: LedgerState, may_export: bool) -> impl IntoView {
    let period = desk.period.clone();
    let path = export_path(&l.ledger, &encode_query(&period));
    let downloads = may_export.then(|| {
        let link = |format: &'static str| {
            let href = format!("/api/v1/exports/{path}&format={format}");
            view! { <a class="button secondary" href=href download>{format.to_uppercase()}</a> }
        };
        view! { <span class="downloads">{link("xlsx")}" "{link("csv")}</span> }
    });
    let reopened = l
        .reopened
        .iter()
        .filter_map(|c| c.reopened.as_ref())
        .map(|r| {
            let line = lang
                .t(Msg::ReopenedBy)
                .replace("{by}", &r.by.name)
                .replace("{at}", &minute(&r.at))
                .replace("{reason}", &r.reason);
            view! { <p class="muted">{line}</p> }
        })
        .collect_view();
    let state = match &l.closing {
        Some(c) => {
            let line = lang
                .t(Msg::ClosedBy)
                .replace("{by}", &c.closed_by.name)
                .replace("{at}", &minute(&c.closed_at));
            let reopen = desk.may_reopen.then(|| {
                view! {
                    <form method="post" action="/sf/reopen_ledger" class="form inline reopen-form">
                        <input type="hidden" name="id" value=c.id.to_string()/>
                        <input type="hidden" name="period" value=period.clone()/>
                        <input type="text" name="reason" required maxlength="500" placeholder=lang.t(Msg::ReopenReason)/>
                        <button type="submit" class="secondary">{lang.t(Msg::ReopenPeriod)}</button>
                    </form>
                }
            });
            let open = (!c.open_items.is_empty()).then(|| {
                view! { <p class="muted">{lang.t(Msg::OpenAtClosing)}</p>{open_list(lang, &c.open_items)} }
            });
            view! {
                <p><span class="status status-closed">{line}</span></p>
                <p class="muted hash">"SHA-256 "{c.sha256.clone()}</p>
                {open}
                {reopen}
            }
            .into_any()
        }
        None => {
            let open = if l.open_items.is_empty() {
                view! { <p class="muted">{lang.t(Msg::NothingOpen)}</p> }.into_any()
            } else {
                open_list(lang, &l.open_items).into_any()
            };
            let close = l.may_close.then(|| {
                view! {
                    <form method="post" action="/sf/close_ledger" class="close-form">
                        <input type="hidden" name="ledger" value=l.ledger.clone()/>
                        <input type="hidden" name="period" value=period.clone()/>
                        <button type="submit">{lang.t(Msg::ClosePeriod)}</button>
                    </form>
                }
            });
            view! {
                <p><span class="status">{lang.t(Msg::NotClosed)}</span></p>
                {open}
                {close}
            }
            .into_any()
        }
    };
    view! {
        <li class="ledger" data-ledger=l.ledger.clone()>
            <p class="ledger-head"><strong>{l.title.clone()}</strong>{downloads}</p>
            {state}
            {reopened}
        </li>
    }
}

fn desk_view(lang: Lang, data: LedgerDeskData) -> impl IntoView {
    let LedgerDeskData { desk, may_export } = data;
    let (month, week) = if desk.period.contains('W') {
        (String::new(), desk.period.clone())
    } else {
        (desk.period.clone(), String::new())
    };
    let cards = desk
        .ledgers
        .clone()
        .into_iter()
        .map(|l| ledger_card(lang, &desk, l, may_export))
        .collect_view();
    let register = may_export.then(|| {
        let supplies = format!("supplies?period={}&", encode_query(&desk.period));
        view! {
            <h2>{lang.t(Msg::ExportRegister)}</h2>
            <ul class="list ledgers">
                {download_row(lang.t(Msg::LedgerRegister), "register?")}
                {download_row(lang.t(Msg::LedgerSupplies), &supplies)}
            </ul>
        }
    });
    view! {
        <form class="form inline period-form" method="get" action="/manage/ledgers">
            <label class="field"><span>{lang.t(Msg::LedgerMonth)}</span><input type="month" name="period" value=month/></label>
            <button type="submit" class="secondary">{lang.t(Msg::ShowPeriod)}</button>
        </form>
        <form class="form inline period-form" method="get" action="/manage/ledgers">
            <label class="field"><span>{lang.t(Msg::LedgerWeek)}</span><input type="week" name="period" value=week/></label>
            <button type="submit" class="secondary">{lang.t(Msg::ShowPeriod)}</button>
        </form>
        <h2>{desk.period.clone()}<span class="muted">" "{desk.first.clone()}" – "{desk.last.clone()}</span></h2>
        <p class="muted">{lang.t(Msg::CloseIntro)}</p>
        <ul class="list ledgers">{cards}</ul>
        {register}
    }
}

/// A ledger that is not closed by period, as XLSX and CSV: `query` is its export path with
/// the start of its query (`register?`).
fn download_row(title: &'static str, query: &str) -> impl IntoView {
    let href = |format: &str| format!("/api/v1/exports/{query}format={format}");
    view! {
        <li class="ledger">
            <p class="ledger-head"><strong>{title}</strong>
            <span class="downloads">
                <a class="button secondary" href=href("xlsx") download>"XLSX"</a>" "
                <a class="button secondary" href=href("csv") download>"CSV"</a>
            </span></p>
        </li>
    }
}

#[component]
pub fn LedgersPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let period = Some(query("period")).filter(|p| !p.is_empty());
    view! {
        <Frame>
            <h1>{s.t(Msg::Ledgers)}</h1>
            <p class="muted">{lang.t(Msg::LedgersIntro)}</p>
            {loaded(ledger_desk(period), move |desk| desk_view(lang, desk))}
        </Frame>
    }
}
