//! What each record page shows, loaded in one call.

use crate::error::AppError;
use crate::model::{Asset, HistoryEntry, Named, Page, Responsibility, Room};
use crate::rounds::standing::Standing;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

/// How much history a record page shows.
pub const HISTORY_ON_PAGE: i64 = 20;

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct HomeView {
    pub school: String,
    pub rooms: Vec<Room>,
    pub duties: Vec<Responsibility>,
    /// The dashboard's small version, for whoever does rounds.
    pub brief: Option<crate::dashboard::Brief>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoomView {
    pub room: Room,
    pub assets: Page<Asset>,
    pub standing: Standing,
    pub history: Vec<HistoryEntry>,
    pub can_edit: bool,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetView {
    pub asset: Asset,
    pub standing: Standing,
    pub history: Vec<HistoryEntry>,
    pub can_edit: bool,
}

/// What a scanned tag opens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum TagView {
    Room(Box<RoomView>),
    Asset(Box<AssetView>),
    /// A shelf of the supplies store, with what is on it.
    Shelf(Box<super::supplies::ShelfView>),
    /// A key of the key cabinet, with its loans and what the asker may do.
    Key(Box<super::keys::KeyView>),
    /// A blank tag; managers get the rooms to link it to.
    Unassigned {
        code: String,
        claim_rooms: Option<Vec<Named>>,
    },
    Unknown {
        code: String,
    },
    /// Another school's tag: the asker sees only whose it is.
    OtherSchool {
        code: String,
        school: String,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SearchView {
    pub rooms: Page<Room>,
    pub assets: Page<Asset>,
}

#[server(prefix = "/sf", endpoint = "home")]
pub async fn home_data() -> Result<HomeView, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let v = visitor();
    let me = v.signed_in()?;
    let st = state()?;
    let school = st.school(&v)?;
    Ok(HomeView {
        school: school.school_name().await?,
        rooms: school.rooms_of_custodian(me.id).await?,
        duties: school.responsibilities_of(me.id).await?,
        brief: crate::ssr::dashboard::brief(&st, &v).await?,
    })
}

#[cfg(feature = "ssr")]
async fn room_view(
    st: &crate::ssr::state::AppState,
    v: &crate::ssr::visitor::Visitor,
    id: uuid::Uuid,
) -> Result<RoomView, AppError> {
    use crate::model::ListQuery;
    use crate::ssr::store::Entity;
    let me = v.signed_in()?;
    let school = st.school(v)?;
    let room = school.get_room(id).await?.ok_or(AppError::NotFound)?;
    let query = ListQuery {
        limit: Some(ListQuery::MAX_LIMIT),
        ..Default::default()
    };
    let fit = crate::inspections::Fit::RoomKind(room.kind);
    let subject = crate::inspections::Subject::Room(id);
    Ok(RoomView {
        assets: school.list_assets(&query, Some(id)).await?,
        standing: crate::ssr::rounds::standing::standing(school.as_ref(), me, subject, fit, true)
            .await?,
        history: school
            .history(
                Entity::Room,
                id,
                crate::model::Paging::first(HISTORY_ON_PAGE),
            )
            .await?,
        can_edit: me.role.manages_register(),
        room,
    })
}

#[cfg(feature = "ssr")]
async fn asset_view(
    st: &crate::ssr::state::AppState,
    v: &crate::ssr::visitor::Visitor,
    id: uuid::Uuid,
) -> Result<AssetView, AppError> {
    use crate::ssr::store::Entity;
    let school = st.school(v)?;
    let asset = school.get_asset(id).await?.ok_or(AppError::NotFound)?;
    let history = school
        .history(
            Entity::Asset,
            id,
            crate::model::Paging::first(HISTORY_ON_PAGE),
        )
        .await?;
    asset_view_of(school.as_ref(), v.signed_in()?, asset, history).await
}

/// An asset's page from its record and history, with where it stands.
#[cfg(feature = "ssr")]
async fn asset_view_of(
    school: &dyn crate::ssr::store::Store,
    me: &crate::model::User,
    asset: Asset,
    history: Vec<HistoryEntry>,
) -> Result<AssetView, AppError> {
    use crate::inspections::{Fit, Subject};
    let fit = Fit::Category(asset.category.clone());
    let subject = Subject::Asset(asset.id);
    let in_service = asset.status.in_service();
    Ok(AssetView {
        standing: crate::ssr::rounds::standing::standing(school, me, subject, fit, in_service)
            .await?,
        history,
        can_edit: me.role.manages_register(),
        asset,
    })
}

#[server(prefix = "/sf", endpoint = "room")]
pub async fn room_page(id: String) -> Result<RoomView, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let v = visitor();
    v.signed_in()?;
    room_view(&state()?, &v, super::parse_id(&id)?).await
}

#[server(prefix = "/sf", endpoint = "asset")]
pub async fn asset_page(id: String) -> Result<AssetView, AppError> {
    use crate::ssr::visitor::{state, visitor};
    let v = visitor();
    v.signed_in()?;
    asset_view(&state()?, &v, super::parse_id(&id)?).await
}

#[server(prefix = "/sf", endpoint = "tag")]
pub async fn tag_page(code: String) -> Result<TagView, AppError> {
    use crate::domain::TagCode;
    use crate::model::TagTarget;
    use crate::ssr::visitor::{state, visitor};
    let (v, st) = (visitor(), state()?);
    let me = v.signed_in()?;
    let school = st.school(&v)?;
    let Ok(tag) = TagCode::parse(&code) else {
        return Ok(TagView::Unknown { code });
    };
    if let Some((asset, history)) = school.scan_asset(&tag, HISTORY_ON_PAGE).await? {
        let view = asset_view_of(school.as_ref(), me, asset, history).await?;
        return Ok(TagView::Asset(Box::new(view)));
    }
    Ok(match school.resolve_tag(&tag).await? {
        None => match st.district.tag_school(&tag).await? {
            Some(school) => TagView::OtherSchool {
                code: tag.to_string(),
                school: school.name,
            },
            None => TagView::Unknown {
                code: tag.to_string(),
            },
        },
        Some(TagTarget::Room(id)) => TagView::Room(Box::new(room_view(&st, &v, id).await?)),
        Some(TagTarget::Asset(id)) => TagView::Asset(Box::new(asset_view(&st, &v, id).await?)),
        Some(TagTarget::Shelf(id)) => {
            TagView::Shelf(Box::new(super::supplies::shelf_view(&st, &v, id).await?))
        }
        Some(TagTarget::Key(id)) => {
            TagView::Key(Box::new(super::keys::key_view(&st, &v, id).await?))
        }
        Some(TagTarget::Unassigned) => {
            let claim_rooms = if me.role.manages_register() {
                Some(school.room_choices().await?)
            } else {
                None
            };
            TagView::Unassigned {
                code: tag.to_string(),
                claim_rooms,
            }
        }
    })
}

#[server(prefix = "/sf", endpoint = "search")]
pub async fn search(q: String, offset: i64) -> Result<SearchView, AppError> {
    use crate::model::ListQuery;
    use crate::ssr::visitor::{state, visitor};
    let v = visitor();
    let st = state()?;
    let school = st.school(&v)?;
    let query = ListQuery {
        q: Some(q),
        limit: Some(30),
        offset: Some(offset),
    };
    Ok(SearchView {
        rooms: school.list_rooms(&query).await?,
        assets: school.list_assets(&query, None).await?,
    })
}
