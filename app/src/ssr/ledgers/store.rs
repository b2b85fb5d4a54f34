//! What the ledger exports ask of a database. Each database implements it beside its SQL
//! (`ssr/sql/ledgers.rs`).

use crate::domain::RoomKind;
use crate::error::AppResult;
use crate::inspections::Inspection;
use crate::ledgers::inspections::CheckedThing;
use crate::ledgers::register::RegisterEntry;
use crate::ledgers::repairs::RepairEntry;
use async_trait::async_trait;
use chrono::{DateTime, Utc};

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
