//! What an import asks of a database: the register to plan against, the plan written whole or
//! not at all, the imports made and the mappings saved. Each database implements it beside its
//! SQL (`ssr/sql/import.rs`).

use crate::error::AppResult;
use crate::import::columns::Profile;
use crate::import::plan::{Plan, Register};
use crate::import::preview::{ImportProfile, RegisterImport};
use crate::import::Quantities;
use crate::model::Paging;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// The file an import commits, for its record.
#[derive(Clone, Debug)]
pub struct ImportHead {
    pub id: Uuid,
    pub file_name: String,
    pub sha256: String,
    pub quantities: Quantities,
    /// Rows of the file that hold an asset.
    pub rows: usize,
}

/// Plans an import against the register as the committing transaction reads it.
pub type Planner<'a> = &'a (dyn Fn(&Register) -> Plan + Send + Sync);

#[async_trait]
pub trait ImportStore: Send + Sync {
    /// The school's buildings, rooms, users and assets, as an import plans against them.
    async fn import_register(&self) -> AppResult<Register>;
    /// Plans with `planner` inside one write transaction and writes all of it (buildings,
    /// rooms, assets, their tags, a history entry for each, the import's record) or nothing.
    /// None when the plan has nothing to do: then nothing is written, not even a record.
    async fn commit_import(
        &self,
        actor: Actor,
        head: ImportHead,
        planner: Planner<'_>,
    ) -> AppResult<Option<(RegisterImport, Plan)>>;
    /// The imports made, newest first.
    async fn imports(&self, paging: Paging) -> AppResult<Vec<RegisterImport>>;
    /// The imports made of a file with this SHA-256, newest first.
    async fn imports_of_file(&self, sha256: &str) -> AppResult<Vec<RegisterImport>>;
    async fn import_profiles(&self) -> AppResult<Vec<ImportProfile>>;
    async fn import_profile(&self, name: &str) -> AppResult<Option<ImportProfile>>;
    /// Saves the mapping under `name`, replacing a profile of that name.
    async fn save_import_profile(
        &self,
        actor: Actor,
        name: &str,
        mapping: &Profile,
    ) -> AppResult<ImportProfile>;
}
