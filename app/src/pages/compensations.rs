//! `/compensations`: a semester's cases by class, with the notice, payment and waiving;
//! `/compensations/new?report=…`: open a case from a damage report.

use super::{loaded, query};
use crate::components::compensation::{CaseForm, PayForm, WaiveForm};
use crate::components::frame::{Bundle, Frame, IslandScripts};
use crate::i18n::{Lang, Msg};
use crate::inspections::compensation::{CaseStatus, Compensation};
use crate::server_fns::compensations::{case_report, compensation_desk, CaseBook};
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn NewCasePage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let report = query("report");
    view! {
        <Frame>
            <h1>{s.t(Msg::OpenCase)}</h1>
            {loaded(case_report(report.clone()), move |r| view! {
                <p class="card">{r.asset.map(|a| a.name).or(r.room.map(|r| r.name)).unwrap_or_default()}"："{r.description}</p>
                <IslandScripts bundle=Bundle::Forms/>
                <CaseForm lang report=r.id.to_string()/>
            })}
        </Frame>
    }
}

#[component]
pub fn CompensationsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::Compensation)}</h1>
            {loaded(compensation_desk(query("semester")), move |desk| desk_view(lang, desk))}
        </Frame>
    }
}

fn desk_view(lang: Lang, desk: CaseBook) -> impl IntoView {
    let semester = desk.semester.clone();
    let export = format!("/api/v1/compensations/export?semester={semester}");
    let cases = if desk.cases.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoCases)}</p> }.into_any()
    } else {
        desk.cases
            .into_iter()
            .map(|c| case_card(lang, c, desk.can_waive))
            .collect_view()
            .into_any()
    };
    view! {
        <p class="muted">{lang.t(Msg::Semester)}"："{semester}</p>
        <p class="actions">
            <a class="button secondary" href=format!("{export}&format=xlsx")>{lang.t(Msg::ExportXlsx)}</a>
            <a class="button secondary" href=export.clone()>{lang.t(Msg::ExportCsv)}</a>
            <a class="button secondary" href=format!("{export}&open=1")>{lang.t(Msg::ExportOpen)}</a>
        </p>
        <IslandScripts bundle=Bundle::Forms/>
        <div class="cases">{cases}</div>
    }
}

fn case_card(lang: Lang, c: Compensation, can_waive: bool) -> impl IntoView {
    let status = match c.status {
        CaseStatus::Open => Msg::CaseOpen,
        CaseStatus::Paid => Msg::CasePaid,
        CaseStatus::Waived => Msg::CaseWaived,
    };
    let party = match &c.party_class {
        Some(class) => format!("{}（{}）", c.party_name, class),
        None => c.party_name.clone(),
    };
    let id = c.id.to_string();
    let today = c.created_at.get(..10).unwrap_or_default().to_string();
    let open = c.status == CaseStatus::Open;
    let settled = match c.status {
        CaseStatus::Paid => Some(format!(
            "{} {} · {} {} · {} {}",
            lang.t(Msg::PaidOn),
            c.paid_on.clone().unwrap_or_default(),
            lang.t(Msg::ReceiptNo),
            c.receipt_no.clone().unwrap_or_default(),
            lang.t(Msg::ReceivedBy),
            c.received_by.clone().unwrap_or_default()
        )),
        CaseStatus::Waived => Some(format!(
            "{}：{}",
            lang.t(Msg::WaiveReason),
            c.waive_reason.clone().unwrap_or_default()
        )),
        CaseStatus::Open => None,
    };
    view! {
        <article class="card case" id=format!("case-{id}")>
            <p class="eyebrow">{party}" "<span class=format!("status status-case-{}", c.status.code())>{lang.t(status)}</span></p>
            <p><strong>{c.amount().to_string()}</strong>" · "{c.asset.map(|a| a.name).unwrap_or_default()}" · "{c.damage}</p>
            {settled.map(|t| view! { <p class="muted">{t}</p> })}
            <p><a href=format!("/api/v1/compensations/{id}/notice")>{lang.t(Msg::Notice)}</a></p>
            {open.then(|| view! { <details><summary>{lang.t(Msg::MarkPaid)}</summary><PayForm lang id=id.clone() today/></details> })}
            {(open && can_waive).then(|| view! { <details><summary>{lang.t(Msg::Waive)}</summary><WaiveForm lang id=id.clone()/></details> })}
        </article>
    }
}
