//! Tags, buildings, rooms and assets under `/api/v1`; the rules live in `app::ssr::register`,
//! shared with the pages.

use super::paging::PageParams;
use super::Query;
use super::{parse_json, path_id as id, RestResult};
use app::forms::{AssetPatch, RoomForm, RoomPatch};
use app::model::{Asset, Building, HistoryEntry, ListQuery, Page, Room, TagTarget};
use app::ssr::register;
use app::ssr::state::AppState;
use app::ssr::store::Entity;
use app::ssr::visitor::Visitor;
use axum::body::Bytes;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::{Extension, Json};
use serde::Deserialize;
use serde_json::{json, Value};

/// A register list's search words and page.
#[derive(Deserialize)]
pub struct ListParams {
    q: Option<String>,
    #[serde(flatten)]
    page: PageParams,
}

impl ListParams {
    fn query(self) -> RestResult<ListQuery> {
        self.page.with_words(self.q)
    }
}

/// A record's history, a page at a time, newest first.
async fn history_of(
    st: &AppState,
    v: &Visitor,
    entity: Entity,
    raw: &str,
    page: PageParams,
) -> RestResult<Json<Vec<HistoryEntry>>> {
    register::reader(v)?;
    let record = id(raw)?;
    let paging = page.paging()?;
    Ok(Json(
        register::history(st, v, entity, record, paging).await?,
    ))
}

pub async fn tag(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(code): Path<String>,
) -> RestResult<Json<Value>> {
    let (code, target) = register::tag(&st, &v, &code).await?;
    let (kind, id) = match target {
        TagTarget::Room(id) => ("room", Some(id)),
        TagTarget::Asset(id) => ("asset", Some(id)),
        TagTarget::Shelf(id) => ("shelf", Some(id)),
        TagTarget::Key(id) => ("key", Some(id)),
        TagTarget::Unassigned => ("unassigned", None),
    };
    Ok(Json(
        json!({ "code": code, "kind": kind, "id": id, "url": st.tag_url(code.as_str()) }),
    ))
}

pub async fn list_buildings(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
) -> RestResult<Json<Vec<Building>>> {
    Ok(Json(register::buildings(&st, &v).await?))
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
) -> RestResult<(StatusCode, Json<Building>)> {
    register::writer(&v)?;
    let req: NewBuilding = parse_json(&body)?;
    let b = register::save_building(&st, &v, None, &req.name).await?;
    Ok((StatusCode::CREATED, Json(b)))
}

pub async fn list_rooms(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> RestResult<Json<Page<Room>>> {
    st.school(&v)?; // who may ask before what was asked
    let q = p.query()?;
    Ok(Json(register::rooms(&st, &v, &q).await?))
}

pub async fn get_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Room>> {
    register::reader(&v)?;
    Ok(Json(register::room(&st, &v, id(&raw)?).await?))
}

pub async fn create_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Room>)> {
    register::writer(&v)?;
    let patch: RoomPatch = parse_json(&body)?;
    let form = patch.apply(RoomForm::default());
    let room = register::create_room(&st, &v, form, None).await?;
    Ok((StatusCode::CREATED, Json(room)))
}

pub async fn update_room(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Room>> {
    register::writer(&v)?;
    let id = id(&raw)?;
    let patch: RoomPatch = parse_json(&body)?;
    let room = register::update_room(&st, &v, id, |current| patch.apply(current)).await?;
    Ok(Json(room))
}

pub async fn room_history(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<HistoryEntry>>> {
    history_of(&st, &v, Entity::Room, &raw, page).await
}

pub async fn list_assets(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Query(p): Query<ListParams>,
) -> RestResult<Json<Page<Asset>>> {
    st.school(&v)?; // who may ask before what was asked
    let q = p.query()?;
    Ok(Json(register::assets(&st, &v, &q, None).await?))
}

pub async fn get_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
) -> RestResult<Json<Asset>> {
    register::reader(&v)?;
    Ok(Json(register::asset(&st, &v, id(&raw)?).await?))
}

pub async fn create_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    body: Bytes,
) -> RestResult<(StatusCode, Json<Asset>)> {
    register::writer(&v)?;
    let patch: AssetPatch = parse_json(&body)?;
    let form = patch.apply(register::new_asset_form(None))?;
    let asset = register::create_asset(&st, &v, form, None).await?;
    Ok((StatusCode::CREATED, Json(asset)))
}

pub async fn update_asset(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    body: Bytes,
) -> RestResult<Json<Asset>> {
    register::writer(&v)?;
    let id = id(&raw)?;
    let patch: AssetPatch = parse_json(&body)?;
    let asset = register::update_asset(&st, &v, id, |current| patch.apply(current)).await?;
    Ok(Json(asset))
}

pub async fn asset_history(
    State(st): State<AppState>,
    Extension(v): Extension<Visitor>,
    Path(raw): Path<String>,
    Query(page): Query<PageParams>,
) -> RestResult<Json<Vec<HistoryEntry>>> {
    history_of(&st, &v, Entity::Asset, &raw, page).await
}
