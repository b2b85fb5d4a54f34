//! What the API and the pages send to record an inspection, report damage, move a report, or
//! save a checklist version.

use super::{AnswerInput, ChecklistItem, DamageStatus, ItemKind, Step, Subject};
use crate::domain::{bounded_text, optional_text, Field, Invalid, Problem, PurchaseDate, RoomKind};
use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct InspectionRequest {
    /// A UUIDv7 made on the phone; made here when absent.
    #[serde(default)]
    pub id: Option<Uuid>,
    pub template_id: Uuid,
    #[serde(default)]
    pub asset_id: Option<Uuid>,
    #[serde(default)]
    pub room_id: Option<Uuid>,
    /// When it was done (RFC 3339); now when absent.
    #[serde(default)]
    pub inspected_at: Option<String>,
    #[serde(default)]
    pub answers: Vec<AnswerInput>,
    #[serde(default)]
    pub notes: String,
}

#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DamageRequest {
    #[serde(default)]
    pub id: Option<Uuid>,
    #[serde(default)]
    pub asset_id: Option<Uuid>,
    #[serde(default)]
    pub room_id: Option<Uuid>,
    /// When it happened, as the reporter says it (a date, or date and time).
    #[serde(default)]
    pub happened_at: String,
    pub description: String,
    /// Suspected cause.
    #[serde(default)]
    pub cause: String,
    /// Who may be liable (a student and class, a staff member, an outside party).
    #[serde(default)]
    pub liable: String,
    #[serde(default)]
    pub photos: Vec<Uuid>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StepRequest {
    pub status: String,
    #[serde(default)]
    pub reason: String,
    /// How the hazard is to be put right (整改措施); kept when empty.
    #[serde(default)]
    pub measure: String,
    /// The day by which it must be put right (期限), `YYYY-MM-DD`; kept when empty.
    #[serde(default)]
    pub due_on: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TemplateRequest {
    /// The checklist to give a new version; a new checklist when absent.
    #[serde(default)]
    pub key: Option<String>,
    pub name: String,
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub room_kinds: Vec<String>,
    pub items: Vec<ChecklistItem>,
}

/// Exactly one of an asset and a room.
pub fn subject(asset: Option<Uuid>, room: Option<Uuid>) -> Result<Subject, Invalid> {
    match (asset, room) {
        (Some(a), None) => Ok(Subject::Asset(a)),
        (None, Some(r)) => Ok(Subject::Room(r)),
        (None, None) => Err(Invalid::new(Field::Target, Problem::Required)),
        (Some(_), Some(_)) => Err(Invalid::new(Field::Target, Problem::Conflicting)),
    }
}

const TEXT_MAX: usize = 500;

/// A damage report's words, checked.
pub struct DamageTexts {
    pub description: String,
    pub cause: Option<String>,
    pub liable: Option<String>,
    pub happened_at: Option<String>,
}

impl DamageRequest {
    /// The description (required), cause, liable party and time, checked.
    pub fn texts(&self) -> Result<DamageTexts, Invalid> {
        Ok(DamageTexts {
            description: bounded_text(Field::Description, &self.description, TEXT_MAX)?,
            cause: optional_text(Field::Notes, &self.cause, TEXT_MAX)?,
            liable: optional_text(Field::Notes, &self.liable, 200)?,
            happened_at: optional_text(Field::Notes, &self.happened_at, 40)?,
        })
    }
}

impl StepRequest {
    /// The step, its reason, and any new measure or deadline, checked.
    pub fn parse(&self) -> Result<Step, Invalid> {
        let to = DamageStatus::parse(&self.status)?;
        let reason = optional_text(Field::Reason, &self.reason, TEXT_MAX)?;
        let measure = optional_text(Field::Measure, &self.measure, TEXT_MAX)?;
        let due_on = match self.due_on.trim() {
            "" => None,
            day => Some(
                PurchaseDate::parse(day)
                    .map_err(|_| Invalid::new(Field::Due, Problem::BadDate))?
                    .as_str()
                    .to_string(),
            ),
        };
        let step = Step {
            to,
            reason,
            measure,
            due_on,
        };
        step.check()?;
        Ok(step)
    }
}

impl TemplateRequest {
    /// A name, at least one item, item keys unique, labels present, ranges the right way round.
    pub fn check(&self) -> Result<(String, Vec<RoomKind>), Invalid> {
        let name = bounded_text(Field::Name, &self.name, 80)?;
        if self.items.is_empty() {
            return Err(Invalid::new(Field::Answers, Problem::Required));
        }
        let mut keys = std::collections::HashSet::new();
        for item in &self.items {
            bounded_text(Field::Answers, &item.label, 120)?;
            let key = item.key.trim();
            if key.is_empty() || key.len() > 40 || !keys.insert(key) {
                return Err(Invalid::new(Field::Answers, Problem::Malformed));
            }
            if let ItemKind::Number {
                min: Some(lo),
                max: Some(hi),
                ..
            } = item.kind
            {
                if lo > hi {
                    return Err(Invalid::new(Field::Answers, Problem::OutOfRange));
                }
            }
        }
        let kinds = self
            .room_kinds
            .iter()
            .map(|k| RoomKind::parse(k))
            .collect::<Result<Vec<_>, _>>()?;
        if self.categories.is_empty() && kinds.is_empty() {
            return Err(Invalid::new(Field::Category, Problem::Required));
        }
        Ok((name, kinds))
    }
}
