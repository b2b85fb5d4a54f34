//! The ledgers' reads: the register a page at a time.

use super::import::{asset_values, REGISTER_SELECT};
use super::rows::get;
use super::SqlStore;
use crate::error::AppResult;
use crate::ledgers::register::RegisterEntry;
use crate::ssr::db::query;
use crate::ssr::ledgers::store::LedgerStore;

#[async_trait::async_trait]
impl LedgerStore for SqlStore {
    async fn register_entries(
        &self,
        after: Option<&str>,
        limit: i64,
    ) -> AppResult<Vec<RegisterEntry>> {
        let sql = format!(
            "{REGISTER_SELECT} WHERE a.school_id = $school AND a.asset_code > $1 \
             ORDER BY a.asset_code LIMIT $2"
        );
        let rows = query(&sql)
            .bind(after.unwrap_or_default())
            .bind(limit)
            .fetch_all(&self.db)
            .await?;
        rows.iter()
            .map(|row| {
                Ok(RegisterEntry {
                    asset: asset_values(row)?.1,
                    building: get(row, "b_name")?,
                })
            })
            .collect()
    }
}
