//! Ledger exports: `GET /api/v1/exports/register?format=xlsx|csv`. The asset manager and the
//! admin only.

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
}

/// `GET /api/v1/exports/register`: every asset as the register's columns; the file imports
/// back unchanged.
pub async fn register(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ExportParams>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    let kind = FileKind::parse(p.format.as_deref()).map_err(AppError::Invalid)?;
    let export = ledgers::register(&st, &v, kind).await?;
    Ok(attachment(
        export.bytes,
        export.kind.content_type(),
        &export.file_name,
    ))
}
