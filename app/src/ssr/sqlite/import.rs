//! Loads a whole school in one transaction, with a history row for every record.

use super::history::record;
use super::{ts, SqliteStore};
use crate::error::{AppError, AppResult};
use crate::ssr::store::{Actor, Entity, SchoolImport};
use chrono::Utc;
use serde_json::json;
use uuid::Uuid;

impl SqliteStore {
    pub(super) async fn import(&self, s: SchoolImport) -> AppResult<()> {
        let mut tx = self.write().await?;
        let now = ts(Utc::now());
        let run = |e: sqlx::Error| AppError::internal(e);
        sqlx::query("INSERT INTO schools (id, name) VALUES ($1, $2)")
            .bind(Uuid::now_v7())
            .bind(&s.school_name)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
        let action = "import";
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
            record(
                &mut tx,
                Actor::SYSTEM,
                Entity::User,
                *id,
                action,
                None,
                Some(&after),
            )
            .await?;
        }
        for b in &s.buildings {
            sqlx::query("INSERT INTO buildings (id, name) VALUES ($1, $2)")
                .bind(b.id)
                .bind(&b.name)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            record(
                &mut tx,
                Actor::SYSTEM,
                Entity::Building,
                b.id,
                action,
                None,
                Some(&json!({ "name": b.name })),
            )
            .await?;
        }
        for (id, r, tag) in &s.rooms {
            sqlx::query("INSERT INTO rooms (id, building_id, name, kind, floor, custodian_id) VALUES ($1, $2, $3, $4, $5, $6)")
                .bind(id)
                .bind(r.building_id)
                .bind(&r.name)
                .bind(r.kind.code())
                .bind(r.floor)
                .bind(r.custodian_id)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            sqlx::query("INSERT INTO tags (code, room_id, created_at) VALUES ($1, $2, $3)")
                .bind(tag.as_str())
                .bind(id)
                .bind(&now)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            let after = json!({ "name": r.name, "kind": r.kind.code(), "tag": tag.as_str() });
            record(
                &mut tx,
                Actor::SYSTEM,
                Entity::Room,
                *id,
                action,
                None,
                Some(&after),
            )
            .await?;
        }
        for (id, a, tag) in &s.assets {
            sqlx::query(
                "INSERT INTO assets (id, category, name, model, asset_code, status, room_id, custodian_id, \
                 purchase_date, value_fen, notes) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
            )
            .bind(id)
            .bind(&a.category)
            .bind(&a.name)
            .bind(&a.model)
            .bind(a.asset_code.as_str())
            .bind(a.status.code())
            .bind(a.room_id)
            .bind(a.custodian_id)
            .bind(a.purchase_date.as_ref().map(|d| d.as_str()))
            .bind(a.value.fen())
            .bind(&a.notes)
            .execute(&mut *tx)
            .await
            .map_err(run)?;
            sqlx::query("INSERT INTO tags (code, asset_id, created_at) VALUES ($1, $2, $3)")
                .bind(tag.as_str())
                .bind(id)
                .bind(&now)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
            let after =
                json!({ "name": a.name, "asset_code": a.asset_code.as_str(), "tag": tag.as_str() });
            record(
                &mut tx,
                Actor::SYSTEM,
                Entity::Asset,
                *id,
                action,
                None,
                Some(&after),
            )
            .await?;
        }
        for code in &s.blank_tags {
            sqlx::query("INSERT INTO tags (code, created_at) VALUES ($1, $2)")
                .bind(code.as_str())
                .bind(&now)
                .execute(&mut *tx)
                .await
                .map_err(run)?;
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
