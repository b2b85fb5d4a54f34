//! The offline queue's records and what `POST /api/v1/sync` answers for each. A record is
//! applied once, keyed by the UUIDv7 the phone made; what changed on the server since the
//! phone took its copy is kept with the record as a conflict for a manager, never dropped.

use crate::domain::AssetStatus;
use crate::inspections::requests::{DamageRequest, InspectionRequest};
use crate::model::Named;
use crate::stocktake::{ScanClass, ScanRequest};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// At most this many records a batch.
pub const MAX_BATCH: usize = 1000;

/// What the phone knew of the record's subject when it took the round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Seen {
    #[serde(default)]
    pub room_id: Option<Uuid>,
    #[serde(default)]
    pub status: Option<AssetStatus>,
}

/// One queued record. `record.id` is required here: it is the key that makes a resend
/// harmless.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum SyncRecord {
    Inspection {
        record: InspectionRequest,
        #[serde(default)]
        seen: Seen,
    },
    DamageReport {
        record: DamageRequest,
        #[serde(default)]
        seen: Seen,
    },
    /// A tag counted in a stocktake's room.
    StocktakeScan { record: ScanRequest },
}

impl SyncRecord {
    pub fn id(&self) -> Option<Uuid> {
        match self {
            SyncRecord::Inspection { record, .. } => record.id,
            SyncRecord::DamageReport { record, .. } => record.id,
            SyncRecord::StocktakeScan { record } => record.id,
        }
    }

    pub fn kind(&self) -> RecordKind {
        match self {
            SyncRecord::Inspection { .. } => RecordKind::Inspection,
            SyncRecord::DamageReport { .. } => RecordKind::DamageReport,
            SyncRecord::StocktakeScan { .. } => RecordKind::StocktakeScan,
        }
    }

    /// The photos the record refers to, which must reach the server first.
    pub fn photos(&self) -> Vec<Uuid> {
        match self {
            SyncRecord::Inspection { record, .. } => record
                .answers
                .iter()
                .flat_map(|a| a.photos.iter().copied())
                .collect(),
            SyncRecord::DamageReport { record, .. } => record.photos.clone(),
            SyncRecord::StocktakeScan { .. } => Vec::new(),
        }
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RecordKind {
    Inspection,
    DamageReport,
    StocktakeScan,
}

impl RecordKind {
    pub fn code(self) -> &'static str {
        match self {
            RecordKind::Inspection => "inspection",
            RecordKind::DamageReport => "damage_report",
            RecordKind::StocktakeScan => "stocktake_scan",
        }
    }
}

/// What became of one record.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    /// Stored now (perhaps with conflicts).
    Applied,
    /// Stored by an earlier send; nothing changed.
    Duplicate,
    /// Refused for the reason given; nothing stored. Sending it again will not help.
    Rejected,
    /// A photo it refers to has not arrived: upload it, then send the record again.
    MissingPhotos,
}

/// What changed on the server since the phone took its copy.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ConflictReason {
    /// The asset is in another room now.
    Moved,
    /// The asset was retired or reported lost.
    Retired,
    /// The checklist has a newer version than the one filled.
    TemplateChanged,
    /// The checklist no longer applies to the record (its category or kind changed).
    NotApplicable,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Conflict {
    pub reason: ConflictReason,
    /// The translated sentence.
    pub message: String,
}

#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncError {
    pub code: String,
    pub message: String,
    pub field: Option<crate::domain::Field>,
}

/// One record's result, in the order the batch sent them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct SyncResult {
    pub id: Option<Uuid>,
    pub outcome: Outcome,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub conflicts: Vec<Conflict>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub error: Option<SyncError>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub missing_photos: Vec<Uuid>,
    /// Repair tickets an inspection's failed items opened.
    #[serde(default)]
    pub tickets: usize,
    /// How the server counted a stocktake scan (a repeat when someone counted the tag first).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub class: Option<ScanClass>,
}

/// A conflict as the manager sees it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SyncConflict {
    pub id: Uuid,
    pub record_kind: RecordKind,
    pub record_id: Uuid,
    /// What the record is about (asset name and code, or building · room).
    pub subject: String,
    pub subject_url: String,
    pub by: Named,
    pub received_at: String,
    pub reasons: Vec<ConflictReason>,
    pub resolved: Option<(Named, String)>,
}
