//! The district's schools under `/api/v1/schools` (district admin only); the rules live in
//! `app::ssr::school`, shared with the district page.

use super::{parse_json, RestResult};
use app::forms::SchoolForm;
use app::model::{Named, SchoolFigures};
use app::ssr::school;
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::State;
use axum::http::StatusCode;
use axum::{Extension, Json};

/// `GET /api/v1/schools`: every school with its figures.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<SchoolFigures>>> {
    Ok(Json(school::schools(&st, &v).await?))
}

/// `POST /api/v1/schools`: a new school with its first admin.
pub async fn add(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Named>)> {
    v.require(|r| r.manages_district())?;
    let form: SchoolForm = parse_json(&body)?;
    let added = school::add_school(&st, &v, &form).await?;
    Ok((StatusCode::CREATED, Json(added)))
}
