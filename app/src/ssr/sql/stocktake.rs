//! Stocktakes: the frozen expected list and rooms, scans counted once per tag, on either
//! database.

use super::checklists::json;
use super::history::record;
use super::rows::{get, named, person};
use super::SqlStore;
use crate::domain::{AssetStatus, Field, Invalid, Problem};
use crate::error::{AppError, AppResult};
use crate::model::{Named, Paging};
use crate::ssr::clock::school_time;
use crate::ssr::db::{query, QueryBuilder, Row};
use crate::ssr::stocktake::store::{Recorded, RoomRow, ScanDraft, StocktakeDraft, StocktakeStore};
use crate::ssr::store::{Actor, Entity};
use crate::stocktake::report::DamageNote;
use crate::stocktake::{
    ExpectedAsset, Scan, ScanClass, StocktakeHead, StocktakeScope, StocktakeStatus,
};
use chrono::Utc;
use uuid::Uuid;

const HEAD_SELECT: &str = "SELECT s.id, s.name, s.scope, s.due, s.status, s.started_at, \
    s.finished_at, s.started_by, u.display_name AS started_name FROM stocktakes s \
    LEFT JOIN users u ON u.id = s.started_by WHERE s.school_id = $school";

const EXPECTED_SELECT: &str = "SELECT e.asset_id, e.name, e.asset_code, e.category, e.tag, \
    e.room_id, e.status, e.custodian_id, e.custodian_name, e.quantity FROM stocktake_expected e \
    JOIN stocktakes s ON s.id = e.stocktake_id AND s.school_id = $school WHERE e.stocktake_id = $1";

/// A scan, stored only while its stocktake is counting and only once: a resend (its id) or a
/// second live scan of the same tag inserts nothing.
const INSERT_SCAN: &str =
    "INSERT INTO stocktake_scans (id, stocktake_id, room_id, code, asset_id, \
    class, scanned_by, scanned_at, recorded_at, counted, school_id) \
    SELECT $1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $school WHERE EXISTS \
    (SELECT 1 FROM stocktakes WHERE id = $2 AND status = 'counting' AND school_id = $school) \
    ON CONFLICT DO NOTHING";

/// Appends ` AND (col IN (…))` for a non-empty list; an empty one limits nothing.
fn push_in<T: Clone + Into<crate::ssr::db::Arg>>(q: &mut QueryBuilder, col: &str, values: &[T]) {
    if values.is_empty() {
        return;
    }
    q.push(format!(" AND {col} IN ("));
    let mut list = q.separated(", ");
    for v in values {
        list.push_bind(v.clone());
    }
    q.push(")");
}

/// Appends the rooms of the scope: in one of its buildings or one of its rooms.
fn push_rooms(q: &mut QueryBuilder, scope: &StocktakeScope) {
    if scope.buildings.is_empty() && scope.rooms.is_empty() {
        return;
    }
    q.push(" AND (r.building_id IN (NULL");
    for b in &scope.buildings {
        q.push(", ").push_bind(*b);
    }
    q.push(") OR r.id IN (NULL");
    for r in &scope.rooms {
        q.push(", ").push_bind(*r);
    }
    q.push("))");
}

fn head(row: &Row, participants: Vec<Named>) -> AppResult<StocktakeHead> {
    let scope: String = get(row, "scope")?;
    let status: String = get(row, "status")?;
    Ok(StocktakeHead {
        id: get(row, "id")?,
        name: get(row, "name")?,
        scope: serde_json::from_str(&scope).map_err(AppError::internal)?,
        participants,
        due: get(row, "due")?,
        status: StocktakeStatus::parse(&status).ok_or_else(|| AppError::internal("status"))?,
        started_by: named(row, "started_by", "started_name")?,
        started_at: school_time(get(row, "started_at")?),
        finished_at: get::<Option<String>>(row, "finished_at")?.map(school_time),
    })
}

fn expected(row: &Row) -> AppResult<ExpectedAsset> {
    let status: String = get(row, "status")?;
    Ok(ExpectedAsset {
        asset_id: get(row, "asset_id")?,
        name: get(row, "name")?,
        asset_code: get(row, "asset_code")?,
        category: get(row, "category")?,
        tag: get(row, "tag")?,
        room_id: get(row, "room_id")?,
        status: AssetStatus::parse(&status).map_err(|_| AppError::internal("asset status"))?,
        custodian: named(row, "custodian_id", "custodian_name")?,
        quantity: count(row, "quantity")?.unwrap_or(1),
    })
}

/// A stored count (a quantity, a number counted) that may be missing.
pub(super) fn count(row: &Row, col: &str) -> AppResult<Option<u32>> {
    get::<Option<i64>>(row, col)?
        .map(|n| u32::try_from(n).map_err(|_| AppError::internal(col.to_string())))
        .transpose()
}

impl SqlStore {
    async fn participants(&self, id: Uuid) -> AppResult<Vec<Named>> {
        let rows = query(
            "SELECT u.id, u.display_name FROM stocktake_participants p JOIN users u ON u.id = p.user_id \
             WHERE p.stocktake_id = $1 AND u.school_id = $school ORDER BY u.display_name",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Named {
                    id: get(r, "id")?,
                    name: get(r, "display_name")?,
                })
            })
            .collect()
    }
}

#[async_trait::async_trait]
impl StocktakeStore for SqlStore {
    async fn start_stocktake(&self, actor: Actor, d: StocktakeDraft) -> AppResult<()> {
        let mut tx = self.write().await?;
        query(
            "INSERT INTO stocktakes (id, name, scope, due, status, started_by, started_at, school_id) \
             VALUES ($1, $2, $3, $4, 'counting', $5, $6, $school)",
        )
        .bind(d.id)
        .bind(&d.name)
        .bind(json(&d.scope)?)
        .bind(d.due.clone())
        .bind(actor.0)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await?;
        for user in &d.participants {
            query("INSERT INTO stocktake_participants (stocktake_id, user_id) VALUES ($1, $2)")
                .bind(d.id)
                .bind(*user)
                .execute(&mut *tx)
                .await?;
        }
        let mut rooms = QueryBuilder::new(
            "INSERT INTO stocktake_rooms (stocktake_id, room_id, building, room) SELECT ",
        );
        rooms.push_bind(d.id).push(
            ", r.id, b.name, r.name FROM rooms r JOIN buildings b ON b.id = r.building_id \
             WHERE r.school_id = $school",
        );
        push_rooms(&mut rooms, &d.scope);
        rooms.build().execute(&mut *tx).await?;
        let mut assets = QueryBuilder::new(
            "INSERT INTO stocktake_expected (stocktake_id, asset_id, name, asset_code, category, tag, \
             room_id, status, custodian_id, custodian_name, quantity) SELECT ",
        );
        assets.push_bind(d.id).push(
            ", a.id, a.name, a.asset_code, a.category, t.code, a.room_id, a.status, \
             COALESCE(u.id, ru.id), COALESCE(u.display_name, ru.display_name), a.quantity \
             FROM assets a \
             LEFT JOIN rooms r ON r.id = a.room_id LEFT JOIN tags t ON t.asset_id = a.id \
             LEFT JOIN users u ON u.id = a.custodian_id LEFT JOIN users ru ON ru.id = r.custodian_id \
             WHERE a.school_id = $school AND a.status IN ('in_use', 'under_repair')",
        );
        push_rooms(&mut assets, &d.scope);
        push_in(&mut assets, "a.category", &d.scope.categories);
        let frozen = assets.build().execute(&mut *tx).await?.rows_affected();
        let after = serde_json::json!({
            "name": d.name, "scope": d.scope, "due": d.due, "participants": d.participants,
            "expected": frozen,
        });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            d.id,
            "create",
            None,
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn stocktakes(&self, paging: Paging) -> AppResult<Vec<StocktakeHead>> {
        let sql = format!("{HEAD_SELECT} ORDER BY s.started_at DESC, s.id DESC LIMIT $1 OFFSET $2");
        let rows = query(&sql)
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            out.push(head(row, self.participants(get(row, "id")?).await?)?);
        }
        Ok(out)
    }

    async fn stocktake(&self, id: Uuid) -> AppResult<Option<StocktakeHead>> {
        let sql = format!("{HEAD_SELECT} AND s.id = $1");
        match query(&sql).bind(id).fetch_optional(&self.db).await? {
            Some(row) => Ok(Some(head(&row, self.participants(id).await?)?)),
            None => Ok(None),
        }
    }

    async fn stocktake_rooms(&self, id: Uuid) -> AppResult<Vec<RoomRow>> {
        let rows = query(
            "SELECT sr.room_id, sr.building, sr.room, t.code AS tag, sr.counter_id, \
             u.display_name AS counter_name FROM stocktake_rooms sr \
             JOIN stocktakes s ON s.id = sr.stocktake_id AND s.school_id = $school \
             LEFT JOIN tags t ON t.room_id = sr.room_id LEFT JOIN users u ON u.id = sr.counter_id \
             WHERE sr.stocktake_id = $1 ORDER BY sr.building, sr.room",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(RoomRow {
                    room_id: get(r, "room_id")?,
                    building: get(r, "building")?,
                    room: get(r, "room")?,
                    tag: get(r, "tag")?,
                    counter: named(r, "counter_id", "counter_name")?,
                })
            })
            .collect()
    }

    async fn stocktake_has_room(&self, id: Uuid, room: Uuid) -> AppResult<bool> {
        let found = query(
            "SELECT sr.room_id FROM stocktake_rooms sr \
             JOIN stocktakes s ON s.id = sr.stocktake_id AND s.school_id = $school \
             WHERE sr.stocktake_id = $1 AND sr.room_id = $2",
        )
        .bind(id)
        .bind(room)
        .fetch_optional(&self.db)
        .await?;
        Ok(found.is_some())
    }

    async fn expected_assets(&self, id: Uuid) -> AppResult<Vec<ExpectedAsset>> {
        let sql = format!("{EXPECTED_SELECT} ORDER BY e.asset_code");
        let rows = query(&sql).bind(id).fetch_all(&self.db).await?;
        rows.iter().map(expected).collect()
    }

    async fn expected_by_tag(&self, id: Uuid, tag: &str) -> AppResult<Option<ExpectedAsset>> {
        let sql = format!("{EXPECTED_SELECT} AND e.tag = $2");
        let row = query(&sql)
            .bind(id)
            .bind(tag)
            .fetch_optional(&self.db)
            .await?;
        row.as_ref().map(expected).transpose()
    }

    async fn scans(&self, id: Uuid, paging: Paging) -> AppResult<Vec<Scan>> {
        let rows = query(
            "SELECT c.id, c.room_id, c.code, c.asset_id, c.class, c.scanned_by, \
             u.display_name AS by_name, c.scanned_at, c.undone_at, c.counted \
             FROM stocktake_scans c \
             JOIN users u ON u.id = c.scanned_by \
             WHERE c.stocktake_id = $1 AND c.school_id = $school ORDER BY c.scanned_at, c.id \
             LIMIT $2 OFFSET $3",
        )
        .bind(id)
        .bind(paging.limit)
        .bind(paging.offset)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                let class: String = get(r, "class")?;
                Ok(Scan {
                    id: get(r, "id")?,
                    room_id: get(r, "room_id")?,
                    code: get(r, "code")?,
                    asset_id: get(r, "asset_id")?,
                    class: ScanClass::parse(&class).ok_or_else(|| AppError::internal("class"))?,
                    by: person(r, "scanned_by", "by_name")?,
                    scanned_at: school_time(get(r, "scanned_at")?),
                    undone: get::<Option<String>>(r, "undone_at")?.is_some(),
                    counted: count(r, "counted")?,
                })
            })
            .collect()
    }

    async fn damage_notes(&self, id: Uuid) -> AppResult<Vec<DamageNote>> {
        let rows = query(
            "SELECT d.asset_id, d.description, d.reporter_id, u.display_name AS by_name, \
             d.created_at FROM damage_reports d \
             JOIN stocktakes s ON s.id = $1 AND s.school_id = $school \
             JOIN stocktake_expected e ON e.stocktake_id = s.id AND e.asset_id = d.asset_id \
             JOIN users u ON u.id = d.reporter_id \
             WHERE d.school_id = $school AND d.created_at >= s.started_at \
             AND (s.finished_at IS NULL OR d.created_at <= s.finished_at) \
             ORDER BY d.created_at, d.id",
        )
        .bind(id)
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(DamageNote {
                    asset_id: get(r, "asset_id")?,
                    description: get(r, "description")?,
                    by: person(r, "reporter_id", "by_name")?,
                    reported_at: school_time(get(r, "created_at")?),
                })
            })
            .collect()
    }

    async fn record_scan(&self, actor: Actor, s: ScanDraft) -> AppResult<Recorded> {
        let mut tx = self.write().await?;
        let scanner = actor.0.ok_or(AppError::Unauthorized)?;
        let insert = |class: ScanClass| {
            query(INSERT_SCAN)
                .bind(s.id)
                .bind(s.stocktake_id)
                .bind(s.room_id)
                .bind(s.code.clone())
                .bind(s.asset_id)
                .bind(class.code())
                .bind(scanner)
                .bind(s.scanned_at)
                .bind(Utc::now())
                .bind(s.counted.map(i64::from))
        };
        let mut class = s.class;
        if insert(class).execute(&mut *tx).await?.rows_affected() == 0 {
            // Either this scan came before (its id), or the tag was counted by another scan.
            let seen = query("SELECT id FROM stocktake_scans WHERE id = $1")
                .bind(s.id)
                .fetch_optional(&mut *tx)
                .await?;
            if seen.is_some() {
                return Ok(Recorded::Duplicate);
            }
            class = ScanClass::Repeat;
            if insert(class).execute(&mut *tx).await?.rows_affected() == 0 {
                // The stocktake finished since the scan was checked.
                return Err(Invalid::new(Field::Status, Problem::BadTransition).into());
            }
        }
        // The room is counted by whoever scans in it first.
        query(
            "UPDATE stocktake_rooms SET counter_id = $1 WHERE stocktake_id = $2 AND room_id = $3 \
             AND counter_id IS NULL",
        )
        .bind(scanner)
        .bind(s.stocktake_id)
        .bind(s.room_id)
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({
            "scan": s.id, "room": s.room_id, "code": s.code, "asset": s.asset_id,
            "class": class.code(), "counted": s.counted,
        });
        let stocktake = s.stocktake_id;
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "scan",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(Recorded::New(class))
    }

    async fn undo_scan(&self, actor: Actor, stocktake: Uuid, scan: Uuid) -> AppResult<bool> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE stocktake_scans SET undone_at = $1, undone_by = $2 WHERE id = $3 \
             AND stocktake_id = $4 AND undone_at IS NULL AND school_id = $school",
        )
        .bind(Utc::now())
        .bind(actor.0)
        .bind(scan)
        .bind(stocktake)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        let after = serde_json::json!({ "scan": scan });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "undo_scan",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }

    async fn claim_room(&self, actor: Actor, stocktake: Uuid, room: Uuid) -> AppResult<()> {
        let mut tx = self.write().await?;
        query(
            "UPDATE stocktake_rooms SET counter_id = $1 WHERE stocktake_id = $2 AND room_id = $3",
        )
        .bind(actor.0)
        .bind(stocktake)
        .bind(room)
        .execute(&mut *tx)
        .await?;
        let after = serde_json::json!({ "room": room, "counter": actor.0 });
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            stocktake,
            "claim_room",
            None,
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn finish_stocktake(&self, actor: Actor, id: Uuid) -> AppResult<bool> {
        let mut tx = self.write().await?;
        let done = query(
            "UPDATE stocktakes SET status = 'finished', finished_by = $1, finished_at = $2 \
             WHERE id = $3 AND status = 'counting' AND school_id = $school AND NOT EXISTS \
             (SELECT 1 FROM stocktake_counters c WHERE c.stocktake_id = $3 AND c.handed_in_at IS NULL)",
        )
        .bind(actor.0)
        .bind(Utc::now())
        .bind(id)
        .execute(&mut *tx)
        .await?;
        if done.rows_affected() != 1 {
            return Ok(false);
        }
        let (before, after) = (
            serde_json::json!({ "status": "counting" }),
            serde_json::json!({ "status": "finished" }),
        );
        record(
            &mut tx,
            actor,
            Entity::Stocktake,
            id,
            "finish",
            Some(&before),
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(true)
    }
}
