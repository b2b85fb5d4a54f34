//! Register imports: `POST /api/v1/imports` (multipart: the file, and the manager's choices)
//! previews or commits one; `GET /api/v1/imports` lists those made; `/import-profiles` keeps
//! named column mappings. The asset manager and the admin only.

use super::paging::PageParams;
use super::Query;
use super::{parse_json, RestError, RestResult};
use app::domain::{Field, Invalid, Problem};
use app::error::AppError;
use app::import::columns::{Profile, RegisterColumn};
use app::import::preview::{ImportPreview, ImportProfile, RegisterImport};
use app::import::Quantities;
use app::ssr::import::{self as import, sheet::MAX_BYTES, ImportRequest};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{Multipart, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};
use serde::Deserialize;
use std::collections::BTreeMap;

/// The request body a register file may have: the file and a little form around it.
pub const BODY_LIMIT: usize = MAX_BYTES + 64 * 1024;

fn malformed(field: Field) -> AppError {
    AppError::Invalid(Invalid::new(field, Problem::Malformed))
}

fn multipart_error(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        AppError::Invalid(Invalid::new(
            Field::File,
            Problem::FileTooLarge {
                max: MAX_BYTES >> 20,
            },
        ))
    } else {
        AppError::Malformed
    }
}

/// Reads the form: `file` (required), `quantities` (`each`, `batch`), `profile` (a saved
/// profile's name), `mapping` (JSON: column letters → column or null), `commit` (`true`).
async fn request(form: Result<Multipart, MultipartRejection>) -> RestResult<ImportRequest> {
    let mut form = form.map_err(|_| AppError::Malformed)?;
    let mut req = ImportRequest::default();
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(multipart_error)? {
        let name = field.name().unwrap_or_default().to_string();
        if name == "file" {
            req.file_name = field.file_name().unwrap_or_default().to_string();
            file = Some(field.bytes().await.map_err(multipart_error)?.to_vec());
            continue;
        }
        let text = field.text().await.map_err(multipart_error)?;
        match name.as_str() {
            "quantities" => {
                req.quantities = match text.trim() {
                    "" | "each" => Quantities::Each,
                    "batch" => Quantities::Batch,
                    _ => return Err(malformed(Field::Selection).into()),
                }
            }
            "profile" => req.profile = Some(text),
            "mapping" if !text.trim().is_empty() => {
                req.corrections =
                    serde_json::from_str::<BTreeMap<String, Option<RegisterColumn>>>(&text)
                        .map_err(|_| malformed(Field::Columns))?;
            }
            "commit" => req.commit = matches!(text.trim(), "true" | "1" | "on"),
            _ => {}
        }
    }
    req.bytes = file.ok_or(AppError::Invalid(Invalid::new(
        Field::File,
        Problem::Required,
    )))?;
    Ok(req)
}

/// `POST /api/v1/imports`: 200 with the preview; committed, 201 with what was made (200 when
/// the file changes nothing); a commit refused for errors in the file, 422 with the preview
/// naming each error's row and column (nothing is written).
pub async fn create(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    form: Result<Multipart, MultipartRejection>,
) -> RestResult<Response> {
    v.require(|r| r.manages_register())?;
    let req = request(form).await?;
    let commit = req.commit;
    let preview: ImportPreview = import::import(&st, &v, req).await?;
    let status = match (commit, preview.committed.is_some()) {
        (true, true) => StatusCode::CREATED,
        (true, false) if preview.counts.errors > 0 => StatusCode::UNPROCESSABLE_ENTITY,
        _ => StatusCode::OK,
    };
    Ok((status, Json(preview)).into_response())
}

/// `GET /api/v1/imports?limit=&offset=`: the imports made, newest first.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<RegisterImport>>> {
    let paging = page.paging()?;
    Ok(Json(import::imports(&st, &v, paging).await?))
}

pub async fn profiles(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<ImportProfile>>> {
    Ok(Json(import::profiles(&st, &v).await?))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewProfile {
    name: String,
    mapping: Profile,
}

/// `POST /api/v1/import-profiles`: saves a mapping by name (a profile of that name is replaced).
pub async fn save_profile(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> Result<Json<ImportProfile>, RestError> {
    v.require(|r| r.manages_register())?;
    let p: NewProfile = parse_json(&body)?;
    Ok(Json(
        import::save_profile(&st, &v, &p.name, p.mapping).await?,
    ))
}
