//! Inspections and damage reports, the parts the page and the server share: checklist
//! templates and their items, how answers are checked and which fail, and the damage-report
//! lifecycle.

mod checklist;
pub mod checklist_text;
pub mod compensation;
mod damage;
pub mod requests;

pub use checklist::{evaluate, AnswerInput, ChecklistItem, FilledItem, ItemKind, Template};
pub use damage::{DamageReport, DamageStatus, Source, Step, RECTIFY_DAYS};

use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What an inspection or a damage report is about.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(tag = "kind", content = "id", rename_all = "snake_case")]
pub enum Subject {
    Asset(Uuid),
    Room(Uuid),
}

impl Subject {
    /// The asset's or the room's id.
    pub fn id(self) -> Uuid {
        match self {
            Subject::Asset(id) | Subject::Room(id) => id,
        }
    }

    /// The record as the `(asset_id, room_id)` pair of columns a row stores it in.
    pub fn columns(self) -> (Option<Uuid>, Option<Uuid>) {
        match self {
            Subject::Asset(a) => (Some(a), None),
            Subject::Room(r) => (None, Some(r)),
        }
    }

    /// `asset` or `room`, as page paths (`/inspect/asset/…`) and the API spell it.
    pub fn kind(self) -> &'static str {
        match self {
            Subject::Asset(_) => "asset",
            Subject::Room(_) => "room",
        }
    }
}

/// What decides which checklists apply to a record: an asset's category, a room's kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Fit {
    Category(String),
    RoomKind(crate::domain::RoomKind),
}

impl Fit {
    pub fn admits(&self, template: &Template) -> bool {
        match self {
            Fit::Category(c) => template.applies_to_asset(c),
            Fit::RoomKind(k) => template.applies_to_room(*k),
        }
    }
}

/// A recorded inspection, with the wording of the checklist as it was filled.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Inspection {
    pub id: Uuid,
    pub template_id: Uuid,
    pub template_name: String,
    pub template_version: i64,
    pub subject: Subject,
    pub inspector: Named,
    pub inspected_at: String,
    pub answers: Vec<FilledItem>,
    pub notes: Option<String>,
    pub failed_items: i64,
    /// Repair tickets its failed items opened.
    pub tickets: Vec<Uuid>,
    /// Recorded after its period's inspection record was closed: that period (`2026-11`).
    #[serde(default)]
    pub late_for: Option<String>,
}
