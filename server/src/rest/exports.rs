//! Ledger exports: `GET /api/v1/exports/register?format=xlsx|csv`, and the ledgers of a period,
//! `GET /api/v1/exports/repairs?period=2026-12|2026-W49&format=…` and
//! `GET /api/v1/exports/inspections?checklist=fire_equipment&period=…&format=…`. The asset
//! manager and the admin only.

use super::{attachment, RestResult};
use app::error::AppError;
use app::ssr::ledgers::{self, file::FileKind};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::{Query, State};
use axum::response::Response;
use axum::Extension;
use serde::Deserialize;

#[derive(Deserialize)]
pub struct ExportParams {
    format: Option<String>,
    period: Option<String>,
    checklist: Option<String>,
}

fn kind(p: &ExportParams) -> RestResult<FileKind> {
    Ok(FileKind::parse(p.format.as_deref()).map_err(AppError::Invalid)?)
}

/// The exported file as a download.
pub(super) fn send(export: ledgers::Export) -> Response {
    attachment(export.bytes, export.kind.content_type(), &export.file_name)
}

/// `GET /api/v1/exports/register`: every asset as the register's columns; the file imports
/// back unchanged.
pub async fn register(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    Ok(send(ledgers::register(&st, &v, kind(&p)?).await?))
}

/// `GET /api/v1/exports/repairs`: the repair ledger (维修台账) of a month or week.
pub async fn repairs(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    let period = p.period.as_deref();
    Ok(send(ledgers::repairs(&st, &v, period, kind(&p)?).await?))
}

/// `GET /api/v1/exports/inspections`: a checklist's inspection record of a month or week.
pub async fn inspections(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    let (key, period) = (p.checklist.as_deref(), p.period.as_deref());
    Ok(send(
        ledgers::inspection_record(&st, &v, key, period, kind(&p)?).await?,
    ))
}
