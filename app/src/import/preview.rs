//! What the manager sees before committing an import, and what is kept of one committed: shared
//! by the server that makes them and the page that shows them.

use super::columns::{Profile, RegisterColumn};
use super::{Quantities, RowError};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// How many of each list a preview carries; the counts are always whole.
pub const LIST_MAX: usize = 200;

/// A column of the file: its letters, its header, and what Rounds reads there.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct MappedColumn {
    pub letters: String,
    pub header: String,
    pub reads: Option<RegisterColumn>,
}

/// An asset the import would create.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewAsset {
    pub row: usize,
    pub asset_code: String,
    pub name: String,
    /// "building · room", when the register names a place.
    pub room: Option<String>,
}

/// One value an import would change.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FieldChange {
    pub column: RegisterColumn,
    pub before: String,
    pub after: String,
}

/// An asset the import would change, with what changes.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PreviewChange {
    pub row: usize,
    pub asset_code: String,
    pub name: String,
    pub changes: Vec<FieldChange>,
}

/// How many records an import creates, changes and leaves alone.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCounts {
    /// Rows of the file that hold an asset.
    pub rows: usize,
    pub errors: usize,
    pub new_buildings: usize,
    pub new_rooms: usize,
    pub new_assets: usize,
    /// Fresh tags: one per new room and per new asset.
    pub new_tags: usize,
    pub changed_assets: usize,
    pub unchanged_assets: usize,
}

/// A committed import, as listed later.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RegisterImport {
    pub id: Uuid,
    pub file_name: String,
    pub sha256: String,
    pub quantities: Quantities,
    pub imported_by: Option<Named>,
    pub imported_at: String,
    pub counts: ImportCounts,
}

/// A saved column mapping.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportProfile {
    pub id: Uuid,
    pub name: String,
    pub mapping: Profile,
    pub saved_by: Option<Named>,
    pub saved_at: String,
}

/// What an import would do (or, committed, did).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ImportPreview {
    pub file_name: String,
    pub sha256: String,
    /// The header row as Excel numbers it; none when no header was found.
    pub header_row: Option<usize>,
    pub columns: Vec<MappedColumn>,
    pub quantities: Quantities,
    pub counts: ImportCounts,
    /// The first [`LIST_MAX`] of each list.
    pub errors: Vec<RowError>,
    pub new_buildings: Vec<String>,
    pub new_rooms: Vec<String>,
    pub new_assets: Vec<PreviewAsset>,
    pub changed_assets: Vec<PreviewChange>,
    /// Earlier commits of the same file.
    pub imported_before: Vec<RegisterImport>,
    /// The import this request committed; none for a preview, or when there was nothing to do.
    pub committed: Option<RegisterImport>,
}
