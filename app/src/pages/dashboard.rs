//! `/dashboard` (看板, asset manager and admin): the week's and month's checks, open repairs,
//! hazards, compensation owed and ledgers not closed, as figures that link to their lists and
//! as bar charts drawn on the server.

use super::loaded;
use crate::components::chart::bar_chart;
use crate::components::frame::Frame;
use crate::dashboard::{links, Dashboard, Progress, ScheduleChecks, Span};
use crate::i18n::{Lang, Msg};
use crate::pages::rounds::progress;
use crate::server_fns::dashboard::dashboard_data;
use crate::session::use_session;
use leptos::prelude::*;

#[component]
pub fn DashboardPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::Dashboard)}</h1>
            <p class="muted">{s.t(Msg::DashboardIntro)}</p>
            {loaded(dashboard_data(), move |d| dashboard_view(lang, d))}
        </Frame>
    }
}

/// A figure that links to its list: the number big, what it counts under it, and a warning
/// line when some of it is late.
pub fn tile(
    href: String,
    figure: String,
    caption: &'static str,
    warning: Option<String>,
) -> impl IntoView {
    view! {
        <li>
            <a href=href class="figure-tile">
                <strong class="figure">{figure}</strong>
                <span>{caption}</span>
                {warning.map(|w| view! { <span class="badge badge-overdue">{w}</span> })}
            </a>
        </li>
    }
}

/// The month's purchasing against its budget (spent / budget), with the purchases waiting for
/// approval.
fn budget_tile(lang: Lang, s: &crate::purchases::Spending) -> impl IntoView {
    let yuan = |fen: i64| format!("¥{}", fen / 100);
    let figure = match s.budget {
        Some(b) => format!("{} / {}", yuan(s.month_spent_fen), yuan(b.monthly_fen)),
        None => yuan(s.month_spent_fen),
    };
    let mut warning = (s.waiting > 0).then(|| {
        lang.t(Msg::PurchasesWaiting)
            .replace("{n}", &s.waiting.to_string())
    });
    if s.over() {
        warning = Some(lang.t(Msg::OverBudget).to_string());
    }
    tile(
        links::BUDGET.into(),
        figure,
        lang.t(Msg::SpentThisMonth),
        warning,
    )
}

/// A tile of checks: done of all, and how many are overdue.
pub fn checks_tile(lang: Lang, caption: Msg, p: Progress) -> impl IntoView {
    let overdue = (p.overdue > 0).then(|| format!("{} {}", lang.t(Msg::StateOverdue), p.overdue));
    tile(
        links::ROUNDS.into(),
        format!("{}/{}", p.done, p.total()),
        lang.t(caption),
        overdue,
    )
}

fn schedule_row(lang: Lang, c: ScheduleChecks) -> impl IntoView {
    let span = match c.span {
        Span::Week => Msg::ChecksThisWeek,
        Span::Month => Msg::ChecksThisMonth,
    };
    let overdue = c.progress.overdue;
    view! {
        <li class="schedule-checks">
            <a href=links::ROUNDS>{c.name}</a>
            <span class="muted">" · "{lang.t(span)}" · "{lang.t(Msg::DueBy)}" "{c.due}</span>
            {progress(lang, c.progress.done, c.progress.total())}
            {(overdue > 0).then(|| view! {
                <span class="badge badge-overdue">{lang.t(Msg::StateOverdue)}" "{overdue}</span>
            })}
        </li>
    }
}

fn dashboard_view(lang: Lang, d: Dashboard) -> impl IntoView {
    let t = d.tickets;
    let hazards_late = (t.hazards_overdue > 0)
        .then(|| format!("{} {}", lang.t(Msg::HazardsOverdue), t.hazards_overdue));
    let owed = crate::domain::Fen::new(d.owed_fen)
        .map(|f| f.to_string())
        .unwrap_or_else(|_| d.owed_fen.to_string());
    let no_schedules = d
        .checks
        .schedules
        .is_empty()
        .then(|| view! { <p class="muted">{lang.t(Msg::NothingDue)}</p> });
    let schedules = d
        .checks
        .schedules
        .into_iter()
        .map(|c| schedule_row(lang, c))
        .collect_view();
    let unclosed_count = d.unclosed.len();
    let waiting = (d.supplies_waiting > 0).then(|| {
        lang.t(Msg::WaitingCount)
            .replace("{n}", &d.supplies_waiting.to_string())
    });
    let all_closed = d
        .unclosed
        .is_empty()
        .then(|| view! { <p class="muted">{lang.t(Msg::AllClosed)}</p> });
    let unclosed = d
        .unclosed
        .into_iter()
        .map(|u| {
            view! {
                <li data-ledger=u.ledger><a href=u.href>{u.title}</a>
                    <span class="muted">" · "{u.period}</span></li>
            }
        })
        .collect_view();
    view! {
        <p class="eyebrow">{d.today}</p>
        <ul class="tiles figures">
            {checks_tile(lang, Msg::ChecksThisWeek, d.checks.week)}
            {checks_tile(lang, Msg::ChecksThisMonth, d.checks.month)}
            {tile(links::OPEN_REPORTS.into(), t.open_repairs.to_string(), lang.t(Msg::OpenRepairs), None)}
            {tile(links::HAZARDS.into(), t.hazards_open.to_string(), lang.t(Msg::HazardsOpen), hazards_late)}
            {tile(links::COMPENSATIONS.into(), owed, lang.t(Msg::OwedTotal), None)}
            {tile("#unclosed".into(), unclosed_count.to_string(), lang.t(Msg::UnclosedLedgers), None)}
            {tile(links::LOW_SUPPLIES.into(), d.supplies_low.to_string(), lang.t(Msg::LowStock), waiting)}
            {budget_tile(lang, &d.purchasing)}
        </ul>
        <section class="card">
            <h2>{lang.t(Msg::ChecksBySchedule)}</h2>
            {no_schedules}
            <ul class="list">{schedules}</ul>
        </section>
        {bar_chart(lang, Msg::RepairsByAge, t.repairs_by_age)}
        {bar_chart(lang, Msg::RepairsByCategory, t.repairs_by_category)}
        {bar_chart(lang, Msg::ReportsByMonth, t.reports_by_month)}
        {bar_chart(lang, Msg::ReportsByCategory, t.reports_by_category)}
        {bar_chart(lang, Msg::OwedByClass, d.owed_by_class)}
        <section class="card" id="unclosed">
            <h2>{lang.t(Msg::UnclosedLedgers)}</h2>
            {all_closed}
            <ul class="list">{unclosed}</ul>
        </section>
    }
}
