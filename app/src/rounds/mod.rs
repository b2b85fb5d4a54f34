//! Rounds: schedules (a checklist over a scope, with a cadence and someone to do it), the
//! items each round holds and where each stands, and the offline records the phone syncs.

mod cadence;
pub mod form;
pub mod standing;
pub mod sync;

#[cfg(feature = "ssr")]
pub use cadence::{parse_day, Window};
pub use cadence::{Cadence, ItemState};

use crate::domain::{bounded_text, AssetStatus, Field, Invalid, Problem, Role, RoomKind};
use crate::inspections::{Fit, Subject};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

/// What a schedule covers: assets of some categories, rooms of some kinds, and hand-picked
/// assets and rooms. Retired and lost assets drop out of every round.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    #[serde(default)]
    pub categories: Vec<String>,
    #[serde(default)]
    pub room_kinds: Vec<RoomKind>,
    #[serde(default)]
    pub assets: Vec<Uuid>,
    #[serde(default)]
    pub rooms: Vec<Uuid>,
}

impl Scope {
    pub fn is_empty(&self) -> bool {
        self.categories.is_empty()
            && self.room_kinds.is_empty()
            && self.assets.is_empty()
            && self.rooms.is_empty()
    }

    /// Whether this scope's rounds hold a record (as the store's `round_subjects` lists them):
    /// an asset still in service by its category or by name, a room by its kind or by name.
    pub fn holds(&self, subject: Subject, fit: &Fit, in_service: bool) -> bool {
        match (subject, fit) {
            (Subject::Asset(id), Fit::Category(c)) => {
                in_service && (self.categories.contains(c) || self.assets.contains(&id))
            }
            (Subject::Room(id), Fit::RoomKind(k)) => {
                self.room_kinds.contains(k) || self.rooms.contains(&id)
            }
            _ => false,
        }
    }
}

/// Who does a schedule's rounds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case")]
pub enum Assignee {
    Person {
        user: Named,
    },
    Role {
        role: Role,
    },
    /// Nobody named: the responsible person from the 分工 table (if the table names one).
    Duty {
        user: Option<Named>,
    },
}

impl Assignee {
    /// Whether `user` (with `role`) does this schedule's rounds.
    pub fn includes(&self, user: Uuid, role: Role) -> bool {
        match self {
            Assignee::Person { user: u } => u.id == user,
            Assignee::Role { role: r } => *r == role,
            Assignee::Duty { user: u } => u.as_ref().is_some_and(|u| u.id == user),
        }
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Schedule {
    pub id: Uuid,
    pub name: String,
    pub template_key: String,
    /// The current version's name; empty when the checklist is gone.
    pub template_name: String,
    pub scope: Scope,
    pub cadence: Cadence,
    pub assignee: Assignee,
    pub active: bool,
    /// `YYYY-MM-DD`, the school's date the schedule was set up.
    pub since: String,
}

/// The round of a schedule with `cadence`, set up on `since` (`YYYY-MM-DD`), on `today`, if it
/// has one then (a schedule of some months has none outside them).
#[cfg(feature = "ssr")]
fn window_on(cadence: &Cadence, since: &str, today: chrono::NaiveDate) -> Option<Window> {
    cadence.window(today, parse_day(since).unwrap_or(today))
}

#[cfg(feature = "ssr")]
impl Schedule {
    pub fn window(&self, today: chrono::NaiveDate) -> Option<Window> {
        window_on(&self.cadence, &self.since, today)
    }
}

/// What an active schedule's rounds cover and when, without who does them: all a scanned
/// record needs of it.
#[cfg(feature = "ssr")]
#[derive(Clone, Debug, PartialEq)]
pub struct Coverage {
    pub name: String,
    pub template_key: String,
    pub scope: Scope,
    pub cadence: Cadence,
    /// `YYYY-MM-DD`, the school's date the schedule was set up.
    pub since: String,
}

#[cfg(feature = "ssr")]
impl Coverage {
    pub fn window(&self, today: chrono::NaiveDate) -> Option<Window> {
        window_on(&self.cadence, &self.since, today)
    }
}

/// One thing a round inspects, with what the phone needs to show and fill it offline.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct RoundItem {
    pub schedule_id: Uuid,
    /// The checklist version to fill (the current one).
    pub template_id: Uuid,
    pub template_name: String,
    pub subject: Subject,
    pub name: String,
    pub asset_code: Option<String>,
    pub tag: Option<String>,
    pub building: String,
    pub room: String,
    /// The room the asset was in when the round was opened (a move meanwhile is a conflict).
    pub room_id: Option<Uuid>,
    pub status: Option<AssetStatus>,
    pub state: ItemState,
    /// `YYYY-MM-DD`.
    pub due: String,
    /// When it was last inspected for this schedule's checklist (school time), if ever.
    pub last_inspected: Option<String>,
}

impl RoundItem {
    /// The key the phone marks an item done under: schedule, subject.
    pub fn key(&self) -> String {
        match self.subject {
            Subject::Asset(id) => format!("{}:asset:{id}", self.schedule_id),
            Subject::Room(id) => format!("{}:room:{id}", self.schedule_id),
        }
    }
}

/// A schedule's round as of today.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Round {
    pub schedule: Schedule,
    /// `YYYY-MM-DD`: the window's first day and due day.
    pub opens: String,
    pub due: String,
    pub items: Vec<RoundItem>,
}

impl Round {
    pub fn done(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.state == ItemState::Done)
            .count()
    }

    pub fn overdue(&self) -> usize {
        self.items
            .iter()
            .filter(|i| i.state == ItemState::Overdue)
            .count()
    }
}

/// What `POST /api/v1/schedules` and the schedule form send.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScheduleRequest {
    pub name: String,
    pub template_key: String,
    pub scope: Scope,
    pub cadence: Cadence,
    #[serde(default)]
    pub assignee_id: Option<Uuid>,
    #[serde(default)]
    pub assignee_role: Option<Role>,
}

impl ScheduleRequest {
    /// The name, a scope that names something, a valid cadence, at most one assignee.
    pub fn check(&self) -> Result<String, Invalid> {
        let name = bounded_text(Field::Name, &self.name, 80)?;
        if self.template_key.trim().is_empty() {
            return Err(Invalid::new(Field::Template, Problem::Required));
        }
        if self.scope.is_empty() {
            return Err(Invalid::new(Field::Scope, Problem::Required));
        }
        if self.scope.assets.len() + self.scope.rooms.len() > 2000 {
            return Err(Invalid::new(Field::Scope, Problem::TooMany { max: 2000 }));
        }
        if self.assignee_id.is_some() && self.assignee_role.is_some() {
            return Err(Invalid::new(Field::Assignee, Problem::Conflicting));
        }
        #[cfg(feature = "ssr")]
        self.cadence.check()?;
        Ok(name)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cadences_read_as_the_api_documents_them() {
        let c: Cadence =
            serde_json::from_str(r#"{"every":"months","months":[9,10,11,12,1]}"#).unwrap();
        assert_eq!(
            c,
            Cadence::Months {
                months: vec![9, 10, 11, 12, 1],
                day: None
            }
        );
        let w: Cadence = serde_json::from_str(r#"{"every":"weekly","weekdays":[5]}"#).unwrap();
        assert_eq!(w.code(), "weekly");
        assert!(serde_json::from_str::<Cadence>(r#"{"every":"hourly"}"#).is_err());
    }

    #[test]
    fn a_schedule_needs_a_scope_and_one_assignee_at_most() {
        let mut req = ScheduleRequest {
            name: "消防设备自检".into(),
            template_key: "fire_equipment".into(),
            scope: Scope::default(),
            cadence: Cadence::Daily,
            assignee_id: None,
            assignee_role: None,
        };
        assert_eq!(req.check().unwrap_err().field, Field::Scope);
        req.scope.categories.push("消防器材".into());
        assert!(req.check().is_ok());
        req.assignee_id = Some(Uuid::nil());
        req.assignee_role = Some(Role::Staff);
        assert_eq!(req.check().unwrap_err().field, Field::Assignee);
    }
}
