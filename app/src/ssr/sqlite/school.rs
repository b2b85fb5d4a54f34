//! Loads a whole school in one transaction, with a history row for every record.

use super::history::record;
use super::register::{bind_asset, bind_room, INSERT_ASSET, INSERT_ROOM};
use super::{ts, SqliteStore};
use crate::domain::TagCode;
use crate::error::{AppError, AppResult};
use crate::ssr::school::store::SchoolImport;
use crate::ssr::school::store::SchoolStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use serde_json::json;
use sqlx::{Sqlite, Transaction};
use uuid::Uuid;

type Tx = Transaction<'static, Sqlite>;

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
    now: &str,
) -> AppResult<()> {
    let column = link.map(|(c, _)| c).unwrap_or("room_id");
    sqlx::query(&format!(
        "INSERT INTO tags (code, {column}, created_at) VALUES ($1, $2, $3)"
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
impl SchoolStore for SqliteStore {
    async fn health(&self) -> AppResult<()> {
        sqlx::query("SELECT 1")
            .execute(&self.pool)
            .await
            .map(|_| ())
            .map_err(AppError::internal)
    }

    async fn school_name(&self) -> AppResult<String> {
        let name: Option<String> = sqlx::query_scalar("SELECT name FROM schools LIMIT 1")
            .fetch_optional(&self.pool)
            .await?;
        Ok(name.unwrap_or_default())
    }

    async fn is_empty(&self) -> AppResult<bool> {
        let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM users")
            .fetch_one(&self.pool)
            .await?;
        Ok(n == 0)
    }

    async fn import_school(&self, s: SchoolImport) -> AppResult<()> {
        let mut tx = self.write().await?;
        let now = ts(Utc::now());
        let run = |e: sqlx::Error| AppError::internal(e);
        sqlx::query("INSERT INTO schools (id, name) VALUES ($1, $2)")
            .bind(Uuid::now_v7())
            .bind(&s.school_name)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
        for (id, u) in &s.users {
            sqlx::query(
                "INSERT INTO users (id, login, display_name, role, active, password_hash, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(id)
            .bind(&u.login)
            .bind(&u.display_name)
            .bind(u.role.code())
            .bind(u.active)
            .bind(u.password_hash.as_deref().unwrap_or("!"))
            .bind(&now)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
            let after =
                json!({ "login": u.login, "display_name": u.display_name, "role": u.role.code() });
            imported(&mut tx, Entity::User, *id, &after).await?;
        }
        for b in &s.buildings {
            sqlx::query("INSERT INTO buildings (id, name) VALUES ($1, $2)")
                .bind(b.id)
                .bind(&b.name)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            imported(&mut tx, Entity::Building, b.id, &json!({ "name": b.name })).await?;
        }
        for (id, r, tag) in &s.rooms {
            bind_room(sqlx::query(INSERT_ROOM), r)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            insert_tag(&mut tx, tag, Some(("room_id", *id)), &now).await?;
            let after = json!({ "name": r.name, "kind": r.kind.code(), "tag": tag.as_str() });
            imported(&mut tx, Entity::Room, *id, &after).await?;
        }
        for (id, a, tag) in &s.assets {
            bind_asset(sqlx::query(INSERT_ASSET), a)
                .bind(id)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            insert_tag(&mut tx, tag, Some(("asset_id", *id)), &now).await?;
            let after =
                json!({ "name": a.name, "asset_code": a.asset_code.as_str(), "tag": tag.as_str() });
            imported(&mut tx, Entity::Asset, *id, &after).await?;
        }
        for code in &s.blank_tags {
            insert_tag(&mut tx, code, None, &now).await?;
        }
        for (seq, r) in s.responsibilities.iter().enumerate() {
            sqlx::query("INSERT INTO responsibilities (id, seq, area, item, user_id, cadence) VALUES ($1, $2, $3, $4, $5, $6)")
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
        tx.commit().await.map_err(run)
    }
}
