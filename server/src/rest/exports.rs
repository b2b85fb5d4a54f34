//! Ledger exports: `GET /api/v1/exports/register?format=xlsx|csv`, and the ledgers of a period,
//! `GET /api/v1/exports/repairs?period=2026-12|2026-W49&format=…`, `GET /api/v1/exports/hazards?…` and
//! `GET /api/v1/exports/inspections?checklist=fire_equipment&period=…&format=…`. The asset
//! manager and the admin only.

use super::Query;
use super::{attachment, RestResult};
use app::domain::{Field, Invalid, Problem};
use app::error::AppError;
use app::ledgers::closing::ClosableLedger;
use app::ssr::ledgers::{self, file::FileKind};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::{Path, State};
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

/// `GET /api/v1/exports/{repairs|hazards|inspections|supplies}`: a ledger of a month or week —
/// the repair ledger, the hazard rectification ledger, the inspection record of `checklist`, or
/// the supplies ledger.
pub async fn of_period(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(name): Path<String>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    if name == "supplies" {
        let period = p.period.as_deref();
        return Ok(send(ledgers::supplies(&st, &v, period, kind(&p)?).await?));
    }
    let ledger = match name.as_str() {
        "repairs" => ClosableLedger::Repairs,
        "hazards" => ClosableLedger::Hazards,
        "inspections" => {
            let key = p.checklist.as_deref().map(str::trim).unwrap_or_default();
            if key.is_empty() {
                return Err(
                    AppError::from(Invalid::new(Field::Template, Problem::Required)).into(),
                );
            }
            ClosableLedger::Inspections(key.to_string())
        }
        _ => return Err(AppError::NotFound.into()),
    };
    let period = p.period.as_deref();
    Ok(send(
        ledgers::period_export(&st, &v, &ledger, period, kind(&p)?).await?,
    ))
}
