//! What the ledger exports ask of a database. Each database implements it beside its SQL
//! (`ssr/sql/ledgers.rs`).

use crate::error::AppResult;
use crate::ledgers::register::RegisterEntry;
use async_trait::async_trait;

#[async_trait]
pub trait LedgerStore: Send + Sync {
    /// The register's assets in asset-code order: up to `limit` of them after the code `after`
    /// (from the first when none), so that a register of any size is written a page at a time.
    async fn register_entries(
        &self,
        after: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<RegisterEntry>>;
}
