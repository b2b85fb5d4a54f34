//! Tags, buildings, rooms and assets: read by any signed-in user, written by the asset manager
//! and the admin. Writes go through the same forms and checks as the pages.

use super::{parse_json, path_id as id, ApiResult, InLang};
use app::domain::{bounded_text, Field, TagCode};
use app::error::AppError;
use app::forms::{AssetForm, AssetPatch, RoomForm, RoomPatch};
use app::model::{Asset, Building, HistoryEntry, ListQuery, Page, Room, TagTarget};
use app::ssr::state::AppState;
use app::ssr::store::Entity;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{json, Value};

/// How many history entries one request returns at most.
const HISTORY_LIMIT: i64 = 200;

fn reader(v: &Visitor) -> ApiResult<()> {
    v.signed_in().map(|_| ()).lang(v)
}

fn writer(v: &Visitor) -> ApiResult<()> {
    v.require(|r| r.manages_register()).map(|_| ()).lang(v)
}

/// List parameters; bad numbers are a 422, not a silent default.
#[derive(Deserialize)]
pub struct ListParams {
    q: Option<String>,
    limit: Option<String>,
    offset: Option<String>,
}

impl ListParams {
    fn query(self, v: &Visitor) -> ApiResult<ListQuery> {
        use app::domain::{Invalid, Problem};
        let num = |s: Option<String>| -> ApiResult<Option<i64>> {
            s.map(|s| {
                s.parse::<i64>()
                    .map_err(|_| AppError::Invalid(Invalid::new(Field::Query, Problem::Malformed)))
            })
            .transpose()
            .lang(v)
        };
        Ok(ListQuery {
            q: self.q,
            limit: num(self.limit)?,
            offset: num(self.offset)?,
        })
    }
}

pub async fn tag(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(code): Path<String>,
) -> ApiResult<Json<Value>> {
    reader(&v)?;
    let code = TagCode::parse(&code).map_err(AppError::from).lang(&v)?;
    let target = st
        .store
        .resolve_tag(&code)
        .await
        .lang(&v)?
        .ok_or(AppError::NotFound)
        .lang(&v)?;
    let (kind, id) = match target {
        TagTarget::Room(id) => ("room", Some(id)),
        TagTarget::Asset(id) => ("asset", Some(id)),
        TagTarget::Unassigned => ("unassigned", None),
    };
    Ok(Json(
        json!({ "code": code, "kind": kind, "id": id, "url": st.tag_url(code.as_str()) }),
    ))
}

pub async fn list_buildings(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> ApiResult<Json<Vec<Building>>> {
    reader(&v)?;
    st.store.list_buildings().await.map(Json).lang(&v)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct NewBuilding {
    name: String,
}

pub async fn create_building(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Building>)> {
    writer(&v)?;
    let req: NewBuilding = parse_json(&v, &body)?;
    let name = bounded_text(Field::Name, &req.name, 80)
        .map_err(AppError::from)
        .lang(&v)?;
    let b = st.store.create_building(v.actor(), &name).await.lang(&v)?;
    Ok((StatusCode::CREATED, Json(b)))
}

pub async fn list_rooms(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<Page<Room>>> {
    reader(&v)?;
    let q = p.query(&v)?;
    st.store.list_rooms(&q).await.map(Json).lang(&v)
}

pub async fn get_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Room>> {
    reader(&v)?;
    let room = st.store.get_room(id(&v, &raw)?).await.lang(&v)?;
    room.ok_or(AppError::NotFound).map(Json).lang(&v)
}

pub async fn create_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Room>)> {
    writer(&v)?;
    let patch: RoomPatch = parse_json(&v, &body)?;
    let fields = patch
        .apply(RoomForm::default())
        .validate()
        .map_err(AppError::from)
        .lang(&v)?;
    let room = st
        .store
        .create_room(v.actor(), fields, None)
        .await
        .lang(&v)?;
    Ok((StatusCode::CREATED, Json(room)))
}

pub async fn update_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Room>> {
    writer(&v)?;
    let id = id(&v, &raw)?;
    let patch: RoomPatch = parse_json(&v, &body)?;
    let current = st
        .store
        .get_room(id)
        .await
        .lang(&v)?
        .ok_or(AppError::NotFound)
        .lang(&v)?;
    let fields = patch
        .apply(RoomForm::from(&current))
        .validate()
        .map_err(AppError::from)
        .lang(&v)?;
    st.store
        .update_room(v.actor(), id, fields)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn room_history(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Vec<HistoryEntry>>> {
    history(&st, &v, Entity::Room, &raw).await
}

pub async fn list_assets(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> ApiResult<Json<Page<Asset>>> {
    reader(&v)?;
    let q = p.query(&v)?;
    st.store.list_assets(&q, None).await.map(Json).lang(&v)
}

pub async fn get_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Asset>> {
    reader(&v)?;
    let asset = st.store.get_asset(id(&v, &raw)?).await.lang(&v)?;
    asset.ok_or(AppError::NotFound).map(Json).lang(&v)
}

pub async fn create_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> ApiResult<(StatusCode, Json<Asset>)> {
    writer(&v)?;
    let patch: AssetPatch = parse_json(&v, &body)?;
    let blank = AssetForm {
        status: "in_use".into(),
        ..Default::default()
    };
    let fields = patch
        .apply(blank)
        .and_then(|f| f.validate())
        .map_err(AppError::from)
        .lang(&v)?;
    let asset = st
        .store
        .create_asset(v.actor(), fields, None)
        .await
        .lang(&v)?;
    Ok((StatusCode::CREATED, Json(asset)))
}

pub async fn update_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> ApiResult<Json<Asset>> {
    writer(&v)?;
    let id = id(&v, &raw)?;
    let patch: AssetPatch = parse_json(&v, &body)?;
    let current = st
        .store
        .get_asset(id)
        .await
        .lang(&v)?
        .ok_or(AppError::NotFound)
        .lang(&v)?;
    let fields = patch
        .apply(AssetForm::from(&current))
        .and_then(|f| f.validate())
        .map_err(AppError::from)
        .lang(&v)?;
    st.store
        .update_asset(v.actor(), id, fields)
        .await
        .map(Json)
        .lang(&v)
}

pub async fn asset_history(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> ApiResult<Json<Vec<HistoryEntry>>> {
    history(&st, &v, Entity::Asset, &raw).await
}

async fn history(
    st: &AppState,
    v: &Visitor,
    entity: Entity,
    raw: &str,
) -> ApiResult<Json<Vec<HistoryEntry>>> {
    reader(v)?;
    let id = id(v, raw)?;
    let exists = match entity {
        Entity::Room => st.store.get_room(id).await.lang(v)?.is_some(),
        _ => st.store.get_asset(id).await.lang(v)?.is_some(),
    };
    if !exists {
        return Err(super::ApiError(AppError::NotFound, v.lang));
    }
    st.store
        .history(entity, id, HISTORY_LIMIT)
        .await
        .map(Json)
        .lang(v)
}
