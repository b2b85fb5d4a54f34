//! Register imports: the register read for planning, the plan written in one transaction with
//! many-row inserts (a 10,000-row register is one commit of a few dozen statements), the import
//! records and the saved mappings.

use super::history::record;
use super::register::{attach_tag, bind_room, INSERT_ROOM};
use super::rows::{card, corrupt, get, named, person};
use super::SqlStore;
use crate::domain::{AssetStatus, Fen, TagCode};
use crate::error::{AppError, AppResult};
use crate::forms::RoomFields;
use crate::import::columns::Profile;
use crate::import::plan::{AssetValues, Plan, PlannedAsset, Register, RegisteredRoom};
use crate::import::preview::{ImportCounts, ImportProfile, RegisterImport};
use crate::import::Quantities;
use crate::model::Paging;
use crate::ssr::clock::school_time;
use crate::ssr::db::{query, Arg, QueryBuilder, Row, Separated, Tx, SCHOOL};
use crate::ssr::import::store::{ImportHead, ImportStore, Planner};
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

/// Rows per many-row insert: well under both databases' limit on bound values.
const CHUNK: usize = 400;

const IMPORT_SELECT: &str = "SELECT i.id, i.file_name, i.sha256, i.quantities, i.imported_at, \
    i.row_count, i.created_buildings, i.created_rooms, i.created_assets, i.changed_assets, \
    i.unchanged_assets, u.id AS u_id, u.display_name AS u_name \
    FROM register_imports i LEFT JOIN users u ON u.id = i.imported_by";

const PROFILE_SELECT: &str = "SELECT p.id, p.name, p.mapping, p.saved_at, \
    u.id AS u_id, u.display_name AS u_name \
    FROM import_profiles p LEFT JOIN users u ON u.id = p.saved_by";

fn count(row: &Row, col: &str) -> AppResult<usize> {
    let n: i64 = get(row, col)?;
    Ok(usize::try_from(n).unwrap_or_default())
}

fn import_record(row: &Row) -> AppResult<RegisterImport> {
    let quantities: String = get(row, "quantities")?;
    let (new_rooms, new_assets) = (count(row, "created_rooms")?, count(row, "created_assets")?);
    Ok(RegisterImport {
        id: get(row, "id")?,
        file_name: get(row, "file_name")?,
        sha256: get(row, "sha256")?,
        quantities: if quantities == "batch" {
            Quantities::Batch
        } else {
            Quantities::Each
        },
        imported_by: named(row, "u_id", "u_name").map_err(AppError::internal)?,
        imported_at: school_time(get(row, "imported_at")?),
        counts: ImportCounts {
            rows: count(row, "row_count")?,
            errors: 0,
            new_buildings: count(row, "created_buildings")?,
            new_rooms,
            new_assets,
            new_tags: new_rooms + new_assets,
            changed_assets: count(row, "changed_assets")?,
            unchanged_assets: count(row, "unchanged_assets")?,
        },
    })
}

fn profile(row: &Row) -> AppResult<ImportProfile> {
    let mapping: serde_json::Value = get(row, "mapping")?;
    Ok(ImportProfile {
        id: get(row, "id")?,
        name: get(row, "name")?,
        mapping: serde_json::from_value(mapping).map_err(AppError::internal)?,
        saved_by: named(row, "u_id", "u_name").map_err(AppError::internal)?,
        saved_at: school_time(get(row, "saved_at")?),
    })
}

/// The register's assets as imports compare them and the register export lists them: the
/// card, the room with its building, and the custodian the asset names itself (not the room's).
pub(super) const REGISTER_SELECT: &str =
    "SELECT a.id, a.asset_code, a.name, a.category, a.model, a.status, a.purchase_date, \
     a.value_fen, a.notes, a.class_code, a.brand, a.unit, a.quantity, a.department, a.keeper, \
     a.booked_on, a.voucher, r.id AS r_id, r.name AS r_name, b.name AS b_name, u.id AS c_id, \
     u.display_name AS c_name \
     FROM assets a LEFT JOIN rooms r ON r.id = a.room_id \
     LEFT JOIN buildings b ON b.id = r.building_id LEFT JOIN users u ON u.id = a.custodian_id";

/// An asset row of [`REGISTER_SELECT`] as an import compares it.
pub(super) fn asset_values(row: &Row) -> AppResult<(Uuid, AssetValues)> {
    let status: String = get(row, "status")?;
    let value: i64 = get(row, "value_fen")?;
    Ok((
        get(row, "id")?,
        AssetValues {
            asset_code: get(row, "asset_code")?,
            name: get(row, "name")?,
            category: get(row, "category")?,
            model: get(row, "model")?,
            status: AssetStatus::parse(&status).map_err(|_| corrupt("asset status"))?,
            room: named(row, "r_id", "r_name").map_err(AppError::internal)?,
            custodian: named(row, "c_id", "c_name").map_err(AppError::internal)?,
            purchase_date: get(row, "purchase_date")?,
            value_fen: Fen::new(value).map_err(|_| corrupt("value"))?,
            notes: get(row, "notes")?,
            card: card(row)?,
        },
    ))
}

async fn register_in(tx: &mut Tx) -> AppResult<Register> {
    let buildings = query("SELECT id, name FROM buildings WHERE school_id = $school")
        .fetch_all(&mut **tx)
        .await?;
    let rooms = query("SELECT id, building_id, name FROM rooms WHERE school_id = $school")
        .fetch_all(&mut **tx)
        .await?;
    let people = query(
        "SELECT id, display_name AS name FROM users WHERE school_id = $school AND active = $1",
    )
    .bind(true)
    .fetch_all(&mut **tx)
    .await?;
    let assets = query(format!("{REGISTER_SELECT} WHERE a.school_id = $school"))
        .fetch_all(&mut **tx)
        .await?;
    Ok(Register {
        buildings: buildings
            .iter()
            .map(|r| person(r, "id", "name"))
            .collect::<AppResult<_>>()?,
        rooms: rooms
            .iter()
            .map(|r| {
                Ok(RegisteredRoom {
                    id: get(r, "id")?,
                    building_id: get(r, "building_id")?,
                    name: get(r, "name")?,
                })
            })
            .collect::<AppResult<_>>()?,
        people: people
            .iter()
            .map(|r| person(r, "id", "name"))
            .collect::<AppResult<_>>()?,
        assets: assets.iter().map(asset_values).collect::<AppResult<_>>()?,
    })
}

/// An asset's values, in the order of [`ASSET_VALUES`].
fn push_values(b: &mut Separated<'_>, v: &AssetValues) {
    let c = &v.card;
    b.push_bind(v.asset_code.as_str())
        .push_bind(v.name.as_str())
        .push_bind(v.category.as_str())
        .push_bind(&v.model)
        .push_bind(v.status.code())
        .push_bind(v.room.as_ref().map(|r| r.id))
        .push_bind(v.custodian.as_ref().map(|c| c.id))
        .push_bind(&v.purchase_date)
        .push_bind(v.value_fen.fen())
        .push_bind(&v.notes)
        .push_bind(&c.class_code)
        .push_bind(&c.brand)
        .push_bind(&c.unit)
        .push_bind(i64::from(c.quantity))
        .push_bind(&c.department)
        .push_bind(&c.keeper)
        .push_bind(&c.booked_on)
        .push_bind(&c.voucher);
}

/// The asset columns an import writes.
const ASSET_VALUES: &str = "asset_code, name, category, model, status, room_id, custodian_id, \
    purchase_date, value_fen, notes, class_code, brand, unit, quantity, department, keeper, \
    booked_on, voucher";

/// Appends one history row per item, `action` on `entity`, many rows per statement.
async fn record_many(
    tx: &mut Tx,
    actor: Actor,
    entity: Entity,
    items: &[(Uuid, Option<Arg>, Arg)],
) -> AppResult<()> {
    let at = Utc::now();
    for chunk in items.chunks(CHUNK) {
        let mut b = QueryBuilder::new(
            "INSERT INTO history (id, at, actor_id, entity, entity_id, action, before, after, school_id) ",
        );
        b.push_values(chunk, |mut row, (id, before, after)| {
            row.push_bind(Uuid::now_v7())
                .push_bind(at)
                .push_bind(actor.0)
                .push_bind(entity.code())
                .push_bind(*id)
                .push_bind("import")
                .push_bind(before.as_ref().unwrap_or(&Arg::Json(None)))
                .push_bind(after)
                .push(SCHOOL);
        });
        b.build().execute(&mut **tx).await?;
    }
    Ok(())
}

fn json(v: &impl serde::Serialize) -> AppResult<Arg> {
    Arg::json(v).map_err(AppError::internal)
}

/// Creates the plan's assets with a fresh tag each, and their history.
async fn create_assets(tx: &mut Tx, actor: Actor, assets: &[PlannedAsset]) -> AppResult<()> {
    let now = Utc::now();
    for chunk in assets.chunks(CHUNK) {
        let mut b = QueryBuilder::new(format!(
            "INSERT INTO assets ({ASSET_VALUES}, id, school_id) "
        ));
        b.push_values(chunk, |mut row, a| {
            push_values(&mut row, &a.after);
            row.push_bind(a.id).push(SCHOOL);
        });
        b.build().execute(&mut **tx).await?;
        let mut b = QueryBuilder::new("INSERT INTO tags (code, asset_id, created_at, school_id) ");
        b.push_values(chunk, |mut row, a| {
            row.push_bind(TagCode::random().as_str())
                .push_bind(a.id)
                .push_bind(now)
                .push(SCHOOL);
        });
        b.push(" ON CONFLICT (code) DO NOTHING");
        let done = b.build().execute(&mut **tx).await?;
        if done.rows_affected() < chunk.len() as u64 {
            // A random code already taken (one in billions): those assets get another.
            for a in chunk {
                let tagged = query("SELECT 1 FROM tags WHERE asset_id = $1")
                    .bind(a.id)
                    .fetch_optional(&mut **tx)
                    .await?;
                if tagged.is_none() {
                    attach_tag(tx, "asset_id", a.id, None).await?;
                }
            }
        }
    }
    let history = assets
        .iter()
        .map(|a| Ok((a.id, None, json(&a.after)?)))
        .collect::<AppResult<Vec<_>>>()?;
    record_many(tx, actor, Entity::Asset, &history).await
}

/// Writes the plan's changes to existing assets, and their history.
async fn change_assets(tx: &mut Tx, actor: Actor, assets: &[PlannedAsset]) -> AppResult<()> {
    for a in assets {
        let mut b = QueryBuilder::new(format!("UPDATE assets SET ({ASSET_VALUES}) = ("));
        push_values(&mut b.separated(", "), &a.after);
        b.push(") WHERE id = ").push_bind(a.id);
        b.push(format!(" AND school_id = {SCHOOL}"));
        b.build().execute(&mut **tx).await?;
    }
    let history = assets
        .iter()
        .map(|a| Ok((a.id, Some(json(&a.before)?), json(&a.after)?)))
        .collect::<AppResult<Vec<_>>>()?;
    record_many(tx, actor, Entity::Asset, &history).await
}

/// Creates the plan's buildings and rooms (each room with a fresh tag), and their history.
async fn create_places(tx: &mut Tx, actor: Actor, plan: &Plan) -> AppResult<()> {
    for b in &plan.new_buildings {
        query("INSERT INTO buildings (id, name, school_id) VALUES ($1, $2, $school)")
            .bind(b.id)
            .bind(&b.name)
            .execute(&mut **tx)
            .await?;
        record(tx, actor, Entity::Building, b.id, "import", None, Some(b)).await?;
    }
    for r in &plan.new_rooms {
        let fields = RoomFields {
            name: r.name.clone(),
            kind: r.kind,
            floor: None,
            building_id: r.building_id,
            custodian_id: None,
        };
        bind_room(query(INSERT_ROOM), &fields)
            .bind(r.id)
            .execute(&mut **tx)
            .await?;
        attach_tag(tx, "room_id", r.id, None).await?;
        record(tx, actor, Entity::Room, r.id, "import", None, Some(r)).await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl ImportStore for SqlStore {
    async fn import_register(&self) -> AppResult<Register> {
        let mut tx = self.db.read().await?;
        register_in(&mut tx).await
    }

    async fn commit_import(
        &self,
        actor: Actor,
        head: ImportHead,
        planner: Planner<'_>,
    ) -> AppResult<Option<(RegisterImport, Plan)>> {
        let mut tx = self.write().await?;
        let plan = planner(&register_in(&mut tx).await?);
        if plan.is_empty() {
            return Ok(None);
        }
        create_places(&mut tx, actor, &plan).await?;
        create_assets(&mut tx, actor, &plan.new_assets).await?;
        change_assets(&mut tx, actor, &plan.changed_assets).await?;
        let counts = plan.counts(head.rows, 0);
        let count = |n: usize| i64::try_from(n).unwrap_or(i64::MAX);
        query(
            "INSERT INTO register_imports (id, file_name, sha256, quantities, imported_by, \
             imported_at, row_count, created_buildings, created_rooms, created_assets, \
             changed_assets, unchanged_assets, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $school)",
        )
        .bind(head.id)
        .bind(&head.file_name)
        .bind(&head.sha256)
        .bind(head.quantities.code())
        .bind(actor.0)
        .bind(Utc::now())
        .bind(count(counts.rows))
        .bind(count(counts.new_buildings))
        .bind(count(counts.new_rooms))
        .bind(count(counts.new_assets))
        .bind(count(counts.changed_assets))
        .bind(count(counts.unchanged_assets))
        .execute(&mut *tx)
        .await?;
        let sql = format!("{IMPORT_SELECT} WHERE i.id = $1");
        let row = query(&sql).bind(head.id).fetch_one(&mut *tx).await?;
        let made = import_record(&row)?;
        record(
            &mut tx,
            actor,
            Entity::RegisterImport,
            head.id,
            "create",
            None,
            Some(&made),
        )
        .await?;
        tx.commit().await?;
        Ok(Some((made, plan)))
    }

    async fn imports(&self, paging: Paging) -> AppResult<Vec<RegisterImport>> {
        let sql = format!(
            "{IMPORT_SELECT} WHERE i.school_id = $school ORDER BY i.imported_at DESC, i.id DESC \
             LIMIT $1 OFFSET $2"
        );
        let rows = query(&sql)
            .bind(paging.limit)
            .bind(paging.offset)
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(import_record).collect()
    }

    async fn imports_of_file(&self, sha256: &str) -> AppResult<Vec<RegisterImport>> {
        let sql = format!(
            "{IMPORT_SELECT} WHERE i.school_id = $school AND i.sha256 = $1 \
             ORDER BY i.imported_at DESC, i.id DESC"
        );
        let rows = query(&sql).bind(sha256).fetch_all(&self.db).await?;
        rows.iter().map(import_record).collect()
    }

    async fn import_profiles(&self) -> AppResult<Vec<ImportProfile>> {
        let sql = format!("{PROFILE_SELECT} WHERE p.school_id = $school ORDER BY p.name");
        let rows = query(&sql).fetch_all(&self.db).await?;
        rows.iter().map(profile).collect()
    }

    async fn import_profile(&self, name: &str) -> AppResult<Option<ImportProfile>> {
        let sql = format!("{PROFILE_SELECT} WHERE p.school_id = $school AND p.name = $1");
        let row = query(&sql).bind(name).fetch_optional(&self.db).await?;
        row.as_ref().map(profile).transpose()
    }

    async fn save_import_profile(
        &self,
        actor: Actor,
        name: &str,
        mapping: &Profile,
    ) -> AppResult<ImportProfile> {
        let mut tx = self.write().await?;
        let sql = format!("{PROFILE_SELECT} WHERE p.school_id = $school AND p.name = $1");
        let before = query(&sql).bind(name).fetch_optional(&mut *tx).await?;
        let before = before.as_ref().map(profile).transpose()?;
        let id = before.as_ref().map_or_else(Uuid::now_v7, |p| p.id);
        let mapping_doc = json(mapping)?;
        if before.is_some() {
            query("UPDATE import_profiles SET mapping = $2, saved_by = $3, saved_at = $4 WHERE id = $1")
                .bind(id)
                .bind(mapping_doc)
                .bind(actor.0)
                .bind(Utc::now())
                .execute(&mut *tx)
                .await?;
        } else {
            query(
                "INSERT INTO import_profiles (id, name, mapping, saved_by, saved_at, school_id) \
                 VALUES ($1, $2, $3, $4, $5, $school)",
            )
            .bind(id)
            .bind(name)
            .bind(mapping_doc)
            .bind(actor.0)
            .bind(Utc::now())
            .execute(&mut *tx)
            .await?;
        }
        let after = query(&sql).bind(name).fetch_one(&mut *tx).await?;
        let after = profile(&after)?;
        super::history::commit_with_history(
            tx,
            actor,
            Entity::ImportProfile,
            id,
            before.as_ref(),
            after,
        )
        .await
    }
}
