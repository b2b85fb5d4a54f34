//! Inspections, damage reports and checklists from request to store: who may, what the
//! request must hold, and what applies to which record. The API and the pages both call this.

pub mod checklists;
pub mod store;

use crate::domain::{Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::inspections::requests::{
    subject, DamageRequest, InspectionRequest, StepRequest, TemplateRequest,
};
use crate::inspections::{evaluate, DamageReport, Fit, Inspection, Subject, Template};
use crate::model::{Paging, User};
use crate::ssr::inspections::store::{DamageDraft, InspectionRecord, ReportScope};
use crate::ssr::state::AppState;
use crate::ssr::store::Store;
use crate::ssr::visitor::Visitor;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// How many reports the reports page lists.
pub const REPORT_LIST_LIMIT: i64 = 200;

/// A client-made id must be a UUIDv7 (time-ordered), as the offline queue makes them.
fn client_id(id: Option<Uuid>) -> Result<Uuid, Invalid> {
    match id {
        None => Ok(Uuid::now_v7()),
        Some(id) if id.get_version_num() == 7 => Ok(id),
        Some(_) => Err(Invalid::new(Field::Body, Problem::Malformed)),
    }
}

/// The checklists that apply to an asset (by category) or a room (by kind).
pub async fn applicable(school: &dyn Store, subject: Subject) -> AppResult<Vec<Template>> {
    let all = school.current_templates().await?;
    let fit = match subject {
        Subject::Asset(id) => {
            let asset = school.get_asset(id).await?.ok_or(AppError::NotFound)?;
            Fit::Category(asset.category)
        }
        Subject::Room(id) => {
            let room = school.get_room(id).await?.ok_or(AppError::NotFound)?;
            Fit::RoomKind(room.kind)
        }
    };
    Ok(all.into_iter().filter(|t| fit.admits(t)).collect())
}

/// A subject's newest inspections; not found unless the subject is of the asker's school.
pub async fn inspections_of(
    state: &AppState,
    v: &Visitor,
    subject: Subject,
    paging: Paging,
) -> AppResult<Vec<Inspection>> {
    v.signed_in()?;
    let school = state.school(v)?;
    let known = match subject {
        Subject::Asset(id) => school.get_asset(id).await?.is_some(),
        Subject::Room(id) => school.get_room(id).await?.is_some(),
    };
    if !known {
        return Err(AppError::NotFound);
    }
    school.inspections_of(subject, paging).await
}

pub async fn inspect(
    state: &AppState,
    v: &Visitor,
    req: InspectionRequest,
) -> AppResult<Inspection> {
    v.require(|r| r.inspects())?;
    let id = client_id(req.id)?;
    let subject = subject(req.asset_id, req.room_id)?;
    let school = state.school(v)?;
    let template = school
        .template(req.template_id)
        .await?
        .ok_or_else(|| Invalid::new(Field::Template, Problem::UnknownChoice))?;
    let applies = applicable(school.as_ref(), subject).await?;
    if !applies.iter().any(|t| t.key == template.key) {
        return Err(Invalid::new(Field::Template, Problem::UnknownChoice).into());
    }
    let record = inspection_record(id, subject, &req, template)?;
    school.record_inspection(v.actor(), record).await
}

/// The request's answers checked against `template`, with its notes and time.
pub(crate) fn inspection_record(
    id: Uuid,
    subject: Subject,
    req: &InspectionRequest,
    template: Template,
) -> AppResult<InspectionRecord> {
    let answers = evaluate(&template.items, &req.answers)?;
    let notes = crate::domain::optional_text(Field::Notes, &req.notes, 1000)?;
    let inspected_at = match req.inspected_at.as_deref().map(str::trim) {
        None | Some("") => Utc::now(),
        Some(t) => DateTime::parse_from_rfc3339(t)
            .map_err(|_| Invalid::new(Field::PurchaseDate, Problem::BadDate))?
            .with_timezone(&Utc),
    };
    Ok(InspectionRecord {
        id,
        template,
        subject,
        inspected_at,
        answers,
        notes,
    })
}

/// A damage report's id, subject and words, checked.
pub(crate) fn damage_draft(req: &DamageRequest) -> AppResult<DamageDraft> {
    let id = client_id(req.id)?;
    let subject = subject(req.asset_id, req.room_id)?;
    let texts = req.texts()?;
    Ok(DamageDraft {
        id,
        subject,
        happened_at: texts.happened_at,
        description: texts.description,
        cause: texts.cause,
        liable: texts.liable,
        photos: req.photos.clone(),
    })
}

pub async fn report(state: &AppState, v: &Visitor, req: DamageRequest) -> AppResult<DamageReport> {
    v.signed_in()?;
    let draft = damage_draft(&req)?;
    state.school(v)?.report_damage(v.actor(), draft).await
}

/// A teacher follows the reports they made; the others follow every report.
pub(crate) fn may_follow(user: &User, report: &DamageReport) -> bool {
    user.role.inspects() || report.reporter.id == user.id
}

fn may_see(v: &Visitor, report: &DamageReport) -> bool {
    v.user.as_ref().is_some_and(|u| may_follow(u, report))
}

pub async fn one_report(state: &AppState, v: &Visitor, id: Uuid) -> AppResult<DamageReport> {
    v.signed_in()?;
    let report = state
        .school(v)?
        .damage_report(id)
        .await?
        .ok_or(AppError::NotFound)?;
    if may_see(v, &report) {
        Ok(report)
    } else {
        Err(AppError::NotFound)
    }
}

/// `mine` (reported by me), `assigned` (open and assigned to me), or, not for teachers, `all`,
/// `open` (neither closed nor rejected) or `hazards` (not put right yet).
pub async fn reports(
    state: &AppState,
    v: &Visitor,
    scope: &str,
    paging: Paging,
) -> AppResult<Vec<DamageReport>> {
    let user = v.signed_in()?;
    let scope = match scope {
        "" | "mine" => ReportScope::ReportedBy(user.id),
        "assigned" => ReportScope::AssignedTo(user.id),
        "all" | "open" | "hazards" if !user.role.inspects() => return Err(AppError::Forbidden),
        "all" => ReportScope::All,
        "open" => ReportScope::Open,
        "hazards" => ReportScope::Hazards,
        _ => return Err(Invalid::new(Field::Query, Problem::UnknownChoice).into()),
    };
    state.school(v)?.damage_reports(scope, paging).await
}

pub async fn step(
    state: &AppState,
    v: &Visitor,
    id: Uuid,
    req: StepRequest,
) -> AppResult<DamageReport> {
    v.require(|r| r.inspects())?;
    let step = req.parse()?;
    state
        .school(v)?
        .move_damage_report(v.actor(), id, step)
        .await
}

pub async fn save_template(
    state: &AppState,
    v: &Visitor,
    req: TemplateRequest,
) -> AppResult<Template> {
    v.require(|r| r.manages_users())?;
    let school = state.school(v)?;
    let (name, room_kinds) = req.check()?;
    let key = match &req.key {
        Some(key) => {
            let known = school.current_templates().await?;
            if !known.iter().any(|t| &t.key == key) {
                return Err(AppError::NotFound);
            }
            key.clone()
        }
        None => format!("custom_{}", Uuid::now_v7().simple()),
    };
    let template = Template {
        id: Uuid::nil(),
        key,
        version: 0,
        name,
        categories: req
            .categories
            .iter()
            .map(|c| c.trim().to_string())
            .collect(),
        room_kinds,
        items: req.items,
    };
    school.save_template(v.actor(), template).await
}
