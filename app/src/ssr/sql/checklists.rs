//! Checklist templates: every edit is a new version; the newest is current.

use super::history::record;
use super::SqlStore;
use crate::domain::RoomKind;
use crate::error::{AppError, AppResult};
use crate::inspections::Template;
use crate::ssr::db::{query, query_scalar, Arg, Row, Tx};
use crate::ssr::inspections::checklists::DefaultTemplate;
use crate::ssr::inspections::store::ChecklistStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

const TEMPLATE_SELECT: &str =
    "SELECT id, key, version, name, categories, room_kinds, items FROM checklist_templates \
    WHERE school_id = $school";

fn parse<T: serde::de::DeserializeOwned>(text: String) -> AppResult<T> {
    serde_json::from_str(&text).map_err(AppError::internal)
}

pub(super) fn template(row: &Row) -> AppResult<Template> {
    let get = |e: sqlx::Error| AppError::internal(e);
    let json = |col: &str| -> AppResult<String> { row.try_get(col).map_err(get) };
    let kinds: Vec<String> = parse(json("room_kinds")?)?;
    Ok(Template {
        id: row.try_get("id").map_err(get)?,
        key: row.try_get("key").map_err(get)?,
        version: row.try_get("version").map_err(get)?,
        name: row.try_get("name").map_err(get)?,
        categories: parse(json("categories")?)?,
        room_kinds: kinds
            .iter()
            .filter_map(|k| RoomKind::parse(k).ok())
            .collect(),
        items: parse(json("items")?)?,
    })
}

pub(super) fn json<T: serde::Serialize>(v: &T) -> AppResult<Arg> {
    Arg::json(v).map_err(AppError::internal)
}

async fn insert(tx: &mut Tx, actor: Actor, t: &Template) -> AppResult<()> {
    query(
        "UPDATE checklist_templates SET is_current = FALSE WHERE key = $1 AND school_id = $school",
    )
    .bind(&t.key)
    .execute(&mut **tx)
    .await?;
    let kinds: Vec<&str> = t.room_kinds.iter().map(|k| k.code()).collect();
    query(
        "INSERT INTO checklist_templates (id, key, version, name, categories, room_kinds, items, \
         is_current, created_at, created_by, school_id) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, TRUE, $8, $9, $school)",
    )
    .bind(t.id)
    .bind(&t.key)
    .bind(t.version)
    .bind(&t.name)
    .bind(json(&t.categories)?)
    .bind(json(&kinds)?)
    .bind(json(&t.items)?)
    .bind(Utc::now())
    .bind(actor.0)
    .execute(&mut **tx)
    .await?;
    let action = if t.version == 1 { "create" } else { "update" };
    record(tx, actor, Entity::Template, t.id, action, None, Some(t)).await
}

#[async_trait::async_trait]
impl ChecklistStore for SqlStore {
    async fn ensure_templates(&self, defaults: Vec<DefaultTemplate>) -> AppResult<()> {
        let mut tx = self.write().await?;
        let n: i64 =
            query_scalar("SELECT COUNT(*) FROM checklist_templates WHERE school_id = $school")
                .fetch_one(&mut *tx)
                .await?;
        if n > 0 {
            return Ok(());
        }
        for d in defaults {
            let t = Template {
                id: Uuid::now_v7(),
                key: d.key.to_string(),
                version: 1,
                name: d.name.to_string(),
                categories: d.categories.iter().map(|c| c.to_string()).collect(),
                room_kinds: d.room_kinds.to_vec(),
                items: d.items,
            };
            insert(&mut tx, Actor::SYSTEM, &t).await?;
        }
        Ok(tx.commit().await?)
    }

    async fn current_templates(&self) -> AppResult<Vec<Template>> {
        let rows = query(format!("{TEMPLATE_SELECT} AND is_current ORDER BY name"))
            .fetch_all(&self.db)
            .await?;
        rows.iter().map(template).collect()
    }

    async fn template(&self, id: Uuid) -> AppResult<Option<Template>> {
        let row = query(format!("{TEMPLATE_SELECT} AND id = $1"))
            .bind(id)
            .fetch_optional(&self.db)
            .await?;
        row.as_ref().map(template).transpose()
    }

    /// Stores `t` as the next version of its key (version 1 for a new key).
    async fn save_template(&self, actor: Actor, mut t: Template) -> AppResult<Template> {
        let mut tx = self.write().await?;
        let last: Option<i64> = query_scalar(
            "SELECT MAX(version) FROM checklist_templates WHERE key = $1 AND school_id = $school",
        )
        .bind(&t.key)
        .fetch_one(&mut *tx)
        .await?;
        t.id = Uuid::now_v7();
        t.version = last.unwrap_or(0) + 1;
        insert(&mut tx, actor, &t).await?;
        tx.commit().await?;
        Ok(t)
    }
}
