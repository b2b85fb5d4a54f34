//! Compensation cases under `/api/v1/compensations`: the asset manager opens and settles them,
//! only the admin waives; the notice is a PDF and the cases export as CSV.

use super::paging::PageParams;
use super::Query;
use super::{attachment, parse_json, path_id as id, RestError, RestResult};
use app::error::AppError;
use app::inspections::compensation::{Compensation, DepreciationRule};
use app::ssr::compensation::{self, store::CaseFilter};
use app::ssr::ledgers::{self, file::FileKind};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use serde::Deserialize;

fn manager(v: &Visitor) -> RestResult<()> {
    v.require(|r| r.manages_register())
        .map(|_| ())
        .map_err(RestError)
}

/// Which cases: `semester` (all when left out) and `open` (any value but `false` or `0`:
/// only the unpaid cases).
#[derive(Deserialize)]
pub struct FilterParams {
    semester: Option<String>,
    open: Option<String>,
}

impl FilterParams {
    fn filter(self) -> CaseFilter {
        let given = |s: Option<String>| s.filter(|s| !s.trim().is_empty());
        CaseFilter {
            semester: given(self.semester),
            open_only: given(self.open).is_some_and(|o| o != "false" && o != "0"),
            on: None,
        }
    }
}

#[derive(Deserialize)]
pub struct ListParams {
    #[serde(flatten)]
    filter: FilterParams,
    #[serde(flatten)]
    page: PageParams,
}

#[derive(Deserialize)]
pub struct ExportParams {
    #[serde(flatten)]
    filter: FilterParams,
    /// `csv` (the default here) or `xlsx`.
    format: Option<String>,
}

pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> RestResult<Json<Vec<Compensation>>> {
    manager(&v)?;
    let paging = p.page.paging()?;
    let filter = p.filter.filter();
    Ok(Json(compensation::cases(&st, &v, &filter, paging).await?))
}

pub async fn create(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Compensation>)> {
    manager(&v)?;
    let req = parse_json(&body)?;
    let case = compensation::open(&st, &v, req).await?;
    Ok((StatusCode::CREATED, Json(case)))
}

pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Compensation>> {
    manager(&v)?;
    let found = st.school(&v)?.compensation(id(&raw)?).await?;
    Ok(Json(found.ok_or(AppError::NotFound)?))
}

pub async fn pay(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Compensation>> {
    manager(&v)?;
    let case = id(&raw)?;
    let req = parse_json(&body)?;
    compensation::pay(&st, &v, case, req)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn waive(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Compensation>> {
    v.require(|r| r.manages_users())?;
    let case = id(&raw)?;
    let req = parse_json(&body)?;
    compensation::waive(&st, &v, case, req)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn notice(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Response> {
    manager(&v)?;
    let case = id(&raw)?;
    let pdf = compensation::notice(&st, &v, case).await?;
    Ok(attachment(
        pdf,
        "application/pdf",
        &format!("notice-{case}.pdf"),
    ))
}

pub async fn export(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    manager(&v)?;
    let kind = match p.format.as_deref() {
        None | Some("") => FileKind::Csv,
        other => FileKind::parse(other).map_err(AppError::Invalid)?,
    };
    let export = ledgers::compensations(&st, &v, p.filter.filter(), kind).await?;
    Ok(super::exports::send(export))
}

pub async fn rule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<DepreciationRule>> {
    manager(&v)?;
    Ok(Json(st.school(&v)?.depreciation_rule().await?))
}

pub async fn set_rule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<Json<DepreciationRule>> {
    v.require(|r| r.manages_users())?;
    let rule = parse_json(&body)?;
    compensation::set_rule(&st, &v, rule)
        .await
        .map(Json)
        .map_err(RestError)
}
