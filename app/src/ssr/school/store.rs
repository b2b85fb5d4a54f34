//! What the school area asks of a database: its health and name, and loading a whole school
//! in one transaction. Each database implements it beside its SQL (`ssr/sqlite/school.rs`).

use crate::domain::TagCode;
use crate::error::AppResult;
use crate::forms::{AssetFields, RoomFields};
use crate::model::{Named, Responsibility};
use crate::ssr::people::store::UserRecord;
use async_trait::async_trait;
use uuid::Uuid;

/// A whole school to load in one transaction (demo data, generated benchmarks, imports).
#[derive(Default)]
pub struct SchoolImport {
    pub school_name: String,
    pub users: Vec<(Uuid, UserRecord)>,
    pub buildings: Vec<Named>,
    pub rooms: Vec<(Uuid, RoomFields, TagCode)>,
    pub assets: Vec<(Uuid, AssetFields, TagCode)>,
    pub responsibilities: Vec<Responsibility>,
    pub blank_tags: Vec<TagCode>,
}

/// The school itself: health, its name, loading a whole school.
#[async_trait]
pub trait SchoolStore: Send + Sync {
    /// Answers when the database does.
    async fn health(&self) -> AppResult<()>;
    async fn school_name(&self) -> AppResult<String>;
    async fn is_empty(&self) -> AppResult<bool>;
    async fn import_school(&self, school: SchoolImport) -> AppResult<()>;
}
