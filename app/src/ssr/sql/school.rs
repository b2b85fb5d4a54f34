//! Loads a whole school in one transaction, with a history row for every record.

use super::history::{commit_with_history, record};
use super::people::new_user;
use super::register::{bind_asset, bind_room, INSERT_ASSET, INSERT_ROOM};
use super::{db_error, SqlStore};
use crate::domain::{Field, TagCode};
use crate::error::{AppError, AppResult};
use crate::model::{Named, SchoolFigures};
use crate::ssr::db::{query, query_scalar, Tx};
use crate::ssr::people::store::UserRecord;
use crate::ssr::school::store::SchoolImport;
use crate::ssr::school::store::SchoolStore;
use crate::ssr::store::{Actor, Entity};
use chrono::{DateTime, Utc};
use serde_json::json;
use uuid::Uuid;

/// The history row of one imported record.
async fn imported(
    tx: &mut Tx,
    entity: Entity,
    id: Uuid,
    after: &serde_json::Value,
) -> AppResult<()> {
    record(tx, Actor::SYSTEM, entity, id, "import", None, Some(after)).await
}

/// A tag, linked (`Some((column, id))`) or blank.
async fn insert_tag(
    tx: &mut Tx,
    code: &TagCode,
    link: Option<(&str, Uuid)>,
    now: DateTime<Utc>,
) -> AppResult<()> {
    let column = link.map(|(c, _)| c).unwrap_or("room_id");
    query(format!(
        "INSERT INTO tags (code, {column}, created_at, school_id) VALUES ($1, $2, $3, $school)"
    ))
    .bind(code.as_str())
    .bind(link.map(|(_, id)| id))
    .bind(now)
    .execute(&mut **tx)
    .await
    .map(|_| ())
    .map_err(AppError::internal)
}

#[async_trait::async_trait]
impl SchoolStore for SqlStore {
    async fn health(&self) -> AppResult<()> {
        Ok(self.db.ping().await?)
    }

    async fn refresh_statistics(&self) -> AppResult<()> {
        query("ANALYZE").execute(&self.db).await?;
        Ok(())
    }

    async fn school_name(&self) -> AppResult<String> {
        let name: Option<String> = query_scalar("SELECT name FROM schools WHERE id = $school")
            .fetch_optional(&self.db)
            .await?;
        Ok(name.unwrap_or_default())
    }

    async fn is_empty(&self) -> AppResult<bool> {
        let n: i64 = query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.db)
            .await?;
        Ok(n == 0)
    }

    async fn import_school(&self, s: SchoolImport) -> AppResult<Uuid> {
        let school = Uuid::now_v7();
        let mut tx = self.db.for_school(school).write().await?;
        let now = Utc::now();
        let run = |e: sqlx::Error| AppError::internal(e);
        query("INSERT INTO schools (id, name) VALUES ($school, $1)")
            .bind(&s.school_name)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
        for (id, u) in &s.users {
            new_user(*id, u, now).execute(&mut *tx).await.map_err(run)?;
            let after =
                json!({ "login": u.login, "display_name": u.display_name, "role": u.role.code() });
            imported(&mut tx, Entity::User, *id, &after).await?;
        }
        for b in &s.buildings {
            query("INSERT INTO buildings (id, name, school_id) VALUES ($1, $2, $school)")
                .bind(b.id)
                .bind(&b.name)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            imported(&mut tx, Entity::Building, b.id, &json!({ "name": b.name })).await?;
        }
        for (id, r, tag) in &s.rooms {
            bind_room(query(INSERT_ROOM), r)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            insert_tag(&mut tx, tag, Some(("room_id", *id)), now).await?;
            let after = json!({ "name": r.name, "kind": r.kind.code(), "tag": tag.as_str() });
            imported(&mut tx, Entity::Room, *id, &after).await?;
        }
        for (id, a, tag) in &s.assets {
            bind_asset(query(INSERT_ASSET), a)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            insert_tag(&mut tx, tag, Some(("asset_id", *id)), now).await?;
            let after =
                json!({ "name": a.name, "asset_code": a.asset_code.as_str(), "tag": tag.as_str() });
            imported(&mut tx, Entity::Asset, *id, &after).await?;
        }
        for code in &s.blank_tags {
            insert_tag(&mut tx, code, None, now).await?;
        }
        for (seq, r) in s.responsibilities.iter().enumerate() {
            query(
                "INSERT INTO responsibilities (id, seq, area, item, user_id, cadence, school_id) \
                   VALUES ($1, $2, $3, $4, $5, $6, $school)",
            )
            .bind(r.id)
            .bind(seq as i64)
            .bind(&r.area)
            .bind(&r.item)
            .bind(r.user.as_ref().map(|u| u.id))
            .bind(&r.cadence)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
        }
        tx.commit().await.map_err(run)?;
        Ok(school)
    }

    async fn add_school(&self, actor: Actor, name: &str, admin: UserRecord) -> AppResult<Named> {
        let school = Uuid::now_v7();
        let mut tx = self.db.for_school(school).write().await?;
        let taken = query("SELECT 1 FROM schools WHERE name = $1")
            .bind(name)
            .fetch_optional(&mut *tx)
            .await?;
        if taken.is_some() {
            return Err(AppError::Conflict { field: Field::Name });
        }
        query("INSERT INTO schools (id, name) VALUES ($school, $1)")
            .bind(name)
            .execute(&mut *tx)
            .await?;
        let admin_id = Uuid::now_v7();
        new_user(admin_id, &admin, Utc::now())
            .execute(&mut *tx)
            .await
            .map_err(db_error(Field::Login))?;
        let user = json!({ "login": admin.login, "display_name": admin.display_name, "role": admin.role.code() });
        record(
            &mut tx,
            actor,
            Entity::User,
            admin_id,
            "create",
            None,
            Some(&user),
        )
        .await?;
        let after = Named {
            id: school,
            name: name.to_owned(),
        };
        commit_with_history(tx, actor, Entity::School, school, None, after).await
    }

    async fn schools(&self) -> AppResult<Vec<SchoolFigures>> {
        let count = |table: &str, filter: &str| {
            format!("(SELECT COUNT(*) FROM {table} x WHERE x.school_id = s.id{filter})")
        };
        let sql = format!(
            "SELECT s.id, s.name, {} AS users, {} AS rooms, {} AS assets, {} AS inspections, \
             {} AS open_reports FROM schools s ORDER BY s.name",
            count("users", " AND x.active"),
            count("rooms", ""),
            count("assets", ""),
            count("inspections", ""),
            count(
                "damage_reports",
                " AND x.status NOT IN ('closed', 'rejected')"
            ),
        );
        let rows = query(sql).fetch_all(&self.db).await?;
        rows.iter()
            .map(|r| {
                Ok(SchoolFigures {
                    school: Named {
                        id: r.try_get("id")?,
                        name: r.try_get("name")?,
                    },
                    users: r.try_get("users")?,
                    rooms: r.try_get("rooms")?,
                    assets: r.try_get("assets")?,
                    inspections: r.try_get("inspections")?,
                    open_reports: r.try_get("open_reports")?,
                })
            })
            .collect()
    }

    async fn tag_school(&self, code: &TagCode) -> AppResult<Option<Named>> {
        let row = query(
            "SELECT s.id, s.name FROM tags t JOIN schools s ON s.id = t.school_id WHERE t.code = $1",
        )
        .bind(code.as_str())
        .fetch_optional(&self.db)
        .await?;
        row.map(|r| {
            Ok(Named {
                id: r.try_get("id")?,
                name: r.try_get("name")?,
            })
        })
        .transpose()
    }
}
