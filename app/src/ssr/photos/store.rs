//! What photos ask of a database: their rows and who may see them (the files live in the data
//! folder). Each database implements it beside its SQL (`ssr/sqlite/photos.rs`).

use crate::error::AppResult;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// A stored photo with what decides who may see it.
pub struct PhotoRecord {
    pub photo: crate::model::Photo,
    pub sha256: String,
    pub uploaded_by: Uuid,
    /// The record it belongs to (`inspection`, `damage_report`) once attached.
    pub owner: Option<(String, Uuid)>,
}

/// Stored photos and who may see them.
#[async_trait]
pub trait PhotoStore: Send + Sync {
    /// Stores an uploaded photo's row under `id` (made by the phone for offline photos, else
    /// here); its files are already written.
    async fn add_photo(
        &self,
        actor: Actor,
        id: Uuid,
        sha256: &str,
        width: u32,
        height: u32,
        bytes: usize,
    ) -> AppResult<crate::model::Photo>;
    async fn photo(&self, id: Uuid) -> AppResult<Option<PhotoRecord>>;
}
