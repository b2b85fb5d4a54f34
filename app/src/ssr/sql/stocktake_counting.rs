//! Who is counting a stocktake on a phone, and who handed in, on either database.

use super::history::record;
use super::rows::get;
use super::SqlStore;
use crate::error::AppResult;
use crate::model::Named;
use crate::ssr::db::query;
use crate::ssr::stocktake::store::CountingStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

#[async_trait::async_trait]
impl CountingStore for SqlStore {
    async fn start_counting(&self, actor: Actor, stocktake: Uuid) -> AppResult<bool> {
        let mut tx = self.write().await?;
        let opened = query(
            "INSERT INTO stocktake_counters (stocktake_id, user_id, counting_since) VALUES ($1, $2, $3) \
             ON CONFLICT (stocktake_id, user_id) DO UPDATE SET counting_since = excluded.counting_since, \
             handed_in_at = NULL WHERE stocktake_counters.handed_in_at IS NOT NULL",
        )
        .bind(stocktake)
        .bind(actor.0)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if opened == 0 {
            return Ok(false);
        }
        let after = serde_json::json!({ "counting": actor.0 });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "start_counting",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn hand_in(&self, actor: Actor, stocktake: Uuid, user: Uuid) -> AppResult<bool> {
        let mut tx = self.write().await?;
        let closed = query(
            "UPDATE stocktake_counters SET handed_in_at = $1 WHERE stocktake_id = $2 AND user_id = $3 \
             AND handed_in_at IS NULL",
        )
        .bind(Utc::now())
        .bind(stocktake)
        .bind(user)
        .execute(&mut *tx)
        .await?
        .rows_affected();
        if closed == 0 {
            return Ok(false);
        }
        let after = serde_json::json!({ "handed_in": user });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "hand_in",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn still_counting(&self, stocktake: Uuid) -> AppResult<Vec<Named>> {
        let rows = query(
            "SELECT c.user_id, u.display_name FROM stocktake_counters c JOIN users u ON u.id = c.user_id \
             WHERE c.stocktake_id = $1 AND c.handed_in_at IS NULL ORDER BY u.display_name, c.user_id",
        )
        .bind(stocktake)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Named {
                    id: get(r, "user_id")?,
                    name: get(r, "display_name")?,
                })
            })
            .collect()
    }
}
