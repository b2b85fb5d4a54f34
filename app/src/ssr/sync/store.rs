//! What the offline sync asks of a database: applying a record exactly once, and the conflicts.
//! Each database implements it beside its SQL (`ssr/sqlite/sync.rs`).

use crate::error::AppResult;
use crate::model::Paging;
use crate::ssr::inspections::store::DamageDraft;
use crate::ssr::inspections::store::InspectionRecord;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// A record from the offline queue, checked, ready to apply once.
pub enum SyncedRecord {
    Inspection(InspectionRecord),
    DamageReport(DamageDraft),
}

/// What applying a synced record did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Applied {
    /// Stored now; an inspection's failed items opened this many tickets.
    New { tickets: usize },
    /// A record with this id was stored before (by this user); nothing changed.
    Duplicate,
}

/// Records from the offline queue, applied exactly once, and their conflicts.
#[async_trait]
pub trait SyncStore: Send + Sync {
    /// Whether a record with this id is stored already.
    async fn synced(&self, kind: crate::rounds::sync::RecordKind, id: Uuid) -> AppResult<bool>;
    /// Applies a record from the offline queue exactly once, with its conflicts, in one
    /// transaction.
    async fn apply_synced(
        &self,
        actor: Actor,
        record: SyncedRecord,
        conflicts: Vec<crate::rounds::sync::ConflictReason>,
    ) -> AppResult<Applied>;
    async fn sync_conflicts(
        &self,
        open_only: bool,
        paging: Paging,
    ) -> AppResult<Vec<crate::rounds::sync::SyncConflict>>;
    async fn resolve_conflict(&self, actor: Actor, id: Uuid) -> AppResult<()>;
}
