//! What a scan shows of a record's care: each checklist's last inspection and due state, the
//! open repairs (movable from here by staff), and the open compensation cases.

use super::fields::minute;
use super::report_card::report_card;
use crate::i18n::{Lang, Msg};
use crate::inspections::compensation::Compensation;
use crate::inspections::Subject;
use crate::rounds::standing::{RecordCheck, RepairNotice, Standing};
use crate::session::use_session;
use leptos::prelude::*;

/// The record's checks, repairs and cases; `back` is the page a step's form returns to.
#[component]
pub fn StandingCards(standing: Standing, subject: Subject, back: String) -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    let inspects = s.user.as_ref().is_some_and(|u| u.role.inspects());
    let open = standing.open_repairs();
    let Standing {
        checks,
        repairs,
        others,
        cases,
        today,
    } = standing;
    let checks = if checks.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoChecklist)}</p> }.into_any()
    } else {
        let rows = checks
            .into_iter()
            .map(|c| check_row(lang, c, subject, inspects))
            .collect_view();
        view! { <ul class="list checks">{rows}</ul> }.into_any()
    };
    let notices = (!others.is_empty()).then(|| {
        let rows = others
            .into_iter()
            .map(|n| notice_row(lang, n))
            .collect_view();
        view! {
            <p class="muted">{lang.t(Msg::AlreadyReported)}</p>
            <ul class="list">{rows}</ul>
        }
    });
    let cards = repairs
        .into_iter()
        .map(|r| report_card(lang, r, inspects, &today, back.clone()).into_any())
        .collect_view();
    let none = (open == 0).then(|| view! { <p class="muted">{lang.t(Msg::NoOpenRepairs)}</p> });
    view! {
        <section class="card standing">
            <h2>{lang.t(Msg::ChecksTitle)}</h2>
            {checks}
        </section>
        <section class="card standing">
            <h2>{format!("{} ({open})", lang.t(Msg::OpenRepairsTitle))}</h2>
            {none}
            {notices}
            <div class="reports">{cards}</div>
        </section>
        {cases.map(|cases| cases_card(lang, cases))}
    }
    .into_any()
}

/// One checklist: its due state badge, when it was last done and by whom, and for those who
/// inspect, a button that opens it.
fn check_row(lang: Lang, c: RecordCheck, subject: Subject, inspects: bool) -> impl IntoView {
    let state = c.round.as_ref().map(|r| r.state);
    let class = state.map_or("check".into(), |st| format!("check state-{}", st.code()));
    let badge = state.map(|st| {
        view! { <span class=format!("badge badge-{}", st.code())>{lang.t(Msg::item_state(st))}</span> }
    });
    let last = match &c.last {
        Some(l) => {
            let result = match l.failed_items {
                0 => lang.t(Msg::AnswerPass).to_string(),
                n => lang.t(Msg::FailedItemsCount).replace("{n}", &n.to_string()),
            };
            format!(
                "{} {} · {} · {result}",
                lang.t(Msg::LastInspected),
                minute(&l.inspected_at),
                l.inspector.name
            )
        }
        None => lang.t(Msg::NeverInspected).to_string(),
    };
    let round = match &c.round {
        Some(r) => format!("{} · {} {}", r.schedule, lang.t(Msg::DueBy), r.due),
        None => lang.t(Msg::NotScheduled).to_string(),
    };
    let pressing = state.is_some_and(|st| st != crate::rounds::ItemState::Done);
    let open = inspects.then(|| {
        let (kind, id) = (subject.kind(), subject.id());
        let href = format!("/inspect/{kind}/{id}?template={}", c.template_id);
        let class = if pressing {
            "button"
        } else {
            "button secondary"
        };
        view! { <a class=class href=href>{lang.t(Msg::InspectNow)}</a> }
    });
    view! {
        <li class=class>
            <div class="round-item-head"><strong>{c.template_name}</strong>{badge}</div>
            <p class="muted">{last}</p>
            <p class="muted">{round}</p>
            {open}
        </li>
    }
}

fn notice_row(lang: Lang, n: RepairNotice) -> impl IntoView {
    let on = n.on.map(|on| format!("{on} · "));
    view! {
        <li>
            {on}{n.description}" "
            <span class=format!("status status-{}", n.status.code())>{lang.t(Msg::damage_status(n.status))}</span>
            <span class="muted">" · "{lang.t(Msg::ReportedAt)}" "{minute(&n.reported_at)}</span>
        </li>
    }
}

fn cases_card(lang: Lang, cases: Vec<Compensation>) -> impl IntoView {
    let count = cases.len();
    let rows = cases
        .into_iter()
        .map(|c| {
            let party = match &c.party_class {
                Some(class) => format!("{}（{}）", c.party_name, class),
                None => c.party_name.clone(),
            };
            let href = format!("/compensations?semester={}#case-{}", c.semester, c.id);
            view! {
                <li>
                    <a href=href>{party}</a>
                    " "<strong>{c.amount().to_string()}</strong>
                    <span class="muted">" · "{c.damage}</span>
                </li>
            }
        })
        .collect_view();
    view! {
        <section class="card standing">
            <h2>{format!("{} ({count})", lang.t(Msg::OpenCasesTitle))}</h2>
            <ul class="list">{rows}</ul>
        </section>
    }
}
