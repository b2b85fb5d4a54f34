//! The drills pages' data and actions: everyone of the school sees the semester's drills; the
//! staff, the asset manager and the admin record them; the asset manager and the admin plan more.

use super::Saved;
#[cfg(feature = "ssr")]
use super::{asker, count};
use crate::drills::Drill;
use crate::error::AppError;
use crate::model::Named;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// The drills page: the semester's drills and what the asker may do.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrillsView {
    pub semester: String,
    pub drills: Vec<Drill>,
    pub runs: bool,
    pub plans: bool,
}

/// One drill's page, with the rooms a finding may name (for those who record it).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DrillView {
    pub drill: Drill,
    pub runs: bool,
    pub rooms: Vec<Named>,
}

/// One finding of the record form; a row without a description is left out.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FindingDraft {
    #[serde(default)]
    pub description: String,
    #[serde(default)]
    pub room: String,
}

/// The record form as typed.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct RecordDraft {
    pub id: String,
    pub held_on: String,
    pub participants: String,
    pub minutes: String,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub findings: Vec<FindingDraft>,
}

#[server(prefix = "/sf", endpoint = "drill_plan")]
pub async fn drill_plan(semester: String) -> Result<DrillsView, AppError> {
    use crate::drills::{plans_drills, runs_drills, sees_drills};
    let (v, st) = asker(sees_drills)?;
    let role = v.signed_in()?.role;
    let (semester, drills) = crate::ssr::drills::drills(&st, &v, Some(&semester)).await?;
    Ok(DrillsView {
        semester,
        drills,
        runs: runs_drills(role),
        plans: plans_drills(role),
    })
}

#[server(prefix = "/sf", endpoint = "drill_card")]
pub async fn drill_card(id: String) -> Result<DrillView, AppError> {
    use crate::drills::{runs_drills, sees_drills};
    let (v, st) = asker(sees_drills)?;
    let runs = runs_drills(v.signed_in()?.role);
    let drill = crate::ssr::drills::drill(&st, &v, super::parse_id(&id)?).await?;
    let rooms = if runs && drill.held_on.is_none() {
        st.school(&v)?.room_choices().await?
    } else {
        Vec::new()
    };
    Ok(DrillView { drill, runs, rooms })
}

#[server(prefix = "/sf", endpoint = "record_drill")]
pub async fn record_drill(form: RecordDraft) -> Result<Saved, AppError> {
    use crate::domain::Field;
    use crate::drills::{runs_drills, FindingInput, RecordInput};
    let (v, st) = asker(runs_drills)?;
    let id = super::parse_id(&form.id)?;
    let mut findings = Vec::new();
    for row in form
        .findings
        .iter()
        .filter(|r| !r.description.trim().is_empty())
    {
        let room_id = match row.room.trim() {
            "" => None,
            raw => Some(super::parse_id(raw)?),
        };
        findings.push(FindingInput {
            description: row.description.clone(),
            asset_id: None,
            room_id,
        });
    }
    let input = RecordInput {
        held_on: form.held_on,
        participants: count(&form.participants, Field::Participants)?,
        minutes: count(&form.minutes, Field::Minutes)?,
        summary: Some(form.summary),
        photos: Vec::new(),
        findings,
    };
    crate::ssr::drills::record(&st, &v, id, &input).await?;
    Ok(Saved {
        url: format!("/drills/{id}?saved={}", uuid::Uuid::now_v7()),
    })
}

#[server(prefix = "/sf", endpoint = "plan_drill")]
pub async fn plan_drill(kind: String, title: String, month: String) -> Result<Saved, AppError> {
    use crate::drills::{plans_drills, DrillInput};
    let (v, st) = asker(plans_drills)?;
    let input = DrillInput {
        kind,
        title: Some(title),
        month,
    };
    let drill = crate::ssr::drills::plan(&st, &v, &input).await?;
    Ok(Saved {
        url: format!("/drills/{}", drill.id),
    })
}
