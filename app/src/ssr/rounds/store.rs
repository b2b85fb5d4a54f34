//! What rounds ask of a database: schedules, what a scope covers, when things were last
//! inspected. Each database implements it beside its SQL (`ssr/sqlite/rounds.rs`).

use crate::domain::Role;
use crate::error::AppResult;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// A schedule as the form or the calendar gives it, ready to store.
pub struct ScheduleDraft {
    pub id: Uuid,
    pub name: String,
    pub template_key: String,
    pub scope: crate::rounds::Scope,
    pub cadence: crate::rounds::Cadence,
    pub assignee_id: Option<Uuid>,
    pub assignee_role: Option<Role>,
}

/// One thing in a round's scope, as the register has it now.
#[derive(Clone, Debug, PartialEq)]
pub struct RoundSubject {
    pub subject: crate::inspections::Subject,
    pub name: String,
    pub asset_code: Option<String>,
    pub category: Option<String>,
    pub room_kind: Option<crate::domain::RoomKind>,
    pub tag: Option<String>,
    pub building: String,
    pub room: String,
    pub room_id: Option<Uuid>,
    pub status: Option<crate::domain::AssetStatus>,
}

/// Which records of a scope a [`ScopeTally`] counts: the assets of one category, or the rooms
/// of one kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ScopeGroup {
    Category(String),
    RoomKind(crate::domain::RoomKind),
}

/// How many records of one group a scope covers now, and how many of them were inspected in
/// a round's window.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ScopeTally {
    pub group: ScopeGroup,
    pub total: usize,
    pub done: usize,
}

/// Schedules and what a round covers.
#[async_trait]
pub trait RoundStore: Send + Sync {
    /// Stores the school calendar's schedules the first time the server starts.
    async fn ensure_schedules(&self, defaults: Vec<ScheduleDraft>) -> AppResult<()>;
    /// Schedules with their assignee resolved (the 分工 table's person when none is named).
    async fn schedules(&self, include_ended: bool) -> AppResult<Vec<crate::rounds::Schedule>>;
    async fn save_schedule(
        &self,
        actor: Actor,
        draft: ScheduleDraft,
    ) -> AppResult<crate::rounds::Schedule>;
    async fn end_schedule(&self, actor: Actor, id: Uuid) -> AppResult<()>;
    /// What the active schedules cover and when (no assignee resolved: a scan's lighter read).
    async fn coverage(&self) -> AppResult<Vec<crate::rounds::Coverage>>;
    /// Everything a scope covers now (retired and lost assets left out).
    async fn round_subjects(&self, scope: &crate::rounds::Scope) -> AppResult<Vec<RoundSubject>>;
    /// When each record was last inspected with checklist `template_key` (any version).
    async fn last_inspections(
        &self,
        template_key: &str,
    ) -> AppResult<std::collections::HashMap<crate::inspections::Subject, DateTime<Utc>>>;
    /// A scope counted by group (as [`Self::round_subjects`] lists it), each group's records
    /// inspected with checklist `template_key` (any version) from `from` until `until` (open
    /// ended when `None`) counted beside it.
    async fn round_tally(
        &self,
        scope: &crate::rounds::Scope,
        template_key: &str,
        from: DateTime<Utc>,
        until: Option<DateTime<Utc>>,
    ) -> AppResult<Vec<ScopeTally>>;
}
