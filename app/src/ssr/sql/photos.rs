//! Photo rows: one per upload, pointing at files named by content hash.

use super::history::record;
use super::SqlStore;
use crate::error::{AppError, AppResult};
use crate::model::Photo;
use crate::ssr::db::query;
use crate::ssr::photos::store::PhotoRecord;
use crate::ssr::photos::store::PhotoStore;
use crate::ssr::store::{Actor, Entity};
use chrono::Utc;
use uuid::Uuid;

impl SqlStore {
    pub(super) async fn insert_photo(
        &self,
        actor: Actor,
        id: Uuid,
        sha256: &str,
        (width, height): (u32, u32),
        bytes: usize,
    ) -> AppResult<Photo> {
        let uploader = actor.0.ok_or(AppError::Unauthorized)?;
        let mut tx = self.write().await?;
        query(
            "INSERT INTO photos (id, sha256, width, height, bytes, uploaded_by, uploaded_at, school_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $school)",
        )
        .bind(id)
        .bind(sha256)
        .bind(width)
        .bind(height)
        .bind(bytes as i64)
        .bind(uploader)
        .bind(Utc::now())
        .execute(&mut *tx)
        .await
        .map_err(super::db_error(crate::domain::Field::Photo))?;
        let photo = Photo::new(id, width, height);
        let after = serde_json::json!({ "sha256": sha256, "width": width, "height": height, "bytes": bytes });
        record(
            &mut tx,
            actor,
            Entity::Photo,
            id,
            "upload",
            None,
            Some(&after),
        )
        .await?;
        tx.commit().await?;
        Ok(photo)
    }
}

#[async_trait::async_trait]
impl PhotoStore for SqlStore {
    async fn add_photo(
        &self,
        actor: Actor,
        id: Uuid,
        sha256: &str,
        width: u32,
        height: u32,
        bytes: usize,
    ) -> AppResult<crate::model::Photo> {
        self.insert_photo(actor, id, sha256, (width, height), bytes)
            .await
    }

    async fn photo(&self, id: Uuid) -> AppResult<Option<PhotoRecord>> {
        let row = query(
            "SELECT sha256, width, height, uploaded_by, owner_kind, owner_id FROM photos \
             WHERE id = $1 AND school_id = $school",
        )
        .bind(id)
        .fetch_optional(&self.db)
        .await?;
        let Some(row) = row else {
            return Ok(None);
        };
        let get = |e: sqlx::Error| AppError::internal(e);
        let kind: Option<String> = row.try_get("owner_kind").map_err(get)?;
        let owner: Option<Uuid> = row.try_get("owner_id").map_err(get)?;
        Ok(Some(PhotoRecord {
            photo: Photo::new(
                id,
                row.try_get("width").map_err(get)?,
                row.try_get("height").map_err(get)?,
            ),
            sha256: row.try_get("sha256").map_err(get)?,
            uploaded_by: row.try_get("uploaded_by").map_err(get)?,
            owner: kind.zip(owner),
        }))
    }
}
