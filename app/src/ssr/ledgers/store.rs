//! What the ledger exports and the closing of periods ask of a database. Each database implements it beside its SQL
//! (`ssr/sql/ledgers.rs`).

use crate::domain::RoomKind;
use crate::error::AppResult;
use crate::inspections::Inspection;
use crate::ledgers::closing::{Closing, OpenItem};
use crate::ledgers::inspections::CheckedThing;
use crate::ledgers::register::RegisterEntry;
use crate::ledgers::repairs::RepairEntry;
use crate::model::Named;
use crate::ssr::ledgers::period::Period;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

#[async_trait]
pub trait LedgerStore: Send + Sync {
    /// The register's assets in asset-code order: up to `limit` of them after the code `after`
    /// (from the first when none), so that a register of any size is written a page at a time.
    async fn register_entries(
        &self,
        after: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<RegisterEntry>>;
    /// The damage reports and repair tickets opened in `[start, end)`, oldest first, with the
    /// days they were repaired and accepted.
    async fn repair_entries(
        &self,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<RepairEntry>>;
    /// What a checklist covers: the assets of `categories` still in use (or under repair) and
    /// the rooms of `kinds`, by building and room.
    async fn checked_things(
        &self,
        categories: &[String],
        kinds: &[RoomKind],
    ) -> AppResult<Vec<CheckedThing>>;
    /// The inspections in `[start, end)` with any version of the checklist `key`.
    async fn checklist_inspections(
        &self,
        key: &str,
        start: DateTime<Utc>,
        end: DateTime<Utc>,
    ) -> AppResult<Vec<Inspection>>;
}

/// A period to close: which ledger, what is open in it, the checksum of its CSV.
pub struct NewClosing {
    pub id: Uuid,
    pub ledger: String,
    pub period: Period,
    pub open_items: Vec<OpenItem>,
    pub sha256: String,
}

/// Closing periods (周周清、月月清), and who answers for a duty.
#[async_trait]
pub trait ClosingStore: Send + Sync {
    /// Whoever the 分工 table names for `duty`; the first asset manager when it names nobody.
    async fn duty_holder(&self, duty: &str) -> AppResult<Option<Named>>;
    /// Every closing of `period` (`2026-12`), in force or reopened, oldest first.
    async fn closings_of(&self, period: &str) -> AppResult<Vec<Closing>>;
    /// The closing of `ledger` for `period` that is in force, if any.
    async fn closing_in_force(&self, ledger: &str, period: &str) -> AppResult<Option<Closing>>;
    /// Closes a period, with history; refused when a closing of it is in force.
    async fn close_period(&self, actor: Actor, closing: NewClosing) -> AppResult<Closing>;
    /// Reopens a closed period with the admin's reason, with history.
    async fn reopen_period(&self, actor: Actor, id: Uuid, reason: String) -> AppResult<Closing>;
}
