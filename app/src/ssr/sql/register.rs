//! Buildings, rooms, assets and their tags.

use super::history::{asset_history_json, commit_with_history, history_from_json, record};
use super::rows::{self, ASSET_SELECT, ROOM_SELECT};
use super::{db_error, like_pattern, SqlStore};
use crate::domain::{Field, Invalid, Problem, TagCode};
use crate::error::{AppError, AppResult};
use crate::forms::{AssetFields, RoomFields};
use crate::model::{
    Asset, Building, HistoryEntry, ListQuery, Named, Page, Paging, Room, TagTarget,
};
use crate::ssr::db::{query, query_scalar, Arg, Dialect, Query, Tx};
use crate::ssr::register::store::RegisterStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

/// Refuses a reference to a row that does not exist in the asker's school, naming the form field.
pub(super) async fn ensure_exists(
    tx: &mut Tx,
    table: &str,
    id: Option<Uuid>,
    field: Field,
) -> AppResult<()> {
    let Some(id) = id else { return Ok(()) };
    let sql = format!("SELECT 1 FROM {table} WHERE id = $1 AND school_id = $school");
    let found = query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    found.map(|_| ()).ok_or(AppError::Invalid(Invalid::new(
        field,
        Problem::UnknownChoice,
    )))
}

/// Links `tag` (which must be unassigned) or a fresh code to the record; `column` is
/// `room_id` or `asset_id`.
pub(super) async fn attach_tag(
    tx: &mut Tx,
    column: &str,
    id: Uuid,
    tag: Option<TagCode>,
) -> AppResult<()> {
    if let Some(code) = tag {
        let sql = format!(
            "UPDATE tags SET {column} = $1 WHERE code = $2 AND room_id IS NULL AND asset_id IS NULL \
             AND shelf_id IS NULL AND key_id IS NULL AND school_id = $school"
        );
        let done = query(&sql)
            .bind(id)
            .bind(code.as_str())
            .execute(&mut **tx)
            .await?;
        return if done.rows_affected() == 1 {
            Ok(())
        } else {
            Err(AppError::Conflict { field: Field::Tag })
        };
    }
    let sql = format!(
        "INSERT INTO tags (code, {column}, created_at, school_id) VALUES ($1, $2, $3, $school) \
         ON CONFLICT (code) DO NOTHING"
    );
    for _ in 0..8 {
        let code = TagCode::random();
        let done = query(&sql)
            .bind(code.as_str())
            .bind(id)
            .bind(Utc::now())
            .execute(&mut **tx)
            .await?;
        if done.rows_affected() == 1 {
            return Ok(());
        }
    }
    Err(AppError::internal("no free tag code after 8 tries"))
}

async fn room_in(tx: &mut Tx, id: Uuid) -> AppResult<Option<Room>> {
    let sql = format!("{ROOM_SELECT} WHERE r.id = $1 AND r.school_id = $school");
    let row = query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(rows::room).transpose()
}

pub(super) async fn asset_in(tx: &mut Tx, id: Uuid) -> AppResult<Option<Asset>> {
    let sql = format!("{ASSET_SELECT} WHERE a.id = $1 AND a.school_id = $school");
    let row = query(&sql).bind(id).fetch_optional(&mut **tx).await?;
    row.as_ref().map(rows::asset).transpose()
}

async fn building_in(tx: &mut Tx, id: Uuid) -> AppResult<Option<Building>> {
    let row = query(
        "SELECT b.id, b.name, (SELECT COUNT(*) FROM rooms r WHERE r.building_id = b.id) AS room_count \
         FROM buildings b WHERE b.id = $1 AND b.school_id = $school",
    )
    .bind(id)
    .fetch_optional(&mut **tx)
    .await?;
    row.map(|r| {
        Ok(Building {
            id: r.try_get("id")?,
            name: r.try_get("name")?,
            room_count: r.try_get("room_count")?,
        })
    })
    .transpose()
}

/// A scanned asset with its newest history, in one query (built once per dialect).
fn scan_sql(d: Dialect) -> &'static str {
    static SQL: std::sync::LazyLock<[String; 2]> = std::sync::LazyLock::new(|| {
        [Dialect::Sqlite, Dialect::Postgres].map(|d| {
            let with_history = format!(", {} FROM assets a", asset_history_json(d));
            format!(
                "{} WHERE t.code = $1 AND a.school_id = $school",
                ASSET_SELECT.replacen(" FROM assets a", &with_history, 1)
            )
        })
    });
    &SQL[d as usize]
}

/// A new room: [`bind_room`]'s values, then its id.
pub(super) const INSERT_ROOM: &str =
    "INSERT INTO rooms (building_id, name, kind, floor, custodian_id, id, school_id) \
    VALUES ($1, $2, $3, $4, $5, $6, $school)";

/// A new asset: [`bind_asset`]'s values, then its id.
pub(super) const INSERT_ASSET: &str =
    "INSERT INTO assets (category, name, model, asset_code, status, \
    room_id, custodian_id, purchase_date, value_fen, notes, id, school_id) \
    VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $school)";

pub(super) fn bind_room(q: Query, room: &RoomFields) -> Query {
    q.bind(room.building_id)
        .bind(&room.name)
        .bind(room.kind.code())
        .bind(room.floor)
        .bind(room.custodian_id)
}

pub(super) fn bind_asset(q: Query, a: &AssetFields) -> Query {
    q.bind(&a.category)
        .bind(&a.name)
        .bind(&a.model)
        .bind(a.asset_code.as_str())
        .bind(a.status.code())
        .bind(a.room_id)
        .bind(a.custodian_id)
        .bind(a.purchase_date.as_ref().map(|d| d.as_str()))
        .bind(a.value.fen())
        .bind(&a.notes)
}

impl SqlStore {
    pub(super) async fn save_building(
        &self,
        actor: Actor,
        id: Option<Uuid>,
        name: &str,
    ) -> AppResult<Building> {
        let mut tx = self.write().await?;
        let (id, before) = match id {
            Some(id) => (
                id,
                Some(building_in(&mut tx, id).await?.ok_or(AppError::NotFound)?),
            ),
            None => (Uuid::now_v7(), None),
        };
        let sql = if before.is_some() {
            "UPDATE buildings SET name = $2 WHERE id = $1"
        } else {
            "INSERT INTO buildings (id, name, school_id) VALUES ($1, $2, $school)"
        };
        query(sql)
            .bind(id)
            .bind(name)
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Name))?;
        let after = building_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        commit_with_history(tx, actor, Entity::Building, id, before.as_ref(), after).await
    }

    pub(super) async fn save_room(
        &self,
        actor: Actor,
        id: Option<Uuid>,
        room: RoomFields,
        tag: Option<TagCode>,
    ) -> AppResult<Room> {
        let mut tx = self.write().await?;
        ensure_exists(
            &mut tx,
            "buildings",
            Some(room.building_id),
            Field::Building,
        )
        .await?;
        ensure_exists(&mut tx, "users", room.custodian_id, Field::Custodian).await?;
        let (id, before) = match id {
            Some(id) => (
                id,
                Some(room_in(&mut tx, id).await?.ok_or(AppError::NotFound)?),
            ),
            None => (Uuid::now_v7(), None),
        };
        let sql = if before.is_some() {
            "UPDATE rooms SET building_id = $1, name = $2, kind = $3, floor = $4, custodian_id = $5 WHERE id = $6"
        } else {
            INSERT_ROOM
        };
        bind_room(query(sql), &room)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Name))?;
        if before.is_none() {
            attach_tag(&mut tx, "room_id", id, tag).await?;
        }
        let after = room_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        commit_with_history(tx, actor, Entity::Room, id, before.as_ref(), after).await
    }

    pub(super) async fn one_asset(
        &self,
        clause: &str,
        value: impl Into<Arg>,
    ) -> AppResult<Option<Asset>> {
        let sql = format!("{ASSET_SELECT} WHERE {clause} AND a.school_id = $school");
        let row = query(&sql).bind(value).fetch_optional(&self.db).await?;
        row.as_ref().map(rows::asset).transpose()
    }

    pub(super) async fn save_asset(
        &self,
        actor: Actor,
        id: Option<Uuid>,
        asset: AssetFields,
        tag: Option<TagCode>,
    ) -> AppResult<Asset> {
        let mut tx = self.write().await?;
        ensure_exists(&mut tx, "rooms", asset.room_id, Field::Room).await?;
        ensure_exists(&mut tx, "users", asset.custodian_id, Field::Custodian).await?;
        let (id, before) = match id {
            Some(id) => (
                id,
                Some(asset_in(&mut tx, id).await?.ok_or(AppError::NotFound)?),
            ),
            None => (Uuid::now_v7(), None),
        };
        let sql = if before.is_some() {
            "UPDATE assets SET category = $1, name = $2, model = $3, asset_code = $4, status = $5, room_id = $6, \
             custodian_id = $7, purchase_date = $8, value_fen = $9, notes = $10 WHERE id = $11"
        } else {
            INSERT_ASSET
        };
        bind_asset(query(sql), &asset)
            .bind(id)
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::AssetCode))?;
        if before.is_none() {
            attach_tag(&mut tx, "asset_id", id, tag).await?;
        }
        let after = asset_in(&mut tx, id).await?.ok_or(AppError::NotFound)?;
        commit_with_history(tx, actor, Entity::Asset, id, before.as_ref(), after).await
    }
}

#[async_trait::async_trait]
impl RegisterStore for SqlStore {
    async fn list_buildings(&self) -> AppResult<Vec<Building>> {
        let rows = query(
            "SELECT b.id, b.name, (SELECT COUNT(*) FROM rooms r WHERE r.building_id = b.id) AS room_count \
             FROM buildings b WHERE b.school_id = $school ORDER BY b.name",
        )
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Building {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                    room_count: r.try_get("room_count")?,
                })
            })
            .collect()
    }

    async fn create_building(&self, actor: Actor, name: &str) -> AppResult<Building> {
        self.save_building(actor, None, name).await
    }

    async fn rename_building(&self, actor: Actor, id: Uuid, name: &str) -> AppResult<Building> {
        self.save_building(actor, Some(id), name).await
    }

    async fn list_rooms(&self, list: &ListQuery) -> AppResult<Page<Room>> {
        let Paging { limit, offset } = list.paging();
        let words = list.words();
        let pattern = words.map(like_pattern);
        let code = words
            .and_then(|w| TagCode::parse(w).ok())
            .map(|c| c.to_string());
        let like = self.db.dialect().ilike();
        let filter = format!(
            "WHERE ($1 IS NULL OR r.name {like} $1 ESCAPE '\\' OR b.name {like} $1 ESCAPE '\\' \
             OR t.code = $2) AND r.school_id = $school"
        );
        let sql =
            format!("{ROOM_SELECT} {filter} ORDER BY b.name, r.floor, r.name LIMIT $3 OFFSET $4");
        let rows = query(&sql)
            .bind(&pattern)
            .bind(&code)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.db)
            .await?;
        let count_sql = format!(
            "SELECT COUNT(*) FROM rooms r JOIN buildings b ON b.id = r.building_id \
             LEFT JOIN tags t ON t.room_id = r.id {filter}"
        );
        let total: i64 = query_scalar(&count_sql)
            .bind(&pattern)
            .bind(&code)
            .fetch_one(&self.db)
            .await?;
        let items = rows.iter().map(rows::room).collect::<AppResult<_>>()?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    async fn room_choices(&self) -> AppResult<Vec<Named>> {
        let rows = query(
            "SELECT r.id, b.name || ' · ' || r.name AS name FROM rooms r \
             JOIN buildings b ON b.id = r.building_id WHERE r.school_id = $school \
             ORDER BY b.name, r.floor, r.name",
        )
        .fetch_all(&self.db)
        .await?;
        rows.iter()
            .map(|r| {
                Ok(Named {
                    id: r.try_get("id")?,
                    name: r.try_get("name")?,
                })
            })
            .collect()
    }

    async fn rooms_of_custodian(&self, user_id: Uuid) -> AppResult<Vec<Room>> {
        let sql = format!(
            "{ROOM_SELECT} WHERE r.custodian_id = $1 AND r.school_id = $school ORDER BY b.name, r.name"
        );
        let rows = query(&sql).bind(user_id).fetch_all(&self.db).await?;
        rows.iter().map(rows::room).collect()
    }

    async fn get_room(&self, id: Uuid) -> AppResult<Option<Room>> {
        let sql = format!("{ROOM_SELECT} WHERE r.id = $1 AND r.school_id = $school");
        let row = query(&sql).bind(id).fetch_optional(&self.db).await?;
        row.as_ref().map(rows::room).transpose()
    }

    async fn create_room(
        &self,
        actor: Actor,
        room: RoomFields,
        tag: Option<TagCode>,
    ) -> AppResult<Room> {
        self.save_room(actor, None, room, tag).await
    }

    async fn update_room(&self, actor: Actor, id: Uuid, room: RoomFields) -> AppResult<Room> {
        self.save_room(actor, Some(id), room, None).await
    }

    async fn list_assets(&self, list: &ListQuery, room: Option<Uuid>) -> AppResult<Page<Asset>> {
        let Paging { limit, offset } = list.paging();
        let words = list.words();
        let pattern = words.map(like_pattern);
        let code = words
            .and_then(|w| TagCode::parse(w).ok())
            .map(|c| c.to_string());
        let like = self.db.dialect().ilike();
        let filter = format!(
            "WHERE ($1 IS NULL OR a.name {like} $1 ESCAPE '\\' OR a.asset_code {like} $1 ESCAPE '\\' \
             OR a.category {like} $1 ESCAPE '\\' OR t.code = $2) AND ($3 IS NULL OR a.room_id = $3) \
             AND a.school_id = $school"
        );
        let sql = format!("{ASSET_SELECT} {filter} ORDER BY a.asset_code LIMIT $4 OFFSET $5");
        let rows = query(&sql)
            .bind(&pattern)
            .bind(&code)
            .bind(room)
            .bind(limit)
            .bind(offset)
            .fetch_all(&self.db)
            .await?;
        let count_sql =
            format!("SELECT COUNT(*) FROM assets a LEFT JOIN tags t ON t.asset_id = a.id {filter}");
        let total: i64 = query_scalar(&count_sql)
            .bind(&pattern)
            .bind(&code)
            .bind(room)
            .fetch_one(&self.db)
            .await?;
        let items = rows.iter().map(rows::asset).collect::<AppResult<_>>()?;
        Ok(Page {
            items,
            total,
            limit,
            offset,
        })
    }

    async fn get_asset(&self, id: Uuid) -> AppResult<Option<Asset>> {
        self.one_asset("a.id = $1", id).await
    }

    async fn find_asset_by_code(&self, code: &str) -> AppResult<Option<Asset>> {
        self.one_asset("a.asset_code = $1", code.to_string()).await
    }

    async fn scan_asset(
        &self,
        code: &TagCode,
        history: i64,
    ) -> AppResult<Option<(Asset, Vec<HistoryEntry>)>> {
        let row = query(scan_sql(self.db.dialect()))
            .bind(code.as_str())
            .bind(history)
            .fetch_optional(&self.db)
            .await?;
        let Some(row) = row else { return Ok(None) };
        let asset = rows::asset(&row)?;
        let json: String = row.try_get("history_json")?;
        let history = history_from_json(&json, Entity::Asset, asset.id)?;
        Ok(Some((asset, history)))
    }

    async fn create_asset(
        &self,
        actor: Actor,
        asset: AssetFields,
        tag: Option<TagCode>,
    ) -> AppResult<Asset> {
        self.save_asset(actor, None, asset, tag).await
    }

    async fn update_asset(&self, actor: Actor, id: Uuid, asset: AssetFields) -> AppResult<Asset> {
        self.save_asset(actor, Some(id), asset, None).await
    }

    async fn resolve_tag(&self, code: &TagCode) -> AppResult<Option<TagTarget>> {
        let row = query(
            "SELECT room_id, asset_id, shelf_id, key_id FROM tags WHERE code = $1 \
             AND school_id = $school",
        )
        .bind(code.as_str())
        .fetch_optional(&self.db)
        .await?;
        row.map(|r| {
            let room: Option<Uuid> = r.try_get("room_id")?;
            let asset: Option<Uuid> = r.try_get("asset_id")?;
            let shelf: Option<Uuid> = r.try_get("shelf_id")?;
            let key: Option<Uuid> = r.try_get("key_id")?;
            Ok(match (room, asset, shelf, key) {
                (Some(id), ..) => TagTarget::Room(id),
                (_, Some(id), ..) => TagTarget::Asset(id),
                (_, _, Some(id), _) => TagTarget::Shelf(id),
                (.., Some(id)) => TagTarget::Key(id),
                _ => TagTarget::Unassigned,
            })
        })
        .transpose()
    }

    async fn claim_tag(&self, actor: Actor, code: &TagCode, target: TagTarget) -> AppResult<()> {
        let (column, table, entity, id) = match target {
            TagTarget::Room(id) => ("room_id", "rooms", Entity::Room, id),
            TagTarget::Asset(id) => ("asset_id", "assets", Entity::Asset, id),
            TagTarget::Unassigned | TagTarget::Shelf(_) | TagTarget::Key(_) => {
                return Err(AppError::Invalid(Invalid::new(
                    Field::Tag,
                    Problem::Required,
                )))
            }
        };
        let mut tx = self.write().await?;
        let found = query(
            "SELECT room_id IS NULL AND asset_id IS NULL AND shelf_id IS NULL \
             AND key_id IS NULL AS free FROM tags \
                   WHERE code = $1 AND school_id = $school",
        )
        .bind(code.as_str())
        .fetch_optional(&mut *tx)
        .await?
        .ok_or(AppError::NotFound)?;
        let free: bool = found.try_get("free")?;
        if !free {
            return Err(AppError::Conflict { field: Field::Tag });
        }
        ensure_exists(&mut tx, table, Some(id), Field::Tag).await?;
        let old: Option<String> =
            query_scalar(format!("SELECT code FROM tags WHERE {column} = $1"))
                .bind(id)
                .fetch_optional(&mut *tx)
                .await?;
        query(format!(
            "UPDATE tags SET {column} = NULL WHERE {column} = $1"
        ))
        .bind(id)
        .execute(&mut *tx)
        .await?;
        attach_tag(&mut tx, column, id, Some(code.clone())).await?;
        let before = serde_json::json!({ "tag": old });
        let after = serde_json::json!({ "tag": code.as_str() });
        record(
            &mut tx,
            actor,
            entity,
            id,
            "claim",
            Some(&before),
            Some(&after),
        )
        .await?;
        Ok(tx.commit().await?)
    }

    async fn categories(&self) -> AppResult<Vec<String>> {
        query_scalar(
            "SELECT DISTINCT category FROM assets WHERE school_id = $school ORDER BY category",
        )
        .fetch_all(&self.db)
        .await
        .map_err(AppError::internal)
    }
}
