//! Checklists, inspections and damage reports under `/api/v1`; the rules live in
//! `app::ssr::inspections`, shared with the pages.

use super::paging::PageParams;
use super::Query;
use super::{parse_json, path_id as id, RestError, RestResult};
use app::error::AppError;
use app::inspections::requests::subject;
use app::inspections::{DamageReport, Inspection, Template};
use app::ssr::inspections;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

pub async fn checklists(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Template>>> {
    v.signed_in()?;
    Ok(Json(st.school(&v)?.current_templates().await?))
}

pub async fn checklist(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Template>> {
    v.signed_in()?;
    let found = st.school(&v)?.template(id(&raw)?).await?;
    Ok(Json(found.ok_or(AppError::NotFound)?))
}

pub async fn save_checklist(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Template>)> {
    v.require(|r| r.manages_users())?;
    let req = parse_json(&body)?;
    let saved = inspections::save_template(&st, &v, req).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

#[derive(Deserialize)]
pub struct SubjectParams {
    asset: Option<String>,
    room: Option<String>,
}

/// A record's inspections, a page at a time (`limit`, `offset`), newest first.
#[derive(Deserialize)]
pub struct InspectionParams {
    #[serde(flatten)]
    subject: SubjectParams,
    #[serde(flatten)]
    page: PageParams,
}

impl SubjectParams {
    fn subject(&self) -> RestResult<app::inspections::Subject> {
        let parse = |raw: &Option<String>| raw.as_deref().map(id).transpose();
        subject(parse(&self.asset)?, parse(&self.room)?).map_err(RestError::from)
    }
}

pub async fn list_inspections(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<InspectionParams>,
) -> RestResult<Json<Vec<Inspection>>> {
    v.of_school()?;
    let subject = p.subject.subject()?;
    let paging = p.page.paging()?;
    inspections::inspections_of(&st, &v, subject, paging)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn applicable_checklists(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<SubjectParams>,
) -> RestResult<Json<Vec<Template>>> {
    v.of_school()?;
    let subject = p.subject()?;
    inspections::applicable(st.school(&v)?.as_ref(), subject)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn create_inspection(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Inspection>)> {
    v.require(|r| r.inspects())?;
    let req = parse_json(&body)?;
    let saved = inspections::inspect(&st, &v, req).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

pub async fn create_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<DamageReport>)> {
    v.of_school()?;
    let req = parse_json(&body)?;
    let saved = inspections::report(&st, &v, req).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

#[derive(Deserialize)]
pub struct ScopeParams {
    scope: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

pub async fn list_reports(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ScopeParams>,
) -> RestResult<Json<Vec<DamageReport>>> {
    v.signed_in()?;
    let paging = p.page.paging()?;
    let scope = p.scope.unwrap_or_default();
    inspections::reports(&st, &v, &scope, paging)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn get_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<DamageReport>> {
    v.signed_in()?;
    let report = id(&raw)?;
    inspections::one_report(&st, &v, report)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn step_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<DamageReport>> {
    v.require(|r| r.inspects())?;
    let report = id(&raw)?;
    let req = parse_json(&body)?;
    inspections::step(&st, &v, report, req)
        .await
        .map(Json)
        .map_err(RestError)
}
