//! Stocktakes under `/api/v1/stocktakes`; scans arrive one by one here or in a phone's queue
//! through `/api/v1/sync`. The rules live in `app::ssr::stocktake`, shared with the pages.

use super::paging::PageParams;
use super::{attachment, parse_json, path_id, Query, RestResult};
use app::ssr::state::AppState;
use app::ssr::stocktake::{self, store::Recorded};
use app::ssr::visitor::Visitor;
use app::stocktake::report::Report;
use app::stocktake::settle::Settlement;
use app::stocktake::{ExpectedAsset, Scan, ScanClass, ScanRequest, Stocktake, StocktakeHead};
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::Response;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<StocktakeHead>>> {
    v.require(|r| r.inspects())?;
    let paging = page.paging()?;
    Ok(Json(stocktake::list(&st, &v, paging).await?))
}

pub async fn start(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Stocktake>)> {
    v.require(|r| r.manages_register())?;
    let req = parse_json(&body)?;
    Ok((
        StatusCode::CREATED,
        Json(stocktake::start(&st, &v, req).await?),
    ))
}

pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Stocktake>> {
    v.require(|r| r.inspects())?;
    Ok(Json(stocktake::view(&st, &v, path_id(&raw)?).await?))
}

pub async fn expected(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Vec<ExpectedAsset>>> {
    v.require(|r| r.inspects())?;
    Ok(Json(stocktake::expected(&st, &v, path_id(&raw)?).await?))
}

pub async fn scans(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<Scan>>> {
    v.require(|r| r.inspects())?;
    let id = path_id(&raw)?;
    let paging = page.paging()?;
    Ok(Json(stocktake::scans(&st, &v, id, paging).await?))
}

pub async fn report(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Report>> {
    v.require(|r| r.inspects())?;
    Ok(Json(stocktake::report(&st, &v, path_id(&raw)?).await?))
}

/// 盘点报告 as an Excel workbook in the visitor's language.
pub async fn report_xlsx(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Response> {
    v.require(|r| r.inspects())?;
    let report = stocktake::report(&st, &v, path_id(&raw)?).await?;
    let bytes = stocktake::xlsx::workbook(&report, v.lang)?;
    Ok(attachment(
        bytes,
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        &format!("stocktake-{}.xlsx", report.stocktake.head.id),
    ))
}

pub async fn report_pdf(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Response> {
    let id = path_id(&raw)?;
    let bytes = stocktake::report_pdf(&st, &v, id).await?;
    Ok(attachment(
        bytes,
        "application/pdf",
        &format!("stocktake-{id}.pdf"),
    ))
}

/// What a scan sent on its own became.
#[derive(Serialize)]
pub struct ScanAnswer {
    /// False when a scan with this id was recorded before.
    pub new: bool,
    pub class: Option<ScanClass>,
}

pub async fn scan(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<ScanAnswer>> {
    v.require(|r| r.inspects())?;
    let id = path_id(&raw)?;
    let mut req: ScanRequest = parse_json(&body)?;
    if req.stocktake_id != id {
        return Err(app::error::AppError::NotFound.into());
    }
    req.id = req.id.or_else(|| Some(uuid::Uuid::now_v7()));
    Ok(Json(match stocktake::record_scan(&st, &v, req).await? {
        Recorded::New(class) => ScanAnswer {
            new: true,
            class: Some(class),
        },
        Recorded::Duplicate => ScanAnswer {
            new: false,
            class: None,
        },
    }))
}

pub async fn undo_scan(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((raw, scan)): Path<(String, String)>,
) -> RestResult<StatusCode> {
    v.require(|r| r.inspects())?;
    stocktake::undo_scan(&st, &v, path_id(&raw)?, path_id(&scan)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn claim_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((raw, room)): Path<(String, String)>,
) -> RestResult<StatusCode> {
    v.require(|r| r.inspects())?;
    stocktake::claim_room(&st, &v, path_id(&raw)?, path_id(&room)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// The counting page opened on a phone: its user counts until they hand in.
pub async fn start_counting(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<StatusCode> {
    v.require(|r| r.inspects())?;
    stocktake::start_counting(&st, &v, path_id(&raw)?).await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Whose phone hands in: the caller's (no body), or `{"user": id}` for a manager handing in
/// for someone else.
#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct HandIn {
    #[serde(default)]
    pub user: Option<Uuid>,
}

pub async fn hand_in(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<StatusCode> {
    v.require(|r| r.inspects())?;
    let req: HandIn = if body.iter().all(u8::is_ascii_whitespace) {
        HandIn::default()
    } else {
        parse_json(&body)?
    };
    stocktake::hand_in(&st, &v, path_id(&raw)?, req.user).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn finish(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Stocktake>> {
    v.require(|r| r.manages_register())?;
    Ok(Json(stocktake::finish(&st, &v, path_id(&raw)?).await?))
}

pub async fn settlements(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Vec<Settlement>>> {
    v.require(|r| r.inspects())?;
    Ok(Json(stocktake::settlements(&st, &v, path_id(&raw)?).await?))
}

pub async fn settle(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Vec<Settlement>>> {
    v.require(|r| r.manages_register())?;
    let id = path_id(&raw)?;
    let req = parse_json(&body)?;
    Ok(Json(stocktake::settle(&st, &v, id, req).await?))
}

/// The admin's answer to a pending write-off.
#[derive(serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Decision {
    approve: bool,
}

pub async fn decide(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path((raw, settlement)): Path<(String, String)>,
    body: Bytes,
) -> RestResult<Json<Vec<Settlement>>> {
    v.require(|r| r == app::domain::Role::Admin)?;
    let (id, settlement) = (path_id(&raw)?, path_id(&settlement)?);
    let d: Decision = parse_json(&body)?;
    Ok(Json(
        stocktake::decide_write_off(&st, &v, id, settlement, d.approve).await?,
    ))
}
