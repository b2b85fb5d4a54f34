//! The key cabinet under `/api/v1/keys` and `/api/v1/key-loans`: the keeper (the asset manager or
//! the admin) registers keys; the keeper and the staff on duty lend and take them back; everyone
//! of the school sees who holds which key.

use super::paging::{flag, PageParams};
use super::Query;
use super::{parse_json, path_id as id, RestResult};
use app::keys::{keeps_keys, lends_keys, sees_keys, Key, KeyInput, KeyLoan, LendInput};
use app::model::Page;
use app::ssr::keys;
use app::ssr::keys::store::{KeyFilter, LoanFilter};
use app::ssr::state::AppState;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;

#[derive(Deserialize)]
pub struct KeyParams {
    q: Option<String>,
    /// `true` (or `1`): only the keys that are out now.
    out: Option<String>,
    room: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /api/v1/keys?q=&out=true&room=`: the keys by hook and name, each with its loan.
pub async fn list(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<KeyParams>,
) -> RestResult<Json<Page<Key>>> {
    v.require(sees_keys)?;
    let room = match p.room.as_deref().map(str::trim) {
        None | Some("") => None,
        Some(raw) => Some(id(raw)?),
    };
    let filter = KeyFilter {
        list: p.page.with_words(p.q)?,
        out_only: flag(p.out.as_deref())?,
        room,
    };
    Ok(Json(keys::keys(&st, &v, filter).await?))
}

/// `POST /api/v1/keys`: registers a key or key set with a tag of its own.
pub async fn add(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Key>)> {
    v.require(keeps_keys)?;
    let input: KeyInput = parse_json(&body)?;
    Ok((StatusCode::CREATED, Json(keys::add(&st, &v, &input).await?)))
}

/// `GET /api/v1/keys/{id}`.
pub async fn get_one(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Key>> {
    v.require(sees_keys)?;
    Ok(Json(keys::key(&st, &v, id(&raw)?).await?))
}

/// `PUT /api/v1/keys/{id}`: the key's name, kind, room, hook, pieces and note.
pub async fn edit(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Key>> {
    v.require(keeps_keys)?;
    let key = id(&raw)?;
    let input: KeyInput = parse_json(&body)?;
    Ok(Json(keys::edit(&st, &v, key, &input).await?))
}

/// `POST /api/v1/keys/{id}/lend`: lends the key; 409 naming the holder when it is out.
pub async fn lend(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Key>)> {
    v.require(lends_keys)?;
    let key = id(&raw)?;
    let input: LendInput = parse_json(&body)?;
    Ok((
        StatusCode::CREATED,
        Json(keys::lend(&st, &v, key, &input).await?),
    ))
}

/// `POST /api/v1/keys/{id}/return`: takes the key back; 409 when it is in the cabinet.
pub async fn take_back(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Key>> {
    v.require(lends_keys)?;
    Ok(Json(keys::take_back(&st, &v, id(&raw)?).await?))
}

/// `GET /api/v1/keys/{id}/loans`: the key's loans, newest first.
pub async fn key_loans(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    Query(p): Query<PageParams>,
) -> RestResult<Json<Vec<KeyLoan>>> {
    v.require(sees_keys)?;
    let filter = LoanFilter {
        key: Some(id(&raw)?),
        ..LoanFilter::default()
    };
    Ok(Json(keys::loans(&st, &v, filter, p.paging()?).await?))
}

#[derive(Deserialize)]
pub struct LoanParams {
    /// `true`: only the loans still out.
    open: Option<String>,
    /// `true`: only the loans still out past their due time.
    overdue: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

/// `GET /api/v1/key-loans?open=true&overdue=true`: every key's loans, newest first.
pub async fn loans(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<LoanParams>,
) -> RestResult<Json<Vec<KeyLoan>>> {
    v.require(sees_keys)?;
    let filter = LoanFilter {
        key: None,
        open_only: flag(p.open.as_deref())?,
        overdue_only: flag(p.overdue.as_deref())?,
    };
    Ok(Json(keys::loans(&st, &v, filter, p.page.paging()?).await?))
}
