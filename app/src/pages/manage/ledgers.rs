//! `/manage/ledgers`: the ledgers (台账) of a month or a week, each as XLSX or CSV — the repair
//! ledger, each checklist's inspection record (the monthly fire-equipment record among them) —
//! and the register.

use crate::components::frame::Frame;
use crate::i18n::{Lang, Msg};
use crate::pages::{encode_query, loaded, query};
use crate::server_fns::ledgers::{ledger_desk, LedgerDeskData};
use crate::session::use_session;
use leptos::prelude::*;

/// One ledger with its two downloads; `path` already carries its query.
fn ledger(title: String, path: String) -> impl IntoView {
    let link = move |format: &'static str| {
        let href = format!("/api/v1/exports/{path}&format={format}");
        view! { <a class="button secondary" href=href download>{format.to_uppercase()}</a> }
    };
    view! {
        <li class="ledger">
            <span>{title}</span>
            <span class="downloads">{link("xlsx")}" "{link("csv")}</span>
        </li>
    }
}

fn desk_view(lang: Lang, desk: LedgerDeskData) -> impl IntoView {
    let period = encode_query(&desk.period);
    let (month, week) = if desk.period.contains('W') {
        (String::new(), desk.period.clone())
    } else {
        (desk.period.clone(), String::new())
    };
    let records = desk
        .checklists
        .into_iter()
        .map(|c| {
            let title = format!("{}（{}）", lang.t(Msg::LedgerInspections), c.name);
            let path = format!(
                "inspections?checklist={}&period={period}",
                encode_query(&c.key)
            );
            ledger(title, path)
        })
        .collect_view();
    view! {
        <form class="form inline period-form" method="get" action="/manage/ledgers">
            <label class="field"><span>{lang.t(Msg::LedgerMonth)}</span><input type="month" name="period" value=month/></label>
            <button type="submit" class="secondary">{lang.t(Msg::ShowPeriod)}</button>
        </form>
        <form class="form inline period-form" method="get" action="/manage/ledgers">
            <label class="field"><span>{lang.t(Msg::LedgerWeek)}</span><input type="week" name="period" value=week/></label>
            <button type="submit" class="secondary">{lang.t(Msg::ShowPeriod)}</button>
        </form>
        <h2>{desk.period.clone()}<span class="muted">" "{desk.first}" – "{desk.last}</span></h2>
        <ul class="list ledgers">
            {ledger(lang.t(Msg::LedgerRepairs).to_string(), format!("repairs?period={period}"))}
            {records}
        </ul>
        <h2>{lang.t(Msg::ExportRegister)}</h2>
        <ul class="list ledgers">
            {ledger(lang.t(Msg::LedgerRegister).to_string(), "register?".to_string())}
        </ul>
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
