//! What the school area asks of a database: its health and name, and loading a whole school
//! in one transaction. Each database implements it beside its SQL (`ssr/sql/school.rs`).

use crate::domain::TagCode;
use crate::error::AppResult;
use crate::forms::{AssetFields, RoomFields};
use crate::model::{Named, Responsibility, SchoolFigures};
use crate::ssr::people::store::UserRecord;
use crate::ssr::store::Actor;
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

/// The schools: health, a school's name, loading or adding a whole school, and (for the
/// district) every school's figures.
#[async_trait]
pub trait SchoolStore: Send + Sync {
    /// Answers when the database does.
    async fn health(&self) -> AppResult<()>;
    /// Brings the database's planner statistics up to date after a bulk load (without them a
    /// record's inspections may be read through the school's index: milliseconds, not µs).
    async fn refresh_statistics(&self) -> AppResult<()>;
    /// The asker's school's name.
    async fn school_name(&self) -> AppResult<String>;
    /// Whether the server has no users at all (a fresh database).
    async fn is_empty(&self) -> AppResult<bool>;
    /// Loads a new school in one transaction; its id.
    async fn import_school(&self, school: SchoolImport) -> AppResult<Uuid>;
    /// Adds a school and its first admin in one transaction; refused when the name or the
    /// login is taken.
    async fn add_school(&self, actor: Actor, name: &str, admin: UserRecord) -> AppResult<Named>;
    /// Every school with its figures, by name.
    async fn schools(&self) -> AppResult<Vec<SchoolFigures>>;
    /// The school a tag belongs to, whichever school asks (tags are unique on the server).
    async fn tag_school(&self, code: &TagCode) -> AppResult<Option<Named>>;
}
