//! The inspect, report and reports pages' data, and the step buttons on the reports list.
//! Recording an inspection or a report is `POST /api/v1/inspections` / `damage-reports`
//! from the page's island (the same path the offline queue will take).

use super::Saved;
use crate::error::AppError;
use crate::inspections::{DamageReport, Subject, Template};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The record being inspected or reported on, and the checklists that apply.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SubjectDesk {
    pub subject: Subject,
    pub name: String,
    /// The record's page.
    pub back: String,
    pub templates: Vec<Template>,
}

/// A list of reports, and whether the viewer may move them along.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reports {
    pub scope: String,
    pub reports: Vec<DamageReport>,
    pub can_step: bool,
    /// The school's date, `YYYY-MM-DD`: a hazard past its deadline shows as overdue.
    pub today: String,
}

#[cfg(feature = "ssr")]
async fn desk(kind: &str, id: &str, with_templates: bool) -> Result<SubjectDesk, AppError> {
    let school = crate::ssr::visitor::state()?.school(&crate::ssr::visitor::visitor())?;
    let id = super::parse_id(id)?;
    let (subject, name, back) = match kind {
        "asset" => {
            let a = school.get_asset(id).await?.ok_or(AppError::NotFound)?;
            (
                Subject::Asset(id),
                format!("{} · {}", a.name, a.asset_code),
                format!("/assets/{id}"),
            )
        }
        "room" => {
            let r = school.get_room(id).await?.ok_or(AppError::NotFound)?;
            (
                Subject::Room(id),
                format!("{} · {}", r.building.name, r.name),
                format!("/rooms/{id}"),
            )
        }
        _ => return Err(AppError::NotFound),
    };
    let templates = if with_templates {
        crate::ssr::inspections::applicable(school.as_ref(), subject).await?
    } else {
        Vec::new()
    };
    Ok(SubjectDesk {
        subject,
        name,
        back,
        templates,
    })
}

#[server(prefix = "/sf", endpoint = "inspect_desk")]
pub async fn inspect_desk(kind: String, id: String) -> Result<SubjectDesk, AppError> {
    crate::ssr::visitor::visitor().require(|r| r.inspects())?;
    desk(&kind, &id, true).await
}

#[server(prefix = "/sf", endpoint = "report_desk")]
pub async fn report_desk(kind: String, id: String) -> Result<SubjectDesk, AppError> {
    crate::ssr::visitor::visitor().signed_in()?;
    desk(&kind, &id, false).await
}

#[server(prefix = "/sf", endpoint = "report_list")]
pub async fn report_list(scope: String) -> Result<Reports, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let reports = crate::ssr::inspections::reports(
        &st,
        &v,
        &scope,
        crate::model::Paging::first(crate::ssr::inspections::REPORT_LIST_LIMIT),
    )
    .await?;
    let can_step = v.user.as_ref().is_some_and(|u| u.role.inspects());
    Ok(Reports {
        scope,
        reports,
        can_step,
        today: crate::ssr::clock::school_today().to_string(),
    })
}

#[server(prefix = "/sf", endpoint = "step_damage_report")]
pub async fn step_damage_report(
    id: String,
    status: String,
    reason: String,
    measure: String,
    due_on: String,
    back: String,
) -> Result<Saved, AppError> {
    let v = crate::ssr::visitor::visitor();
    let st = crate::ssr::visitor::state()?;
    let req = crate::inspections::requests::StepRequest {
        status,
        reason,
        measure,
        due_on,
    };
    crate::ssr::inspections::step(&st, &v, super::parse_id(&id)?, req).await?;
    // Back to the reports page or the record page the step was taken on, nowhere else.
    let here = ["/reports", "/t/", "/T/", "/assets/", "/rooms/"];
    let back = if here.iter().any(|p| back.starts_with(p)) {
        back
    } else {
        "/reports".into()
    };
    Ok(Saved { url: back })
}
