//! Closing periods (周周清、月月清) under `/api/v1/ledger-closings`: what is open in each
//! ledger of a period, closing one (a manager, or the 分工 person of its duty), and the
//! admin's reopening with a reason.

use super::Query;
use super::{parse_json, path_id as id, RestError, RestResult};
use app::ledgers::closing::{Closing, ClosingDesk};
use app::ssr::ledgers::closings;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct DeskParams {
    period: Option<String>,
}

/// `GET /api/v1/ledger-closings?period=2026-12`: every closable ledger of the period.
pub async fn desk(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<DeskParams>,
) -> RestResult<Json<ClosingDesk>> {
    closings::desk(&st, &v, p.period.as_deref())
        .await
        .map(Json)
        .map_err(RestError)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct CloseRequest {
    ledger: String,
    period: String,
}

/// `POST /api/v1/ledger-closings` `{ledger, period}`: closes a ledger's week or month.
pub async fn close(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Closing>)> {
    v.require(|r| r.inspects())?;
    let req: CloseRequest = parse_json(&body)?;
    let closing = closings::close(&st, &v, &req.ledger, &req.period).await?;
    Ok((StatusCode::CREATED, Json(closing)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ReopenRequest {
    reason: String,
}

/// `POST /api/v1/ledger-closings/{id}/reopen` `{reason}`: the admin reopens a closed period.
pub async fn reopen(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Closing>> {
    v.require(app::ledgers::closing::may_reopen)?;
    let closing = id(&raw)?;
    let req: ReopenRequest = parse_json(&body)?;
    closings::reopen(&st, &v, closing, &req.reason)
        .await
        .map(Json)
        .map_err(RestError)
}
