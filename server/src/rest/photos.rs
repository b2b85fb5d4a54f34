//! Photos: `POST /api/v1/photos` (multipart, field `file`) and the stored image and thumbnail.
//! Any signed-in user uploads (teachers report damage with photos); a photo is shown to its
//! uploader and to the roles that see every record (staff, asset manager, admin).

use super::{RestError, RestResult};
use app::domain::Role;
use app::error::AppError;
use app::model::Photo;
use app::ssr::photos::{photo_path, process, save_files, MAX_UPLOAD_BYTES};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::extract::multipart::{MultipartError, MultipartRejection};
use axum::extract::{Multipart, Path, State};
use axum::http::{header, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use axum::{Extension, Json};

fn too_large() -> AppError {
    AppError::TooLarge {
        max_mb: MAX_UPLOAD_BYTES >> 20,
    }
}

fn multipart_error(e: MultipartError) -> AppError {
    if e.status() == StatusCode::PAYLOAD_TOO_LARGE {
        too_large()
    } else {
        AppError::Malformed
    }
}

/// Reads the `file` field of the form (required, at most the upload limit).
async fn file_of(form: Result<Multipart, MultipartRejection>) -> RestResult<axum::body::Bytes> {
    let mut form = form.map_err(|_| AppError::Malformed)?;
    let mut file = None;
    while let Some(field) = form.next_field().await.map_err(multipart_error)? {
        if field.name() == Some("file") {
            file = Some(field.bytes().await.map_err(multipart_error)?);
            break;
        }
    }
    let bytes = file.ok_or_else(|| {
        use app::domain::{Field, Invalid, Problem};
        AppError::Invalid(Invalid::new(Field::Photo, Problem::Required))
    })?;
    if bytes.len() > MAX_UPLOAD_BYTES {
        return Err(RestError(too_large()));
    }
    Ok(bytes)
}

/// Checks the image and stores it under `id`.
async fn receive(
    st: AppState,
    v: &Visitor,
    bytes: axum::body::Bytes,
    id: uuid::Uuid,
) -> RestResult<Photo> {
    let data = st.settings.data_dir.clone();
    let processed = tokio::task::spawn_blocking(move || {
        let photo = process(&bytes)?;
        save_files(&data, &photo)?;
        Ok::<_, AppError>(photo)
    })
    .await
    .map_err(AppError::internal)
    .and_then(|r| r)?;
    st.school(v)?
        .add_photo(
            v.actor(),
            id,
            &processed.sha256,
            processed.width,
            processed.height,
            processed.full.len(),
        )
        .await
        .map_err(RestError)
}

pub async fn upload(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    form: Result<Multipart, MultipartRejection>,
) -> RestResult<(StatusCode, Json<Photo>)> {
    v.of_school()?;
    let bytes = file_of(form).await?;
    let photo = receive(st, &v, bytes, uuid::Uuid::now_v7()).await?;
    Ok((StatusCode::CREATED, Json(photo)))
}

/// `PUT /api/v1/photos/{id}`: a photo from the offline queue under the UUIDv7 the phone made.
/// Sending it again is harmless: a photo this user already sent answers 200 as it is.
pub async fn put(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> RestResult<(StatusCode, Json<Photo>)> {
    let user = v.of_school()?.id;
    let id = super::path_id(&raw)?;
    if id.get_version_num() != 7 {
        use app::domain::{Field, Invalid, Problem};
        return Err(RestError(AppError::Invalid(Invalid::new(
            Field::Photo,
            Problem::Malformed,
        ))));
    }
    // A resend carries its file too: a form without one is refused before anything else.
    let bytes = file_of(form).await?;
    match st.school(&v)?.photo(id).await? {
        Some(found) if found.uploaded_by == user => return Ok((StatusCode::OK, Json(found.photo))),
        Some(_) => {
            use app::domain::Field;
            return Err(RestError(AppError::Conflict {
                field: Field::Photo,
            }));
        }
        None => {}
    }
    let photo = receive(st, &v, bytes, id).await?;
    Ok((StatusCode::CREATED, Json(photo)))
}

async fn serve(st: AppState, v: Visitor, id: String, thumb: bool) -> RestResult<Response> {
    let user = v.signed_in()?;
    let id = uuid::Uuid::parse_str(&id).map_err(|_| AppError::NotFound)?;
    let found = st.school(&v)?.photo(id).await?.ok_or(AppError::NotFound)?;
    let sees_all = matches!(user.role, Role::Admin | Role::AssetManager | Role::Staff);
    if found.uploaded_by != user.id && !sees_all {
        return Err(RestError(AppError::NotFound));
    }
    let path = photo_path(&st.settings.data_dir, &found.sha256, thumb);
    let bytes = tokio::fs::read(&path).await.map_err(AppError::internal)?;
    let mut res = bytes.into_response();
    let headers = res.headers_mut();
    headers.insert(header::CONTENT_TYPE, HeaderValue::from_static("image/jpeg"));
    headers.insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, max-age=86400"),
    );
    Ok(res)
}

pub async fn full(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<String>,
) -> RestResult<Response> {
    serve(st, v, id, false).await
}

pub async fn thumb(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(id): Path<String>,
) -> RestResult<Response> {
    serve(st, v, id, true).await
}
