//! What the register asks of a database: buildings, rooms, assets and their tags. Each database
//! implements it beside its SQL (`ssr/sqlite/register.rs`).

use crate::domain::TagCode;
use crate::error::AppResult;
use crate::forms::{AssetFields, RoomFields};
use crate::model::{Asset, Building, HistoryEntry, ListQuery, Named, Page, Room, TagTarget};
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// Buildings, rooms, assets and the tags linked to them.
#[async_trait]
pub trait RegisterStore: Send + Sync {
    async fn list_buildings(&self) -> AppResult<Vec<Building>>;
    async fn create_building(&self, actor: Actor, name: &str) -> AppResult<Building>;
    async fn rename_building(&self, actor: Actor, id: Uuid, name: &str) -> AppResult<Building>;
    async fn list_rooms(&self, query: &ListQuery) -> AppResult<Page<Room>>;
    /// Every room as "building · room", for pickers (all of them, unlike the paged list).
    async fn room_choices(&self) -> AppResult<Vec<Named>>;
    async fn rooms_of_custodian(&self, user_id: Uuid) -> AppResult<Vec<Room>>;
    async fn get_room(&self, id: Uuid) -> AppResult<Option<Room>>;
    /// Creates the room with `tag` linked, or with a fresh tag.
    async fn create_room(
        &self,
        actor: Actor,
        room: RoomFields,
        tag: Option<TagCode>,
    ) -> AppResult<Room>;
    async fn update_room(&self, actor: Actor, id: Uuid, room: RoomFields) -> AppResult<Room>;
    async fn list_assets(&self, query: &ListQuery, room: Option<Uuid>) -> AppResult<Page<Asset>>;
    async fn get_asset(&self, id: Uuid) -> AppResult<Option<Asset>>;
    async fn find_asset_by_code(&self, code: &str) -> AppResult<Option<Asset>>;
    /// The asset a tag is linked to with its newest `history` entries: the common case of a
    /// scan, in one round trip where the database allows.
    async fn scan_asset(
        &self,
        code: &TagCode,
        history: i64,
    ) -> AppResult<Option<(Asset, Vec<HistoryEntry>)>>;
    /// Creates the asset with `tag` linked, or with a fresh tag.
    async fn create_asset(
        &self,
        actor: Actor,
        asset: AssetFields,
        tag: Option<TagCode>,
    ) -> AppResult<Asset>;
    async fn update_asset(&self, actor: Actor, id: Uuid, asset: AssetFields) -> AppResult<Asset>;
    async fn resolve_tag(&self, code: &TagCode) -> AppResult<Option<TagTarget>>;
    /// Links an unassigned tag; a room or asset that had a tag before gives it up.
    async fn claim_tag(&self, actor: Actor, code: &TagCode, target: TagTarget) -> AppResult<()>;
    /// The asset categories in use, for pickers.
    async fn categories(&self) -> AppResult<Vec<String>>;
}
