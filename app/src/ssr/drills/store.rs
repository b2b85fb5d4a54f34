//! What drills ask of a database. Each database implements it beside its SQL
//! (`ssr/sql/drills.rs`).

use crate::drills::{Drill, DrillRecord, NewDrill, PlannedDrill};
use crate::error::AppResult;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

#[async_trait]
pub trait DrillStore: Send + Sync {
    /// Plans the calendar's drills of `semester` that are not planned yet (each calendar entry
    /// once, however many ask at once), with history.
    async fn ensure_drills(&self, semester: &str, planned: Vec<PlannedDrill>) -> AppResult<()>;
    /// The drills of `semester` by month; their state is judged in `this_month` (`2026-12`).
    async fn drills(&self, semester: &str, this_month: &str) -> AppResult<Vec<Drill>>;
    async fn drill(&self, id: Uuid, this_month: &str) -> AppResult<Option<Drill>>;
    /// Plans a drill beyond the calendar's, with history.
    async fn plan_drill(&self, actor: Actor, id: Uuid, drill: NewDrill) -> AppResult<()>;
    /// Records a drill that has not been recorded, in one transaction with history: the record,
    /// the photos, and each problem with the repair it opens when it names an asset or a room.
    /// A drill recorded already is a step out of order.
    async fn record_drill(&self, actor: Actor, id: Uuid, record: DrillRecord) -> AppResult<()>;
}
