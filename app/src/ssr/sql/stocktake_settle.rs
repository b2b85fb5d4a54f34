//! How a finished stocktake's differences were settled, with the asset's own change (a move, a
//! write-off) in the same transaction.

use super::history::record;
use super::register::asset_in;
use super::rows::{get, person};
use super::stocktake::count;
use super::SqlStore;
use crate::domain::Field;
use crate::error::{AppError, AppResult};
use crate::ssr::clock::school_time;
use crate::ssr::db::{query, Query, Tx};
use crate::ssr::stocktake::store::{SettlementDraft, SettlementStore};
use crate::ssr::store::{Actor, Entity};
use crate::stocktake::settle::{SettleKind, SettleState, Settlement};
use chrono::Utc;
use uuid::Uuid;

/// Runs `update` on one asset inside a settlement and writes the asset's history as any edit of
/// it does: the whole record before and after.
async fn change_asset(tx: &mut Tx, actor: Actor, id: Uuid, update: Query) -> AppResult<()> {
    let before = asset_in(tx, id).await?.ok_or(AppError::NotFound)?;
    update.execute(&mut **tx).await?;
    let after = asset_in(tx, id).await?.ok_or(AppError::NotFound)?;
    record(
        tx,
        actor,
        Entity::Asset,
        id,
        "update",
        Some(&before),
        Some(&after),
    )
    .await
}

/// A batch record takes the number counted; its value follows at the same unit price (fen,
/// rounded down).
async fn recount(tx: &mut Tx, actor: Actor, asset: Uuid, counted: u32) -> AppResult<()> {
    let update = query(
        "UPDATE assets SET value_fen = value_fen * $1 / quantity, quantity = $1 \
         WHERE id = $2 AND school_id = $school",
    )
    .bind(i64::from(counted))
    .bind(asset);
    change_asset(tx, actor, asset, update).await
}

#[async_trait::async_trait]
impl SettlementStore for SqlStore {
    async fn settle(&self, actor: Actor, d: SettlementDraft) -> AppResult<()> {
        let mut tx = self.write().await?;
        let by = actor.0.ok_or(AppError::Unauthorized)?;
        let state = d.state;
        let done = query(
            "INSERT INTO stocktake_settlements (id, stocktake_id, asset_id, kind, state, room_id, \
             quantity, settled_by, settled_at, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $school) ON CONFLICT DO NOTHING",
        )
        .bind(d.id)
        .bind(d.stocktake_id)
        .bind(d.asset_id)
        .bind(d.kind.code())
        .bind(state.code())
        .bind(d.room_id)
        .bind(d.quantity.map(i64::from))
        .bind(by)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::Conflict {
                field: Field::Target,
            });
        }
        match (d.kind, d.room_id, d.quantity) {
            (SettleKind::Move, Some(room), _) => {
                let update =
                    query("UPDATE assets SET room_id = $1 WHERE id = $2 AND school_id = $school")
                        .bind(room)
                        .bind(d.asset_id);
                change_asset(&mut tx, actor, d.asset_id, update).await?;
            }
            (SettleKind::Recount, _, Some(counted)) if state == SettleState::Done => {
                recount(&mut tx, actor, d.asset_id, counted).await?;
            }
            _ => {}
        }
        let after = serde_json::json!({
            "settlement": d.id, "kind": d.kind.code(), "state": state.code(), "asset": d.asset_id,
            "room": d.room_id, "quantity": d.quantity,
        });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            d.stocktake_id,
            "settle",
            None,
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn settlements(&self, stocktake: Uuid) -> AppResult<Vec<Settlement>> {
        let rows = query(
            "SELECT x.id, x.kind, x.state, x.asset_id, x.room_id, x.quantity, x.settled_by, \
             u.display_name, \
             x.settled_at FROM stocktake_settlements x JOIN users u ON u.id = x.settled_by \
             WHERE x.stocktake_id = $1 AND x.school_id = $school ORDER BY x.settled_at, x.id",
        )
        .bind(stocktake)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                let kind: String = get(r, "kind")?;
                let state: String = get(r, "state")?;
                Ok(Settlement {
                    id: get(r, "id")?,
                    kind: SettleKind::parse(&kind).ok_or_else(|| AppError::internal("kind"))?,
                    state: SettleState::parse(&state).ok_or_else(|| AppError::internal("state"))?,
                    asset_id: get(r, "asset_id")?,
                    room_id: get(r, "room_id")?,
                    quantity: count(r, "quantity")?,
                    by: person(r, "settled_by", "display_name")?,
                    at: school_time(get(r, "settled_at")?),
                })
            })
            .collect()
    }

    async fn decide_write_off(
        &self,
        actor: Actor,
        stocktake: Uuid,
        settlement: Uuid,
        approve: bool,
    ) -> AppResult<bool> {
        let mut tx = self.write().await?;
        let state = if approve {
            SettleState::Done
        } else {
            SettleState::Rejected
        };
        let decided = query(
            "UPDATE stocktake_settlements SET state = $1, decided_by = $2, decided_at = $3 \
             WHERE id = $4 AND stocktake_id = $5 AND kind IN ('write_off', 'recount') \
             AND state = 'pending' AND school_id = $school RETURNING asset_id, kind, quantity",
        )
        .bind(state.code())
        .bind(actor.0)
        .bind(Utc::now())
        .bind(settlement)
        .bind(stocktake)
        .fetch_optional(&mut *tx)
        .await?;
        let Some(row) = decided else { return Ok(false) };
        let asset: Uuid = get(&row, "asset_id")?;
        let kind: String = get(&row, "kind")?;
        match (approve, SettleKind::parse(&kind), count(&row, "quantity")?) {
            (false, _, _) => {}
            (true, Some(SettleKind::Recount), Some(counted)) => {
                recount(&mut tx, actor, asset, counted).await?;
            }
            (true, Some(SettleKind::WriteOff), _) => {
                let update = query(
                    "UPDATE assets SET status = 'lost' WHERE id = $1 AND school_id = $school",
                )
                .bind(asset);
                change_asset(&mut tx, actor, asset, update).await?;
            }
            (true, _, _) => return Err(AppError::internal("a pending settlement of no kind")),
        }
        let after = serde_json::json!({ "settlement": settlement, "state": state.code() });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "write_off",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
