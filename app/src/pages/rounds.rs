//! `/rounds`: my rounds today, grouped by building and room, with a progress bar; the page and
//! its forms are what the phone keeps for working without signal. `/rounds/overview`: every
//! round's progress, what is overdue, and the conflicts offline records brought (managers).

use super::loaded;
use crate::components::frame::Frame;
use crate::components::round_forms::RoundForms;
use crate::i18n::{Lang, Msg};
use crate::rounds::sync::{RecordKind, SyncConflict};
use crate::rounds::{ItemState, Round, RoundItem};
use crate::server_fns::drills::drill_plan;
use crate::server_fns::rounds::{my_rounds, rounds_overview, Overview, RoundsDesk};
use crate::session::use_session;
use leptos::prelude::*;

/// A progress bar with "done / total".
pub fn progress(lang: Lang, done: usize, total: usize) -> impl IntoView {
    view! {
        <div class="progress-line">
            <progress class="progress" data-progress="" max=total.max(1) value=if total == 0 { 1 } else { done }
                aria-label=lang.t(Msg::ProgressDone)></progress>
            <span>{lang.t(Msg::ProgressDone)}" "<strong data-done="">{done}</strong>" / "<span data-total="">{total}</span></span>
        </div>
    }
}

fn item_row(lang: Lang, item: RoundItem) -> impl IntoView {
    let (kind, id) = (item.subject.kind(), item.subject.id());
    let title = match &item.asset_code {
        Some(code) => format!("{} · {code}", item.name),
        None => item.name.clone(),
    };
    let state = item.state.code();
    let last = match &item.last_inspected {
        Some(at) => format!(
            "{} {}",
            lang.t(Msg::LastInspected),
            at.get(..10).unwrap_or_default()
        ),
        None => lang.t(Msg::NeverInspected).to_string(),
    };
    let key = item.key();
    let tag = item.tag.clone().unwrap_or_default();
    let room_id = item.room_id.map(|r| r.to_string()).unwrap_or_default();
    let status = item.status.map(|s| s.code()).unwrap_or_default();
    let name = format!("{title}（{} {}）", item.building, item.room);
    view! {
        <li class=format!("round-item state-{state}") data-key=key data-schedule=item.schedule_id.to_string()
            data-template=item.template_id.to_string() data-kind=kind data-id=id.to_string()
            data-tag=tag data-room-id=room_id data-status=status data-name=name data-state=state>
            <div class="round-item-head">
                <a class="round-open" href=format!("/inspect/{kind}/{id}?template={}", item.template_id)>{title}</a>
                <span class=format!("badge badge-{state}") data-badge="">{lang.t(Msg::item_state(item.state))}</span>
            </div>
            <p class="muted">
                {item.template_name}" · "{lang.t(Msg::DueBy)}" "{item.due}" · "{last}" · "
                <a class="round-report" href=format!("/report/{kind}/{id}")>{lang.t(Msg::ReportDamage)}</a>
            </p>
        </li>
    }
}

/// A room's name and its items.
type RoomItems = (String, Vec<RoundItem>);

/// Items grouped by building, then room, in the order the rounds sorted them.
fn grouped(lang: Lang, rounds: Vec<Round>) -> impl IntoView {
    let mut items: Vec<RoundItem> = rounds.into_iter().flat_map(|r| r.items).collect();
    items.sort_by(|a, b| (&a.building, &a.room, &a.name).cmp(&(&b.building, &b.room, &b.name)));
    let mut buildings: Vec<(String, Vec<RoomItems>)> = Vec::new();
    for item in items {
        if buildings.last().is_none_or(|(b, _)| *b != item.building) {
            buildings.push((item.building.clone(), Vec::new()));
        }
        let Some((_, rooms)) = buildings.last_mut() else {
            continue;
        };
        if rooms.last().is_none_or(|(r, _)| *r != item.room) {
            rooms.push((item.room.clone(), Vec::new()));
        }
        if let Some((_, list)) = rooms.last_mut() {
            list.push(item);
        }
    }
    buildings
        .into_iter()
        .map(|(building, rooms)| {
            let rooms = rooms
                .into_iter()
                .map(|(room, list)| {
                    let rows = list.into_iter().map(|i| item_row(lang, i)).collect_view();
                    view! { <h3 class="round-room">{room}</h3><ul class="plain round-items">{rows}</ul> }
                })
                .collect_view();
            view! { <section class="round-building"><h2>{building}</h2>{rooms}</section> }
        })
        .collect_view()
}

fn sync_bar(lang: Lang, desk: &RoundsDesk) -> impl IntoView {
    view! {
        <section class="card sync-bar" id="sync-bar" data-user=desk.user.to_string() data-today=desk.today.clone()>
            <p class="sync-line">
                <span>{lang.t(Msg::PendingCount)}" "<strong data-pending="">"0"</strong></span>
                <span>{lang.t(Msg::LastSync)}" "<span data-last-sync="">{lang.t(Msg::NeverSynced)}</span></span>
            </p>
            <p class="muted" data-offline-state=""></p>
            <p class="sync-status" data-sync-status="" role="status"></p>
            <div class="sync-rejected" data-rejected=""></div>
            <button type="button" data-sync-now="">{lang.t(Msg::SyncNow)}</button>
        </section>
    }
}

fn rounds_view(lang: Lang, desk: RoundsDesk) -> AnyView {
    let total: usize = desk.rounds.iter().map(|r| r.items.len()).sum();
    let done: usize = desk.rounds.iter().map(Round::done).sum();
    let bar = sync_bar(lang, &desk);
    let summary = desk
        .rounds
        .iter()
        .map(|r| {
            view! {
                <li>
                    <strong>{r.schedule.name.clone()}</strong>
                    <span class="muted">" · "{lang.t(Msg::DueBy)}" "{r.due.clone()}" · "{r.done()}" / "{r.items.len()}</span>
                </li>
            }
        })
        .collect_view();
    let body = if total == 0 {
        view! { <p class="muted">{lang.t(Msg::NothingDue)}</p> }.into_any()
    } else {
        view! {
            {progress(lang, done, total)}
            <ul class="plain round-summary">{summary}</ul>
            <form class="search inline" data-open-code="">
                <input type="search" name="code" placeholder=lang.t(Msg::OpenByCode) aria-label=lang.t(Msg::OpenByCode)
                    autocomplete="off" enterkeyhint="go"/>
                <button type="submit">{lang.t(Msg::Open)}</button>
            </form>
            <div id="round-sheet" class="round-sheet" hidden=""></div>
            <div id="round-items">{grouped(lang, desk.rounds)}</div>
        }
        .into_any()
    };
    view! {
        <p class="muted">{lang.t(Msg::RoundsIntro)}</p>
        {bar}
        {body}
        <RoundForms lang templates=desk.templates today=desk.today/>
    }
    .into_any()
}

#[component]
pub fn RoundsPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::TodaysRounds)}</h1>
            {loaded(my_rounds(), move |desk| rounds_view(lang, desk))}
            {loaded(drill_plan(String::new()), move |plan| super::drills::drills_to_hold(lang, plan.drills))}
            <p class="actions"><a class="button secondary" href="/stocktakes">{s.t(Msg::StocktakesTitle)}</a></p>
        </Frame>
    }
}

fn conflict_card(lang: Lang, c: SyncConflict) -> impl IntoView {
    let kind = match c.record_kind {
        RecordKind::Inspection => Msg::RecordInspectionKind,
        RecordKind::DamageReport => Msg::RecordDamageKind,
        RecordKind::StocktakeScan => Msg::RecordScanKind,
    };
    let reasons = c
        .reasons
        .iter()
        .map(|r| view! { <li>{lang.t(Msg::conflict(*r))}</li> })
        .collect_view();
    view! {
        <article class="card conflict">
            <p class="eyebrow">{lang.t(kind)}" · "<a href=c.subject_url>{c.subject}</a></p>
            <ul class="conflict-reasons">{reasons}</ul>
            <p class="muted">{c.by.name}" · "{c.received_at.get(..16).unwrap_or_default().replace('T', " ")}</p>
            <form method="post" action="/sf/resolve_sync_conflict" class="step-form">
                <input type="hidden" name="id" value=c.id.to_string()/>
                <button type="submit" class="button secondary">{lang.t(Msg::MarkResolved)}</button>
            </form>
        </article>
    }
}

fn overview_view(lang: Lang, overview: Overview) -> AnyView {
    let rounds = overview
        .rounds
        .into_iter()
        .map(|r| {
            let assignee = match &r.schedule.assignee {
                crate::rounds::Assignee::Person { user } => user.name.clone(),
                crate::rounds::Assignee::Role { role } => lang.t(Msg::role(*role)).to_string(),
                crate::rounds::Assignee::Duty { user } => {
                    user.as_ref().map(|u| u.name.clone()).unwrap_or_default()
                }
            };
            let (done, total, overdue) = (r.done(), r.items.len(), r.overdue());
            let late = r
                .items
                .into_iter()
                .filter(|i| i.state == ItemState::Overdue)
                .take(30)
                .map(|i| {
                    let (kind, id) = (i.subject.kind(), i.subject.id());
                    view! {
                        <li><a href=format!("/{kind}s/{id}")>{i.name}</a>
                            <span class="muted">" · "{i.building}" "{i.room}</span></li>
                    }
                })
                .collect_view();
            view! {
                <article class="card round-card">
                    <h2>{r.schedule.name}</h2>
                    <p class="muted">{assignee}" · "{lang.t(Msg::DueBy)}" "{r.due}</p>
                    {progress(lang, done, total)}
                    {(overdue > 0).then(|| view! {
                        <p><span class="badge badge-overdue">{lang.t(Msg::StateOverdue)}" "{overdue}</span></p>
                        <ul class="list">{late}</ul>
                    })}
                </article>
            }
        })
        .collect_view();
    let conflicts = if overview.conflicts.is_empty() {
        view! { <p class="muted">{lang.t(Msg::NoConflicts)}</p> }.into_any()
    } else {
        overview
            .conflicts
            .into_iter()
            .map(|c| conflict_card(lang, c))
            .collect_view()
            .into_any()
    };
    view! {
        <p class="actions"><a class="button secondary" href="/manage/schedules">{lang.t(Msg::Schedules)}</a></p>
        <h2>{lang.t(Msg::SyncConflicts)}</h2>
        {conflicts}
        {rounds}
    }
    .into_any()
}

#[component]
pub fn OverviewPage() -> impl IntoView {
    let s = use_session();
    let lang = s.lang;
    view! {
        <Frame>
            <h1>{s.t(Msg::RoundProgress)}</h1>
            {loaded(rounds_overview(), move |o| overview_view(lang, o))}
        </Frame>
    }
}
