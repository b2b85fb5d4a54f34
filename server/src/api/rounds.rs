//! Rounds, schedules and the offline sync under `/api/v1`; the rules live in
//! `app::ssr::rounds` and `app::ssr::syncing`, shared with the pages.

use super::{parse_json, path_id, ApiResult, InLang};
use app::rounds::sync::SyncConflict;
use app::rounds::{Round, Schedule};
use app::ssr::rounds::{self, Whose};
use app::ssr::state::AppState;
use app::ssr::syncing::{self, BatchAnswer};
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

/// Room for 1,000 records with their answers; photos travel on their own.
pub const SYNC_BODY_LIMIT: usize = 8 * 1024 * 1024;

pub async fn my_rounds(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<Vec<Round>>> {
    rounds::rounds(&st, &v, Whose::Mine)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn all_rounds(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<Vec<Round>>> {
    rounds::rounds(&st, &v, Whose::All).await.map(Json).lang(&v)
}

pub async fn schedules(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<Vec<Schedule>>> {
    rounds::schedules(&st, &v).await.map(Json).lang(&v)
}

pub async fn create_schedule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Schedule>)> {
    v.require(|r| r.manages_register()).lang(&v)?;
    let req = parse_json(&v, &body)?;
    let saved = rounds::save_schedule(&st, &v, req).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(saved)))
}

pub async fn end_schedule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    v.require(|r| r.manages_register()).lang(&v)?;
    let id = path_id(&v, &raw)?;
    rounds::end_schedule(&st, &v, id).await.lang(&v)?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn sync(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<Json<BatchAnswer>> {
    v.signed_in().lang(&v)?;
    let batch = parse_json(&v, &body)?;
    syncing::sync(&st, &v, batch).await.map(Json).lang(&v)
}

#[derive(Deserialize)]
pub struct ConflictParams {
    #[serde(default)]
    all: bool,
}

pub async fn conflicts(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ConflictParams>,
) -> ApiResult<Json<Vec<SyncConflict>>> {
    rounds::conflicts(&st, &v, !p.all).await.map(Json).lang(&v)
}

pub async fn resolve_conflict(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<StatusCode> {
    v.require(|r| r.manages_register()).lang(&v)?;
    let id = path_id(&v, &raw)?;
    rounds::resolve_conflict(&st, &v, id).await.lang(&v)?;
    Ok(StatusCode::NO_CONTENT)
}
