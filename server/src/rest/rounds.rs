//! Rounds, schedules and the offline sync under `/api/v1`; the rules live in
//! `app::ssr::rounds` and `app::ssr::sync`, shared with the pages.

use super::paging::PageParams;
use super::Query;
use super::{parse_json, path_id, RestError, RestResult};
use app::rounds::sync::SyncConflict;
use app::rounds::{Round, Schedule};
use app::ssr::rounds::{self, Whose};
use app::ssr::state::AppState;
use app::ssr::sync::{self, BatchAnswer};
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

/// Room for 1,000 records with their answers; photos travel on their own.
pub const SYNC_BODY_LIMIT: usize = 8 * 1024 * 1024;

pub async fn my_rounds(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Round>>> {
    rounds::rounds(&st, &v, Whose::Mine)
        .await
        .map(Json)
        .map_err(RestError)
}

pub async fn all_rounds(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Round>>> {
    Ok(Json(rounds::rounds(&st, &v, Whose::All).await?))
}

pub async fn schedules(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Schedule>>> {
    Ok(Json(rounds::schedules(&st, &v).await?))
}

pub async fn create_schedule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Schedule>)> {
    v.require(|r| r.manages_register())?;
    let req = parse_json(&body)?;
    let saved = rounds::save_schedule(&st, &v, req).await?;
    Ok((StatusCode::CREATED, Json(saved)))
}

pub async fn end_schedule(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<StatusCode> {
    v.require(|r| r.manages_register())?;
    let id = path_id(&raw)?;
    rounds::end_schedule(&st, &v, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn sync(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<Json<BatchAnswer>> {
    v.of_school()?;
    let batch = parse_json(&body)?;
    Ok(Json(sync::sync(&st, &v, batch).await?))
}

#[derive(Deserialize)]
pub struct ConflictParams {
    #[serde(default)]
    all: bool,
    #[serde(flatten)]
    page: PageParams,
}

pub async fn conflicts(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ConflictParams>,
) -> RestResult<Json<Vec<SyncConflict>>> {
    v.require(|r| r.manages_register())?;
    let paging = p.page.paging()?;
    Ok(Json(rounds::conflicts(&st, &v, !p.all, paging).await?))
}

pub async fn resolve_conflict(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<StatusCode> {
    v.require(|r| r.manages_register())?;
    let id = path_id(&raw)?;
    rounds::resolve_conflict(&st, &v, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
