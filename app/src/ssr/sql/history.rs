//! The append-only history: written inside the caller's transaction, read newest first.

use super::SqlStore;
use crate::error::{AppError, AppResult};
use crate::model::{HistoryEntry, Named, Paging};
use crate::ssr::clock::school_time;
use crate::ssr::db::{query, Arg, Dialect, Tx};
use crate::ssr::store::HistoryStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use serde::Serialize;
use uuid::Uuid;

/// Appends one history row in the same transaction as the change it records, in the history of
/// the school the transaction is for (the district's own history when none).
pub(super) async fn record<T: Serialize>(
    tx: &mut Tx,
    actor: Actor,
    entity: Entity,
    entity_id: Uuid,
    action: &str,
    before: Option<&T>,
    after: Option<&T>,
) -> AppResult<()> {
    let json = |v: Option<&T>| match v {
        Some(v) => Arg::json(v).map_err(AppError::internal),
        None => Ok(Arg::Json(None)),
    };
    query(
        "INSERT INTO history (id, at, actor_id, entity, entity_id, action, before, after, school_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $school)",
    )
    .bind(Uuid::now_v7())
    .bind(Utc::now())
    .bind(actor.0)
    .bind(entity.code())
    .bind(entity_id)
    .bind(action)
    .bind(json(before)?)
    .bind(json(after)?)
    .execute(&mut **tx)
    .await?;
    Ok(())
}

/// A change to one record: its id, what it was (none when created) and what it is now.
pub(super) type Change = (Uuid, Option<serde_json::Value>, serde_json::Value);

/// Ends a create (no `before`) or an update: appends its history row and commits both.
pub(super) async fn commit_with_history<T: Serialize>(
    mut tx: Tx,
    actor: Actor,
    entity: Entity,
    id: Uuid,
    before: Option<&T>,
    after: T,
) -> AppResult<T> {
    let action = if before.is_some() { "update" } else { "create" };
    record(&mut tx, actor, entity, id, action, before, Some(&after)).await?;
    tx.commit().await?;
    Ok(after)
}

/// A column expression with an asset's newest history rows as one JSON array (`$2` rows), so a
/// scan needs one query instead of two.
pub(super) fn asset_history_json(d: Dialect) -> String {
    let entry = d.json_object(&format!(
        "'id', {}, 'at', {}, 'action', h.action, 'before', {}, 'after', {}, \
         'actor_id', {}, 'actor_name', u.display_name",
        d.id_text("h.id"),
        d.time_text("h.at"),
        d.json_doc("h.before"),
        d.json_doc("h.after"),
        d.id_text("u.id"),
    ));
    format!(
        "(SELECT {} FROM (SELECT * FROM history WHERE entity = 'asset' AND entity_id = a.id \
         ORDER BY id DESC LIMIT $2) h LEFT JOIN users u ON u.id = h.actor_id) AS history_json",
        d.json_array(&entry)
    )
}

#[derive(serde::Deserialize)]
struct JsonRow {
    id: Uuid,
    at: String,
    action: String,
    before: Option<serde_json::Value>,
    after: Option<serde_json::Value>,
    actor_id: Option<Uuid>,
    actor_name: Option<String>,
}

/// Reads [`asset_history_json`] back into entries.
pub(super) fn history_from_json(
    text: &str,
    entity: Entity,
    entity_id: Uuid,
) -> AppResult<Vec<HistoryEntry>> {
    let rows: Vec<JsonRow> = serde_json::from_str(text).map_err(AppError::internal)?;
    Ok(rows
        .into_iter()
        .map(|r| HistoryEntry {
            id: r.id,
            at: school_time(r.at),
            actor: r
                .actor_id
                .zip(r.actor_name)
                .map(|(id, name)| Named { id, name }),
            entity: entity.code().into(),
            entity_id,
            action: r.action,
            before: r.before,
            after: r.after,
        })
        .collect())
}

#[async_trait::async_trait]
impl HistoryStore for SqlStore {
    async fn history(
        &self,
        entity: Entity,
        id: Uuid,
        paging: Paging,
    ) -> AppResult<Vec<HistoryEntry>> {
        let rows = query(
            "SELECT h.id, h.at, h.entity, h.entity_id, h.action, h.before, h.after, u.id AS a_id, \
             u.display_name AS a_name FROM history h LEFT JOIN users u ON u.id = h.actor_id \
             WHERE h.entity = $1 AND h.entity_id = $2 AND h.school_id IS NOT DISTINCT FROM $school \
             ORDER BY h.id DESC LIMIT $3 OFFSET $4",
        )
        .bind(entity.code())
        .bind(id)
        .bind(paging.limit)
        .bind(paging.offset)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|row| {
                let get = |e: sqlx::Error| AppError::internal(e);
                let at = school_time(row.try_get("at").map_err(get)?);
                let json = |col: &str| -> AppResult<Option<serde_json::Value>> {
                    let text: Option<String> = row.try_get(col).map_err(get)?;
                    Ok(text.and_then(|t| serde_json::from_str(&t).ok()))
                };
                let actor_id: Option<Uuid> = row.try_get("a_id").map_err(get)?;
                let actor_name: Option<String> = row.try_get("a_name").map_err(get)?;
                Ok(HistoryEntry {
                    id: row.try_get("id").map_err(get)?,
                    at,
                    actor: actor_id
                        .zip(actor_name)
                        .map(|(id, name)| Named { id, name }),
                    entity: row.try_get("entity").map_err(get)?,
                    entity_id: row.try_get("entity_id").map_err(get)?,
                    action: row.try_get("action").map_err(get)?,
                    before: json("before")?,
                    after: json("after")?,
                })
            })
            .collect()
    }
}
