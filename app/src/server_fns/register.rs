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
use crate::ssr::{register, state::AppState, visitor::Visitor};

#[cfg(feature = "ssr")]
fn asking() -> Result<(AppState, Visitor), AppError> {
    Ok((
        crate::ssr::visitor::state()?,
        crate::ssr::visitor::visitor(),
    ))
}

#[cfg(feature = "ssr")]
async fn people(st: &AppState, v: &Visitor) -> Result<Vec<Named>, AppError> {
    let users = st.school(v)?.list_users().await?;
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

#[server(prefix = "/sf", endpoint = "buildings")]
pub async fn buildings() -> Result<Vec<Building>, AppError> {
    let (st, v) = asking()?;
    register::buildings(&st, &v).await
}

#[server(prefix = "/sf", endpoint = "save_building")]
pub async fn save_building(id: String, name: String) -> Result<Saved, AppError> {
    let (st, v) = asking()?;
    register::save_building(&st, &v, editing(&id)?, &name).await?;
    Ok(Saved {
        url: "/manage/buildings".into(),
    })
}

#[server(prefix = "/sf", endpoint = "room_editor")]
pub async fn room_editor(id: String, tag: Option<String>) -> Result<RoomDraft, AppError> {
    let (st, v) = asking()?;
    register::writer(&v)?;
    let existing = editing(&id)?;
    let form = match existing {
        Some(id) => RoomForm::from(&register::room(&st, &v, id).await?),
        None => RoomForm {
            kind: "classroom".into(),
            ..Default::default()
        },
    };
    let buildings = register::buildings(&st, &v)
        .await?
        .into_iter()
        .map(|b| Named {
            id: b.id,
            name: b.name,
        })
        .collect();
    Ok(RoomDraft {
        id: existing.map(|i| i.to_string()),
        tag: register::blank_tag(tag.as_deref())?.map(|t| t.to_string()),
        form,
        buildings,
        people: people(&st, &v).await?,
    })
}

#[server(prefix = "/sf", endpoint = "save_room")]
pub async fn save_room(id: String, form: RoomForm, tag: Option<String>) -> Result<Saved, AppError> {
    let (st, v) = asking()?;
    let room = match editing(&id)? {
        Some(id) => register::update_room(&st, &v, id, |_| form).await?,
        None => {
            let tag = register::blank_tag(tag.as_deref())?;
            register::create_room(&st, &v, form, tag).await?
        }
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
    let (st, v) = asking()?;
    register::writer(&v)?;
    let existing = editing(&id)?;
    let form = match existing {
        Some(id) => AssetForm::from(&register::asset(&st, &v, id).await?),
        None => register::new_asset_form(room),
    };
    let rooms = st.school(&v)?.room_choices().await?;
    Ok(AssetDraft {
        id: existing.map(|i| i.to_string()),
        tag: register::blank_tag(tag.as_deref())?.map(|t| t.to_string()),
        form,
        rooms,
        people: people(&st, &v).await?,
    })
}

#[server(prefix = "/sf", endpoint = "save_asset")]
pub async fn save_asset(
    id: String,
    form: AssetForm,
    tag: Option<String>,
) -> Result<Saved, AppError> {
    let (st, v) = asking()?;
    let asset = match editing(&id)? {
        Some(id) => register::update_asset(&st, &v, id, |_| Ok(form)).await?,
        None => {
            let tag = register::blank_tag(tag.as_deref())?;
            register::create_asset(&st, &v, form, tag).await?
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
    let (st, v) = asking()?;
    let tag = register::claim_tag(&st, &v, &code, &room_id, &asset_code).await?;
    Ok(Saved { url: tag.path() })
}
