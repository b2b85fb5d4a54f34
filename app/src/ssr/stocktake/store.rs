//! What stocktakes ask of a database: starting one (the expected list frozen in the same
//! transaction), the rooms and who counts them, scans counted once per tag, finishing. Each
//! database implements it beside its SQL (`ssr/sql/stocktake.rs`).

use crate::error::AppResult;
use crate::model::{Named, Paging};
use crate::ssr::store::Actor;
use crate::stocktake::report::DamageNote;
use crate::stocktake::settle::{SettleKind, SettleState, Settlement};
use crate::stocktake::{ExpectedAsset, Scan, ScanClass, StocktakeHead, StocktakeScope};
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A checked stocktake, ready to start.
pub struct StocktakeDraft {
    pub id: Uuid,
    pub name: String,
    pub scope: StocktakeScope,
    pub participants: Vec<Uuid>,
    pub due: Option<String>,
}

/// A room of a stocktake as stored: names as they were at the start, who counts it now.
pub struct RoomRow {
    pub room_id: Uuid,
    pub building: String,
    pub room: String,
    pub tag: Option<String>,
    pub counter: Option<Named>,
}

/// A classified scan, ready to record.
pub struct ScanDraft {
    pub id: Uuid,
    pub stocktake_id: Uuid,
    pub room_id: Uuid,
    pub code: String,
    pub asset_id: Option<Uuid>,
    pub class: ScanClass,
    pub scanned_at: DateTime<Utc>,
    /// How many of a batch record were counted (none: all).
    pub counted: Option<u32>,
}

/// A checked settlement, ready to record.
pub struct SettlementDraft {
    pub id: Uuid,
    pub stocktake_id: Uuid,
    pub asset_id: Uuid,
    pub kind: SettleKind,
    pub state: SettleState,
    /// Where a moved asset goes.
    pub room_id: Option<Uuid>,
    /// The quantity a recount sets.
    pub quantity: Option<u32>,
}

/// What recording a scan did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Recorded {
    /// Stored now, as this class (a repeat when someone counted the tag first).
    New(ScanClass),
    /// A scan with this id was stored before; nothing changed.
    Duplicate,
}

#[async_trait]
pub trait StocktakeStore: Send + Sync {
    /// Starts a stocktake: the rooms and the assets in scope (retired ones left out) as they
    /// are now, with history, in one transaction.
    async fn start_stocktake(&self, actor: Actor, draft: StocktakeDraft) -> AppResult<()>;
    /// Newest first.
    /// The school's stocktakes, newest first.
    async fn stocktakes(&self, paging: Paging) -> AppResult<Vec<StocktakeHead>>;
    async fn stocktake(&self, id: Uuid) -> AppResult<Option<StocktakeHead>>;
    async fn stocktake_rooms(&self, id: Uuid) -> AppResult<Vec<RoomRow>>;
    /// Whether `room` is one of the stocktake's rooms.
    async fn stocktake_has_room(&self, id: Uuid, room: Uuid) -> AppResult<bool>;
    async fn expected_assets(&self, id: Uuid) -> AppResult<Vec<ExpectedAsset>>;
    /// The expected asset that carries `tag`, if any.
    async fn expected_by_tag(&self, id: Uuid, tag: &str) -> AppResult<Option<ExpectedAsset>>;
    /// Every scan, undone ones too, oldest first.
    async fn scans(&self, id: Uuid, paging: Paging) -> AppResult<Vec<Scan>>;
    /// The damage reports filed on the stocktake's expected assets while it was counting,
    /// oldest first.
    async fn damage_notes(&self, id: Uuid) -> AppResult<Vec<DamageNote>>;
    /// Records a scan once (its id is the key); a second live scan of the same code in the
    /// stocktake is stored as a repeat.
    async fn record_scan(&self, actor: Actor, scan: ScanDraft) -> AppResult<Recorded>;
    /// Takes back a scan of this stocktake; false when there is none to take back.
    async fn undo_scan(&self, actor: Actor, stocktake: Uuid, scan: Uuid) -> AppResult<bool>;
    /// The actor counts `room` from now on.
    async fn claim_room(&self, actor: Actor, stocktake: Uuid, room: Uuid) -> AppResult<()>;
    /// Counting ends; false when it had ended already.
    async fn finish_stocktake(&self, actor: Actor, id: Uuid) -> AppResult<bool>;
}

/// Who counts on a phone that may hold scans not yet synced (the page opens it, the phone or
/// a manager hands it in); a stocktake does not finish while one is open.
#[async_trait]
pub trait CountingStore: Send + Sync {
    /// The actor counts from now on; false when they were counting already.
    async fn start_counting(&self, actor: Actor, stocktake: Uuid) -> AppResult<bool>;
    /// `user`'s phone handed in; false when they were not counting.
    async fn hand_in(&self, actor: Actor, stocktake: Uuid, user: Uuid) -> AppResult<bool>;
    /// Who is counting and has not handed in, by name.
    async fn still_counting(&self, stocktake: Uuid) -> AppResult<Vec<Named>>;
}

/// How a finished stocktake's differences were settled.
#[async_trait]
pub trait SettlementStore: Send + Sync {
    /// Records how a difference is settled, and when it is done at once changes the asset (a
    /// move puts it in its room, a recount sets its quantity and value), with history, in one
    /// transaction; a difference settled already is a conflict.
    async fn settle(&self, actor: Actor, draft: SettlementDraft) -> AppResult<()>;
    async fn settlements(&self, stocktake: Uuid) -> AppResult<Vec<Settlement>>;
    /// The admin's decision on a pending write-off or recount: approved, the asset becomes
    /// lost or takes the number counted. False when no such settlement is pending.
    async fn decide_write_off(
        &self,
        actor: Actor,
        stocktake: Uuid,
        settlement: Uuid,
        approve: bool,
    ) -> AppResult<bool>;
}
