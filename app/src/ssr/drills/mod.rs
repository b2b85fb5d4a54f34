//! Drills and safety education (附件3 安全教育行事历): the calendar's drills of the current
//! semester are planned the first time anyone looks; the staff, the asset manager and the admin
//! record each drill held, and the problems it found open repairs; the asset manager and the
//! admin plan more. Everyone of the school sees them. REST and the pages both call this.

pub mod demo;
pub mod store;

use crate::drills::{
    calendar, plans_drills, runs_drills, sees_drills, semester as parse_semester, Drill,
    DrillInput, DrillRecord, NewDrill, RecordInput,
};
use crate::error::{AppError, AppResult};
use crate::inspections::compensation::semester_of;
use crate::ssr::clock::school_today;
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use chrono::Datelike;
use uuid::Uuid;

/// The semester today falls in (`2026-2027-1`) and this month (`2026-12`).
fn now() -> (String, String) {
    let today = school_today();
    (
        semester_of(today.year(), today.month()),
        today.format("%Y-%m").to_string(),
    )
}

/// Plans the current semester's calendar drills in `school` if they are not yet.
pub async fn plan_this_semester(school: &dyn Store) -> AppResult<String> {
    let (semester, _) = now();
    school
        .ensure_drills(&semester, calendar(parse_semester(&semester)?))
        .await?;
    Ok(semester)
}

/// The drills of `semester` (the current one when none) by month. Everyone of the school.
pub async fn drills(
    st: &AppState,
    v: &Visitor,
    semester: Option<&str>,
) -> AppResult<(String, Vec<Drill>)> {
    v.require(sees_drills)?;
    let school = st.school(v)?;
    let current = plan_this_semester(school.as_ref()).await?;
    let semester = match semester.map(str::trim) {
        None | Some("") => current,
        Some(raw) => {
            parse_semester(raw)?;
            raw.to_string()
        }
    };
    let drills = school.drills(&semester, &now().1).await?;
    Ok((semester, drills))
}

/// One drill. Everyone of the school.
pub async fn drill(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Drill> {
    v.require(sees_drills)?;
    st.school(v)?
        .drill(id, &now().1)
        .await?
        .ok_or(AppError::NotFound)
}

/// Plans a drill beyond the calendar's (the asset manager or the admin).
pub async fn plan(st: &AppState, v: &Visitor, input: &DrillInput) -> AppResult<Drill> {
    v.require(plans_drills)?;
    let new = NewDrill::parse(input)?;
    let id = Uuid::now_v7();
    st.school(v)?.plan_drill(v.actor(), id, new).await?;
    drill(st, v, id).await
}

/// Records a drill held (the staff, the asset manager or the admin): each problem that names an
/// asset or a room opens a repair, routed as any report is.
pub async fn record(st: &AppState, v: &Visitor, id: Uuid, input: &RecordInput) -> AppResult<Drill> {
    v.require(runs_drills)?;
    let record = DrillRecord::parse(input, &school_today().to_string())?;
    st.school(v)?.record_drill(v.actor(), id, record).await?;
    drill(st, v, id).await
}
