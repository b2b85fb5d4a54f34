//! Drills under `/api/v1/drills`: the semester's drills planned from the calendar, recorded by
//! the staff, the asset manager or the admin (each problem on an asset or a room opens a
//! repair), planned beyond the calendar by the asset manager or the admin; everyone of the
//! school sees them.

use super::Query;
use super::{parse_json, path_id as id, RestResult};
use app::drills::{plans_drills, runs_drills, sees_drills, Drill, DrillInput, RecordInput};
use app::ssr::drills;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::{Deserialize, Serialize};

#[derive(Deserialize)]
pub struct SemesterParams {
    /// `2026-2027-1`; the current semester when left out.
    semester: Option<String>,
}

/// A semester's drills.
#[derive(Serialize)]
pub struct SemesterDrills {
    semester: String,
    drills: Vec<Drill>,
}

/// `GET /api/v1/drills?semester=2026-2027-1`: the semester's drills by month.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<SemesterParams>,
) -> RestResult<Json<SemesterDrills>> {
    v.require(sees_drills)?;
    let (semester, drills) = drills::drills(&st, &v, p.semester.as_deref()).await?;
    Ok(Json(SemesterDrills { semester, drills }))
}

/// `POST /api/v1/drills`: plans a drill beyond the calendar's.
pub async fn plan(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Drill>)> {
    v.require(plans_drills)?;
    let input: DrillInput = parse_json(&body)?;
    Ok((
        StatusCode::CREATED,
        Json(drills::plan(&st, &v, &input).await?),
    ))
}

/// `GET /api/v1/drills/{id}`.
pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Drill>> {
    v.require(sees_drills)?;
    Ok(Json(drills::drill(&st, &v, id(&raw)?).await?))
}

/// `POST /api/v1/drills/{id}/record`: records the drill held; 409 when it is recorded already.
pub async fn record(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Drill>> {
    v.require(runs_drills)?;
    let drill = id(&raw)?;
    let input: RecordInput = parse_json(&body)?;
    Ok(Json(drills::record(&st, &v, drill, &input).await?))
}
