//! Editing the register: buildings, rooms, assets, and linking blank tags.

use super::Saved;
use crate::error::AppError;
use crate::forms::{AssetForm, RoomForm};
use crate::model::{Building, Named};
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// What the room editor needs to draw its form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomDraft {
    pub id: Option<String>,
    /// A blank tag the new room will carry.
    pub tag: Option<String>,
    pub form: RoomForm,
    pub buildings: Vec<Named>,
    pub people: Vec<Named>,
}

/// What the asset editor needs to draw its form.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetDraft {
    pub id: Option<String>,
    /// A blank tag the new asset will carry.
    pub tag: Option<String>,
    pub form: AssetForm,
    pub rooms: Vec<Named>,
    pub people: Vec<Named>,
}

#[cfg(feature = "ssr")]
fn manager() -> Result<(crate::ssr::state::AppState, crate::ssr::store::Actor), AppError> {
    let v = crate::ssr::visitor::visitor();
    v.require(|r| r.manages_register())?;
    Ok((crate::ssr::visitor::state()?, v.actor()))
}

#[cfg(feature = "ssr")]
async fn people(st: &crate::ssr::state::AppState) -> Result<Vec<Named>, AppError> {
    let users = st.store.list_users().await?;
    Ok(users
        .into_iter()
        .filter(|u| u.active)
        .map(|u| Named {
            id: u.id,
            name: u.display_name,
        })
        .collect())
}

/// `None` for "new", else the record's id.
#[cfg(feature = "ssr")]
fn editing(id: &str) -> Result<Option<uuid::Uuid>, AppError> {
    if id == "new" {
        Ok(None)
    } else {
        super::parse_id(id).map(Some)
    }
}

/// A tag code passed along from a blank tag's page, normalised; empty means none.
#[cfg(feature = "ssr")]
fn blank_tag(tag: Option<String>) -> Result<Option<crate::domain::TagCode>, AppError> {
    match tag.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => Ok(Some(crate::domain::TagCode::parse(t)?)),
    }
}

#[server(prefix = "/sf", endpoint = "buildings")]
pub async fn buildings() -> Result<Vec<Building>, AppError> {
    let v = crate::ssr::visitor::visitor();
    v.signed_in()?;
    crate::ssr::visitor::state()?.store.list_buildings().await
}

#[server(prefix = "/sf", endpoint = "save_building")]
pub async fn save_building(id: String, name: String) -> Result<Saved, AppError> {
    use crate::domain::{bounded_text, Field};
    let (st, actor) = manager()?;
    let name = bounded_text(Field::Name, &name, 80)?;
    match editing(&id)? {
        Some(id) => st.store.rename_building(actor, id, &name).await?,
        None => st.store.create_building(actor, &name).await?,
    };
    Ok(Saved {
        url: "/manage/buildings".into(),
    })
}

#[server(prefix = "/sf", endpoint = "room_editor")]
pub async fn room_editor(id: String, tag: Option<String>) -> Result<RoomDraft, AppError> {
    let (st, _) = manager()?;
    let existing = editing(&id)?;
    let form = match existing {
        Some(id) => RoomForm::from(&st.store.get_room(id).await?.ok_or(AppError::NotFound)?),
        None => RoomForm {
            kind: "classroom".into(),
            ..Default::default()
        },
    };
    let buildings = st
        .store
        .list_buildings()
        .await?
        .into_iter()
        .map(|b| Named {
            id: b.id,
            name: b.name,
        })
        .collect();
    Ok(RoomDraft {
        id: existing.map(|i| i.to_string()),
        tag: blank_tag(tag)?.map(|t| t.to_string()),
        form,
        buildings,
        people: people(&st).await?,
    })
}

#[server(prefix = "/sf", endpoint = "save_room")]
pub async fn save_room(id: String, form: RoomForm, tag: Option<String>) -> Result<Saved, AppError> {
    let (st, actor) = manager()?;
    let fields = form.validate()?;
    let room = match editing(&id)? {
        Some(id) => st.store.update_room(actor, id, fields).await?,
        None => st.store.create_room(actor, fields, blank_tag(tag)?).await?,
    };
    Ok(Saved {
        url: format!("/rooms/{}", room.id),
    })
}

#[server(prefix = "/sf", endpoint = "asset_editor")]
pub async fn asset_editor(
    id: String,
    room: Option<String>,
    tag: Option<String>,
) -> Result<AssetDraft, AppError> {
    let (st, _) = manager()?;
    let existing = editing(&id)?;
    let form = match existing {
        Some(id) => AssetForm::from(&st.store.get_asset(id).await?.ok_or(AppError::NotFound)?),
        None => AssetForm {
            status: "in_use".into(),
            room_id: room.unwrap_or_default(),
            ..Default::default()
        },
    };
    let rooms = st.store.room_choices().await?;
    Ok(AssetDraft {
        id: existing.map(|i| i.to_string()),
        tag: blank_tag(tag)?.map(|t| t.to_string()),
        form,
        rooms,
        people: people(&st).await?,
    })
}

#[server(prefix = "/sf", endpoint = "save_asset")]
pub async fn save_asset(
    id: String,
    form: AssetForm,
    tag: Option<String>,
) -> Result<Saved, AppError> {
    let (st, actor) = manager()?;
    let fields = form.validate()?;
    let asset = match editing(&id)? {
        Some(id) => st.store.update_asset(actor, id, fields).await?,
        None => {
            st.store
                .create_asset(actor, fields, blank_tag(tag)?)
                .await?
        }
    };
    Ok(Saved {
        url: format!("/assets/{}", asset.id),
    })
}

/// Links a blank tag to a room (by id) or an existing asset (by asset code).
#[server(prefix = "/sf", endpoint = "claim_tag")]
pub async fn claim_tag(
    code: String,
    room_id: String,
    asset_code: String,
) -> Result<Saved, AppError> {
    use crate::domain::{AssetCode, Field, Invalid, Problem, TagCode};
    use crate::model::TagTarget;
    let (st, actor) = manager()?;
    let tag = TagCode::parse(&code)?;
    let target = if !asset_code.trim().is_empty() {
        let code = AssetCode::parse(&asset_code)?;
        let asset = st.store.find_asset_by_code(code.as_str()).await?;
        TagTarget::Asset(
            asset
                .ok_or(Invalid::new(Field::AssetCode, Problem::UnknownChoice))?
                .id,
        )
    } else if !room_id.trim().is_empty() {
        TagTarget::Room(
            uuid::Uuid::parse_str(room_id.trim())
                .map_err(|_| Invalid::new(Field::Room, Problem::Malformed))?,
        )
    } else {
        return Err(Invalid::new(Field::Room, Problem::Required).into());
    };
    st.store.claim_tag(actor, &tag, target).await?;
    Ok(Saved { url: tag.path() })
}
