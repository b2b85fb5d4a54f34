//! The register: buildings, rooms, assets and their tags. Anyone signed in reads it; the asset
//! manager and the admin write it. The pages' server functions and the REST API both come
//! here, so each rule (who may, how long a name, what a new record starts as) is written once.

pub mod store;

use crate::domain::{bounded_text, AssetCode, Field, Invalid, Problem, TagCode};
use crate::error::{AppError, AppResult};
use crate::forms::{AssetForm, RoomForm};
use crate::model::{Asset, Building, HistoryEntry, ListQuery, Page, Paging, Room, TagTarget};
use crate::ssr::state::AppState;
use crate::ssr::store::{Actor, Entity};
use crate::ssr::visitor::Visitor;
use uuid::Uuid;

/// A building's name, in characters.
pub const BUILDING_NAME_MAX: usize = 80;

/// Anyone signed in may read the register.
pub fn reader(v: &Visitor) -> AppResult<()> {
    v.signed_in().map(|_| ())
}

/// The asset manager and the admin write the register; the change is theirs.
pub fn writer(v: &Visitor) -> AppResult<Actor> {
    v.require(|r| r.manages_register())?;
    Ok(v.actor())
}

/// What a new asset's form starts as: in use, in `room` when it was opened from one.
pub fn new_asset_form(room: Option<String>) -> AssetForm {
    AssetForm {
        status: "in_use".into(),
        room_id: room.unwrap_or_default(),
        ..Default::default()
    }
}

/// A tag code handed along from a blank tag's page, normalised; empty means none.
pub fn blank_tag(tag: Option<&str>) -> AppResult<Option<TagCode>> {
    match tag.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Ok(Some(TagCode::parse(t)?)),
    }
}

pub async fn buildings(st: &AppState, v: &Visitor) -> AppResult<Vec<Building>> {
    reader(v)?;
    st.school(v)?.list_buildings().await
}

/// Creates a building (`id` none) or renames one.
pub async fn save_building(
    st: &AppState,
    v: &Visitor,
    id: Option<Uuid>,
    name: &str,
) -> AppResult<Building> {
    let actor = writer(v)?;
    let school = st.school(v)?;
    let name = bounded_text(Field::Name, name, BUILDING_NAME_MAX)?;
    match id {
        Some(id) => school.rename_building(actor, id, &name).await,
        None => school.create_building(actor, &name).await,
    }
}

pub async fn rooms(st: &AppState, v: &Visitor, query: &ListQuery) -> AppResult<Page<Room>> {
    reader(v)?;
    st.school(v)?.list_rooms(query).await
}

pub async fn room(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Room> {
    reader(v)?;
    st.school(v)?.get_room(id).await?.ok_or(AppError::NotFound)
}

/// Creates a room from `form`, carrying the blank `tag` if one is given.
pub async fn create_room(
    st: &AppState,
    v: &Visitor,
    form: RoomForm,
    tag: Option<TagCode>,
) -> AppResult<Room> {
    let actor = writer(v)?;
    let fields = form.validate()?;
    st.school(v)?.create_room(actor, fields, tag).await
}

/// Changes a room: `edit` gets the room's form as stored and returns the form to save.
pub async fn update_room(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    edit: impl FnOnce(RoomForm) -> RoomForm,
) -> AppResult<Room> {
    let actor = writer(v)?;
    let school = st.school(v)?;
    let current = school.get_room(id).await?.ok_or(AppError::NotFound)?;
    let fields = edit(RoomForm::from(&current)).validate()?;
    school.update_room(actor, id, fields).await
}

pub async fn assets(
    st: &AppState,
    v: &Visitor,
    query: &ListQuery,
    room: Option<Uuid>,
) -> AppResult<Page<Asset>> {
    reader(v)?;
    st.school(v)?.list_assets(query, room).await
}

pub async fn asset(st: &AppState, v: &Visitor, id: Uuid) -> AppResult<Asset> {
    reader(v)?;
    st.school(v)?.get_asset(id).await?.ok_or(AppError::NotFound)
}

/// Creates an asset from `form`, carrying the blank `tag` if one is given.
pub async fn create_asset(
    st: &AppState,
    v: &Visitor,
    form: AssetForm,
    tag: Option<TagCode>,
) -> AppResult<Asset> {
    let actor = writer(v)?;
    let fields = form.validate()?;
    st.school(v)?.create_asset(actor, fields, tag).await
}

/// Changes an asset: `edit` gets the asset's form as stored and returns the form to save.
pub async fn update_asset(
    st: &AppState,
    v: &Visitor,
    id: Uuid,
    edit: impl FnOnce(AssetForm) -> Result<AssetForm, Invalid>,
) -> AppResult<Asset> {
    let actor = writer(v)?;
    let school = st.school(v)?;
    let current = school.get_asset(id).await?.ok_or(AppError::NotFound)?;
    let fields = edit(AssetForm::from(&current))?.validate()?;
    school.update_asset(actor, id, fields).await
}

/// The newest changes of a room or an asset; not found when there is no such record.
pub async fn history(
    st: &AppState,
    v: &Visitor,
    entity: Entity,
    id: Uuid,
    paging: Paging,
) -> AppResult<Vec<HistoryEntry>> {
    reader(v)?;
    let school = st.school(v)?;
    let exists = match entity {
        Entity::Room => school.get_room(id).await?.is_some(),
        Entity::Asset => school.get_asset(id).await?.is_some(),
        _ => false,
    };
    if !exists {
        return Err(AppError::NotFound);
    }
    school.history(entity, id, paging).await
}

/// What a scanned or typed tag code stands for.
pub async fn tag(st: &AppState, v: &Visitor, code: &str) -> AppResult<(TagCode, TagTarget)> {
    reader(v)?;
    let code = TagCode::parse(code)?;
    let target = st
        .school(v)?
        .resolve_tag(&code)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((code, target))
}

/// Links a blank tag to an existing asset (by its asset code) or else a room (by its id).
pub async fn claim_tag(
    st: &AppState,
    v: &Visitor,
    code: &str,
    room_id: &str,
    asset_code: &str,
) -> AppResult<TagCode> {
    let actor = writer(v)?;
    let school = st.school(v)?;
    let tag = TagCode::parse(code)?;
    let target = if !asset_code.trim().is_empty() {
        let code = AssetCode::parse(asset_code)?;
        let asset = school.find_asset_by_code(code.as_str()).await?;
        TagTarget::Asset(
            asset
                .ok_or(Invalid::new(Field::AssetCode, Problem::UnknownChoice))?
                .id,
        )
    } else if !room_id.trim().is_empty() {
        TagTarget::Room(
            Uuid::parse_str(room_id.trim())
                .map_err(|_| Invalid::new(Field::Room, Problem::Malformed))?,
        )
    } else {
        return Err(Invalid::new(Field::Room, Problem::Required).into());
    };
    school.claim_tag(actor, &tag, target).await?;
    Ok(tag)
}
