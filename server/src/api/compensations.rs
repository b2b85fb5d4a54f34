//! Compensation cases under `/api/v1/compensations`: the asset manager opens and settles them,
//! only the admin waives; the notice is a PDF and the cases export as CSV.

use super::{parse_json, path_id as id, ApiResult, InLang};
use app::error::AppError;
use app::inspections::compensation::{Compensation, DepreciationRule};
use app::ssr::compensating;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;

fn manager(v: &Visitor) -> ApiResult<()> {
    v.require(|r| r.manages_register()).map(|_| ()).lang(v)
}

#[derive(Deserialize)]
pub struct ListParams {
    semester: Option<String>,
    open: Option<String>,
}

impl ListParams {
    fn semester(&self) -> Option<String> {
        self.semester.clone().filter(|s| !s.trim().is_empty())
    }
}

pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<Vec<Compensation>>> {
    manager(&v)?;
    let all = st.store.compensations(p.semester()).await.lang(&v)?;
    let open_only = p.open.is_some();
    Ok(Json(
        all.into_iter()
            .filter(|c| !open_only || c.status == app::inspections::compensation::CaseStatus::Open)
            .collect(),
    ))
}

pub async fn create(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Compensation>)> {
    manager(&v)?;
    let req = parse_json(&v, &body)?;
    let case = compensating::open(&st, &v, req).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(case)))
}

pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Compensation>> {
    manager(&v)?;
    let found = st.store.compensation(id(&v, &raw)?).await.lang(&v)?;
    found.ok_or(AppError::NotFound).map(Json).lang(&v)
}

pub async fn pay(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Compensation>> {
    manager(&v)?;
    let case = id(&v, &raw)?;
    let req = parse_json(&v, &body)?;
    compensating::pay(&st, &v, case, req)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn waive(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Compensation>> {
    v.require(|r| r.manages_users()).lang(&v)?;
    let case = id(&v, &raw)?;
    let req = parse_json(&v, &body)?;
    compensating::waive(&st, &v, case, req)
        .await
        .map(Json)
        .lang(&v)
}

fn attachment(body: Vec<u8>, content_type: &'static str, name: &str) -> Response {
    let mut res = body.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static(content_type));
    if let Ok(value) = HeaderValue::from_str(&format!("attachment; filename=\"{name}\"")) {
        headers.insert(header::CONTENT_DISPOSITION, value);
    }
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    res
}

pub async fn notice(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Response> {
    manager(&v)?;
    let case = id(&v, &raw)?;
    let pdf = compensating::notice(&st, &v, case).await.lang(&v)?;
    Ok(attachment(
        pdf,
        "application/pdf",
        &format!("notice-{case}.pdf"),
    ))
}

pub async fn export(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> ApiResult<Response> {
    manager(&v)?;
    let csv = compensating::export_csv(&st, &v, p.semester(), p.open.is_some())
        .await
        .lang(&v)?;
    Ok(attachment(
        csv.into_bytes(),
        "text/csv; charset=utf-8",
        "compensations.csv",
    ))
}

pub async fn rule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<DepreciationRule>> {
    manager(&v)?;
    st.store.depreciation_rule().await.map(Json).lang(&v)
}

pub async fn set_rule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<Json<DepreciationRule>> {
    v.require(|r| r.manages_users()).lang(&v)?;
    let rule = parse_json(&v, &body)?;
    compensating::set_rule(&st, &v, rule)
        .await
        .map(Json)
        .lang(&v)
}
