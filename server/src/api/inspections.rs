//! Checklists, inspections and damage reports under `/api/v1`; the rules live in
//! `app::ssr::inspecting`, shared with the pages.

use super::{parse_json, path_id as id, ApiResult, InLang};
use app::error::AppError;
use app::inspections::requests::subject;
use app::inspections::{DamageReport, Inspection, Template};
use app::ssr::inspecting;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

/// How many inspections of one record a list returns.
const INSPECTION_LIST_LIMIT: i64 = 100;

pub async fn checklists(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<Vec<Template>>> {
    v.signed_in().lang(&v)?;
    st.store.current_templates().await.map(Json).lang(&v)
}

pub async fn checklist(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Template>> {
    v.signed_in().lang(&v)?;
    let found = st.store.template(id(&v, &raw)?).await.lang(&v)?;
    found.ok_or(AppError::NotFound).map(Json).lang(&v)
}

pub async fn save_checklist(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Template>)> {
    v.require(|r| r.manages_users()).lang(&v)?;
    let req = parse_json(&v, &body)?;
    let saved = inspecting::save_template(&st, &v, req).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(saved)))
}

#[derive(Deserialize)]
pub struct SubjectParams {
    asset: Option<String>,
    room: Option<String>,
}

impl SubjectParams {
    fn subject(&self, v: &Visitor) -> ApiResult<app::inspections::Subject> {
        let parse = |raw: &Option<String>| raw.as_deref().map(|r| id(v, r)).transpose();
        subject(parse(&self.asset)?, parse(&self.room)?)
            .map_err(AppError::from)
            .lang(v)
    }
}

pub async fn list_inspections(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<SubjectParams>,
) -> ApiResult<Json<Vec<Inspection>>> {
    v.signed_in().lang(&v)?;
    let subject = p.subject(&v)?;
    st.store
        .inspections_of(subject, INSPECTION_LIST_LIMIT)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn applicable_checklists(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<SubjectParams>,
) -> ApiResult<Json<Vec<Template>>> {
    v.signed_in().lang(&v)?;
    let subject = p.subject(&v)?;
    inspecting::applicable(&st, subject)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn create_inspection(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Inspection>)> {
    v.require(|r| r.inspects()).lang(&v)?;
    let req = parse_json(&v, &body)?;
    let saved = inspecting::inspect(&st, &v, req).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(saved)))
}

pub async fn create_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<DamageReport>)> {
    v.signed_in().lang(&v)?;
    let req = parse_json(&v, &body)?;
    let saved = inspecting::report(&st, &v, req).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(saved)))
}

#[derive(Deserialize)]
pub struct ScopeParams {
    scope: Option<String>,
}

pub async fn list_reports(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ScopeParams>,
) -> ApiResult<Json<Vec<DamageReport>>> {
    let scope = p.scope.unwrap_or_default();
    inspecting::reports(&st, &v, &scope)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn get_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<DamageReport>> {
    v.signed_in().lang(&v)?;
    let report = id(&v, &raw)?;
    inspecting::one_report(&st, &v, report)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn step_report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult<Json<DamageReport>> {
    v.require(|r| r.inspects()).lang(&v)?;
    let report = id(&v, &raw)?;
    let req = parse_json(&v, &body)?;
    inspecting::step(&st, &v, report, req)
        .await
        .map(Json)
        .lang(&v)
}
