//! Rounds from schedules: which records each schedule's round holds today, where each stands
//! (done, open, due today, overdue) from its last inspection, and setting schedules up. The
//! API and the pages both call this.

pub mod calendar;
pub mod standing;
pub mod store;

use crate::dashboard::{Progress, ScheduleChecks};
use crate::domain::{Field, Invalid, Problem};
use crate::error::AppResult;
use crate::inspections::{Subject, Template};
use crate::rounds::{Round, RoundItem, Schedule, ScheduleRequest, Window};
use crate::ssr::clock::{school_date, school_midnight, school_time_at, school_today};
use crate::ssr::rounds::store::{RoundSubject, ScheduleDraft, ScopeGroup};
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use chrono::NaiveDate;
use std::sync::Arc;
use uuid::Uuid;

/// Whose rounds: the visitor's own, or every schedule's (managers).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Whose {
    Mine,
    All,
}

fn applies(template: &Template, s: &RoundSubject) -> bool {
    match s.subject {
        Subject::Asset(_) => s
            .category
            .as_deref()
            .is_some_and(|c| template.applies_to_asset(c)),
        Subject::Room(_) => s.room_kind.is_some_and(|k| template.applies_to_room(k)),
    }
}

/// A schedule's window today and its checklist (the current version); `None` when it has no
/// round now or its checklist is gone.
fn window_of<'t>(
    schedule: &Schedule,
    templates: &'t [Template],
    today: NaiveDate,
) -> Option<(Window, &'t Template)> {
    let window = schedule.window(today)?;
    let template = templates.iter().find(|t| t.key == schedule.template_key)?;
    Some((window, template))
}

async fn round_of(
    school: &dyn Store,
    schedule: Schedule,
    templates: &[Template],
    today: NaiveDate,
) -> AppResult<Option<Round>> {
    let Some((window, template)) = window_of(&schedule, templates, today) else {
        return Ok(None);
    };
    let subjects = school.round_subjects(&schedule.scope).await?;
    let last = school.last_inspections(&template.key).await?;
    let mut items: Vec<RoundItem> = subjects
        .into_iter()
        .filter(|s| applies(template, s))
        .map(|s| {
            let last_at = last.get(&s.subject).copied();
            let state = window.state(today, last_at.map(school_date));
            RoundItem {
                schedule_id: schedule.id,
                template_id: template.id,
                template_name: template.name.clone(),
                subject: s.subject,
                name: s.name,
                asset_code: s.asset_code,
                tag: s.tag,
                building: s.building,
                room: s.room,
                room_id: s.room_id,
                status: s.status,
                state,
                due: window.due.to_string(),
                last_inspected: last_at.map(school_time_at),
            }
        })
        .collect();
    items.sort_by(|a, b| {
        (&a.building, &a.room, &a.name, &a.asset_code).cmp(&(
            &b.building,
            &b.room,
            &b.name,
            &b.asset_code,
        ))
    });
    Ok(Some(Round {
        opens: window.opens.to_string(),
        due: window.due.to_string(),
        schedule,
        items,
    }))
}

/// A schedule's round counted in the database instead of listed: how many records it covers
/// and how many were inspected in its window; the rest stand where the window puts them.
async fn checks_of(
    school: &dyn Store,
    schedule: &Schedule,
    templates: &[Template],
    today: NaiveDate,
) -> AppResult<Option<ScheduleChecks>> {
    let Some((window, template)) = window_of(schedule, templates, today) else {
        return Ok(None);
    };
    let tallies = school
        .round_tally(
            &schedule.scope,
            &template.key,
            school_midnight(window.opens),
            window.closes.map(school_midnight),
        )
        .await?;
    let (total, done) = tallies
        .iter()
        .filter(|t| match &t.group {
            ScopeGroup::Category(c) => template.applies_to_asset(c),
            ScopeGroup::RoomKind(k) => template.applies_to_room(*k),
        })
        .fold((0, 0), |(total, done), t| (total + t.total, done + t.done));
    let progress = Progress::counted(total, done, window.state(today, None));
    Ok(Some(ScheduleChecks::new(
        schedule,
        window.due.to_string(),
        progress,
    )))
}

/// The schedules whose rounds the visitor asks for (theirs, or every one for a manager), with
/// the current checklists.
async fn asked(
    state: &AppState,
    v: &Visitor,
    whose: Whose,
) -> AppResult<(Arc<dyn Store>, Vec<Schedule>, Vec<Template>)> {
    let user = match whose {
        Whose::Mine => v.require(|r| r.inspects())?,
        Whose::All => v.require(|r| r.manages_register())?,
    };
    let school = state.school(v)?;
    let templates = school.current_templates().await?;
    let mut schedules = school.schedules(false).await?;
    if whose == Whose::Mine {
        schedules.retain(|s| s.assignee.includes(user.id, user.role));
    }
    Ok((school, schedules, templates))
}

/// Today's rounds: the visitor's (staff, asset manager, admin) or everyone's (asset manager,
/// admin). Schedules with no round now (outside their months) are left out.
pub async fn rounds(state: &AppState, v: &Visitor, whose: Whose) -> AppResult<Vec<Round>> {
    let today = school_today();
    let (school, schedules, templates) = asked(state, v, whose).await?;
    let mut out = Vec::new();
    for schedule in schedules {
        if let Some(round) = round_of(school.as_ref(), schedule, &templates, today).await? {
            out.push(round);
        }
    }
    Ok(out)
}

/// Today's rounds counted, one figure set per schedule (for the dashboard and the home page's
/// brief); who may ask for which as [`rounds`].
pub async fn checks(state: &AppState, v: &Visitor, whose: Whose) -> AppResult<Vec<ScheduleChecks>> {
    let today = school_today();
    let (school, schedules, templates) = asked(state, v, whose).await?;
    let mut out = Vec::new();
    for schedule in &schedules {
        if let Some(checks) = checks_of(school.as_ref(), schedule, &templates, today).await? {
            out.push(checks);
        }
    }
    Ok(out)
}

pub async fn schedules(state: &AppState, v: &Visitor) -> AppResult<Vec<Schedule>> {
    v.require(|r| r.manages_register())?;
    state.school(v)?.schedules(true).await
}

/// Checks a new schedule against the register: a current checklist, a scope within the
/// checklist's reach (every listed record one it applies to), someone who does rounds.
pub async fn save_schedule(
    state: &AppState,
    v: &Visitor,
    req: ScheduleRequest,
) -> AppResult<Schedule> {
    v.require(|r| r.manages_register())?;
    let school = state.school(v)?;
    let name = req.check()?;
    let templates = school.current_templates().await?;
    let template = templates
        .iter()
        .find(|t| t.key == req.template_key.trim())
        .ok_or_else(|| Invalid::new(Field::Template, Problem::UnknownChoice))?;
    let outside = || Invalid::new(Field::Scope, Problem::UnknownChoice);
    let scope = &req.scope;
    if !scope
        .categories
        .iter()
        .all(|c| template.applies_to_asset(c))
        || !scope
            .room_kinds
            .iter()
            .all(|k| template.applies_to_room(*k))
    {
        return Err(outside().into());
    }
    for id in &scope.assets {
        let asset = school.get_asset(*id).await?.ok_or_else(outside)?;
        if !template.applies_to_asset(&asset.category) {
            return Err(outside().into());
        }
    }
    for id in &scope.rooms {
        let room = school.get_room(*id).await?.ok_or_else(outside)?;
        if !template.applies_to_room(room.kind) {
            return Err(outside().into());
        }
    }
    let nobody = || Invalid::new(Field::Assignee, Problem::UnknownChoice);
    if let Some(id) = req.assignee_id {
        let user = school.get_user(id).await?.ok_or_else(nobody)?;
        if !user.active || !user.role.inspects() {
            return Err(nobody().into());
        }
    }
    if req.assignee_role.is_some_and(|r| !r.inspects()) {
        return Err(nobody().into());
    }
    let draft = ScheduleDraft {
        id: Uuid::now_v7(),
        name,
        template_key: template.key.clone(),
        scope: req.scope,
        cadence: req.cadence,
        assignee_id: req.assignee_id,
        assignee_role: req.assignee_role,
    };
    school.save_schedule(v.actor(), draft).await
}

pub async fn end_schedule(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<()> {
    v.require(|r| r.manages_register())?;
    state.school(v)?.end_schedule(v.actor(), id).await
}

/// How many conflicts the rounds page lists.
pub const CONFLICTS_ON_PAGE: i64 = 200;

/// The conflicts offline records brought, for a manager, newest first.
pub async fn conflicts(
    state: &AppState,
    v: &Visitor,
    open_only: bool,
    paging: crate::model::Paging,
) -> AppResult<Vec<crate::rounds::sync::SyncConflict>> {
    v.require(|r| r.manages_register())?;
    state.school(v)?.sync_conflicts(open_only, paging).await
}

pub async fn resolve_conflict(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<()> {
    v.require(|r| r.manages_register())?;
    state.school(v)?.resolve_conflict(v.actor(), id).await
}
