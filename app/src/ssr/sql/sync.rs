//! Records from the phones' offline queues: each applied once under the id the phone made,
//! with what changed meanwhile kept beside it as a conflict for a manager.

use super::damage::open_report;
use super::history::record;
use super::inspections::insert_inspection;
use super::SqlStore;
use crate::domain::Field;
use crate::error::{AppError, AppResult};
use crate::inspections::Source;
use crate::model::{Named, Paging};
use crate::rounds::sync::{ConflictReason, RecordKind, SyncConflict};
use crate::ssr::clock::school_time;
use crate::ssr::db::{query, query_scalar, Arg, Tx};
use crate::ssr::store::{Actor, Entity};
use crate::ssr::sync::store::SyncStore;
use crate::ssr::sync::store::{Applied, SyncedRecord};
use chrono::Utc;
use uuid::Uuid;

fn table(kind: RecordKind) -> &'static str {
    match kind {
        RecordKind::Inspection => "SELECT inspector_id FROM inspections WHERE id = $1",
        RecordKind::DamageReport => "SELECT reporter_id FROM damage_reports WHERE id = $1",
        RecordKind::StocktakeScan => "SELECT scanned_by FROM stocktake_scans WHERE id = $1",
    }
}

/// Who stored the record with this id, if one is stored.
async fn stored_by(tx: &mut Tx, kind: RecordKind, id: Uuid) -> AppResult<Option<Uuid>> {
    query_scalar(table(kind))
        .bind(id)
        .fetch_optional(&mut **tx)
        .await
        .map_err(AppError::internal)
}

const CONFLICT_SELECT: &str = "SELECT c.id, c.record_kind, c.record_id, c.reasons, c.received_at, \
    c.resolved_at, u.id AS u_id, u.display_name AS u_name, ru.id AS ru_id, ru.display_name AS ru_name, \
    COALESCE(i.asset_id, d.asset_id) AS asset_id, COALESCE(i.room_id, d.room_id) AS room_id, \
    a.name AS a_name, a.asset_code, r.name AS r_name, b.name AS b_name \
    FROM sync_conflicts c JOIN users u ON u.id = c.user_id LEFT JOIN users ru ON ru.id = c.resolved_by \
    LEFT JOIN inspections i ON c.record_kind = 'inspection' AND i.id = c.record_id \
    LEFT JOIN damage_reports d ON c.record_kind = 'damage_report' AND d.id = c.record_id \
    LEFT JOIN assets a ON a.id = COALESCE(i.asset_id, d.asset_id) \
    LEFT JOIN rooms r ON r.id = COALESCE(i.room_id, d.room_id) \
    LEFT JOIN buildings b ON b.id = r.building_id WHERE c.school_id = $school";

#[async_trait::async_trait]
impl SyncStore for SqlStore {
    async fn synced(&self, kind: RecordKind, id: Uuid) -> AppResult<bool> {
        let found: Option<Uuid> = query_scalar(table(kind))
            .bind(id)
            .fetch_optional(&self.db)
            .await?;
        Ok(found.is_some())
    }

    async fn apply_synced(
        &self,
        actor: Actor,
        rec: SyncedRecord,
        conflicts: Vec<ConflictReason>,
    ) -> AppResult<Applied> {
        let user = actor.0.ok_or(AppError::Unauthorized)?;
        let (kind, id, subject) = match &rec {
            SyncedRecord::Inspection(i) => (RecordKind::Inspection, i.id, i.subject),
            SyncedRecord::DamageReport(d) => (RecordKind::DamageReport, d.id, d.subject),
        };
        // The write lock is taken up front, so two batches carrying the same record apply it
        // one after the other and the second finds it stored.
        let mut tx = self.write().await?;
        match stored_by(&mut tx, kind, id).await? {
            Some(by) if by == user => return Ok(Applied::Duplicate),
            Some(_) => return Err(AppError::Conflict { field: Field::Body }),
            None => {}
        }
        let inserted = match &rec {
            SyncedRecord::Inspection(i) => insert_inspection(&mut tx, actor, i).await,
            SyncedRecord::DamageReport(d) => {
                open_report(&mut tx, actor, d.id, Source::Report, None, d)
                    .await
                    .map(|()| 0)
            }
        };
        let tickets = match inserted {
            Ok(tickets) => tickets,
            // A database that does not serialise writers (PostgreSQL) lets a concurrent batch
            // insert the same id first: its unique key refuses this one, which is then a resend.
            Err(AppError::Conflict { .. }) => {
                drop(tx);
                return match self.synced(kind, id).await? {
                    true => Ok(Applied::Duplicate),
                    false => Err(AppError::Conflict { field: Field::Body }),
                };
            }
            Err(e) => return Err(e),
        };
        if !conflicts.is_empty() {
            let conflict = Uuid::now_v7();
            let reasons = Arg::json(&conflicts).map_err(AppError::internal)?;
            query(
                "INSERT INTO sync_conflicts (id, record_kind, record_id, reasons, user_id, received_at, \
                 school_id) VALUES ($1, $2, $3, $4, $5, $6, $school)",
            )
            .bind(conflict)
            .bind(kind.code())
            .bind(id)
            .bind(&reasons)
            .bind(user)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
            let after = serde_json::json!({
                "record": kind.code(), "id": id, "reasons": conflicts,
                "subject": subject,
            });
            record(
                &mut tx,
                actor,
                Entity::SyncConflict,
                conflict,
                "create",
                None,
                Some(&after),
            )
            .await?;
        }
        tx.commit().await?;
        Ok(Applied::New { tickets })
    }

    async fn sync_conflicts(
        &self,
        open_only: bool,
        paging: Paging,
    ) -> AppResult<Vec<SyncConflict>> {
        let filter = if open_only {
            "AND c.resolved_at IS NULL"
        } else {
            ""
        };
        let sql = format!(
            "{CONFLICT_SELECT} {filter} ORDER BY c.received_at DESC, c.id DESC LIMIT $1 OFFSET $2"
        );
        let rows = query(&sql)
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        rows.iter()
            .map(|row| {
                let get = |e: sqlx::Error| AppError::internal(e);
                let kind: String = row.try_get("record_kind").map_err(get)?;
                let kind = match kind.as_str() {
                    "inspection" => RecordKind::Inspection,
                    _ => RecordKind::DamageReport,
                };
                let asset: Option<Uuid> = row.try_get("asset_id").map_err(get)?;
                let room: Option<Uuid> = row.try_get("room_id").map_err(get)?;
                let text = |c: &str| -> AppResult<String> {
                    Ok(row
                        .try_get::<Option<String>, _>(c)
                        .map_err(get)?
                        .unwrap_or_default())
                };
                let (subject, subject_url) = match (asset, room) {
                    (Some(a), _) => (
                        format!("{} · {}", text("a_name")?, text("asset_code")?),
                        format!("/assets/{a}"),
                    ),
                    (None, Some(r)) => (
                        format!("{} · {}", text("b_name")?, text("r_name")?),
                        format!("/rooms/{r}"),
                    ),
                    _ => (String::new(), String::new()),
                };
                let reasons: String = row.try_get("reasons").map_err(get)?;
                let resolver: Option<Uuid> = row.try_get("ru_id").map_err(get)?;
                let resolved = match resolver {
                    Some(id) => Some((
                        Named {
                            id,
                            name: text("ru_name")?,
                        },
                        school_time(text("resolved_at")?),
                    )),
                    None => None,
                };
                Ok(SyncConflict {
                    id: row.try_get("id").map_err(get)?,
                    record_kind: kind,
                    record_id: row.try_get("record_id").map_err(get)?,
                    subject,
                    subject_url,
                    by: Named {
                        id: row.try_get("u_id").map_err(get)?,
                        name: row.try_get("u_name").map_err(get)?,
                    },
                    received_at: school_time(row.try_get("received_at").map_err(get)?),
                    reasons: serde_json::from_str(&reasons).map_err(AppError::internal)?,
                    resolved,
                })
            })
            .collect()
    }

    async fn resolve_conflict(&self, actor: Actor, id: Uuid) -> AppResult<()> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE sync_conflicts SET resolved_by = $1, resolved_at = $2 \
             WHERE id = $3 AND resolved_at IS NULL AND school_id = $school",
        )
        .bind(actor.0)
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Err(AppError::NotFound);
        }
        let after = serde_json::json!({ "resolved": true });
        record(
            &mut tx,
            actor,
            Entity::SyncConflict,
            id,
            "update",
            None,
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }
}
