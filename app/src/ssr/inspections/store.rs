//! What inspections ask of a database: versioned checklists, inspections with their repair
//! tickets, and damage reports. Each database implements these beside its SQL
//! (`ssr/sql/{checklists,inspections,damage}.rs`).

use crate::error::AppResult;
use crate::model::Paging;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use chrono::{DateTime, Utc};
use uuid::Uuid;

/// An inspection checked against its template, ready to store.
pub struct InspectionRecord {
    /// Made where it was recorded (the phone, when offline), or here.
    pub id: Uuid,
    pub template: crate::inspections::Template,
    pub subject: crate::inspections::Subject,
    pub inspected_at: DateTime<Utc>,
    pub answers: Vec<crate::inspections::FilledItem>,
    pub notes: Option<String>,
}

/// A record's last inspection under one checklist, by the checklist's key.
pub struct LastOfChecklist {
    pub key: String,
    pub at: DateTime<Utc>,
    pub inspection: crate::rounds::standing::LastInspection,
}

/// A checked damage report, ready to store.
pub struct DamageDraft {
    pub id: Uuid,
    pub subject: crate::inspections::Subject,
    pub happened_at: Option<String>,
    pub description: String,
    pub cause: Option<String>,
    pub liable: Option<String>,
    pub photos: Vec<Uuid>,
}

/// Which damage reports a list shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ReportScope {
    /// Reported by this user.
    ReportedBy(Uuid),
    /// Assigned to this user and not finished.
    AssignedTo(Uuid),
    /// All of them, newest first.
    All,
    /// Neither closed nor rejected.
    Open,
    /// Open, on this record (and, for a room, on the assets in it).
    OpenOn(crate::inspections::Subject),
    /// Hazards (opened by a failed checklist item) not put right yet.
    Hazards,
}

/// Versioned checklists.
#[async_trait]
pub trait ChecklistStore: Send + Sync {
    /// Stores the default checklists when there are none yet.
    async fn ensure_templates(
        &self,
        defaults: Vec<crate::ssr::inspections::checklists::DefaultTemplate>,
    ) -> AppResult<()>;
    /// The current version of every checklist.
    async fn current_templates(&self) -> AppResult<Vec<crate::inspections::Template>>;
    /// One version of a checklist (old ones stay readable).
    async fn template(&self, id: Uuid) -> AppResult<Option<crate::inspections::Template>>;
    /// Saves a new version of `template.key` (or a new checklist) and makes it current.
    async fn save_template(
        &self,
        actor: Actor,
        template: crate::inspections::Template,
    ) -> AppResult<crate::inspections::Template>;
}

/// Inspections and the repair tickets their failed items open.
#[async_trait]
pub trait InspectionStore: Send + Sync {
    /// Stores the inspection, opens a repair ticket for each failed item and attaches the
    /// photos, in one transaction.
    async fn record_inspection(
        &self,
        actor: Actor,
        inspection: InspectionRecord,
    ) -> AppResult<crate::inspections::Inspection>;
    /// A page of the record's inspections, newest first.
    async fn inspections_of(
        &self,
        subject: crate::inspections::Subject,
        paging: Paging,
    ) -> AppResult<Vec<crate::inspections::Inspection>>;
    /// The record's last inspection under each checklist (any version) it was inspected with.
    async fn last_by_checklist(
        &self,
        subject: crate::inspections::Subject,
    ) -> AppResult<Vec<LastOfChecklist>>;
    /// Loads inspections made before Rounds (a paper ledger) or generated for a benchmark, all
    /// by `inspector`, in one transaction with one history row for the batch. They open no
    /// repair tickets: what failed then was dealt with then.
    async fn import_inspections(
        &self,
        actor: Actor,
        inspector: Uuid,
        inspections: &[InspectionRecord],
    ) -> AppResult<usize>;
}

/// Damage reports and their steps.
#[async_trait]
pub trait DamageStore: Send + Sync {
    async fn report_damage(
        &self,
        actor: Actor,
        report: DamageDraft,
    ) -> AppResult<crate::inspections::DamageReport>;
    async fn damage_reports(
        &self,
        scope: ReportScope,
        paging: Paging,
    ) -> AppResult<Vec<crate::inspections::DamageReport>>;
    /// How many reports a scope holds (what [`Self::damage_reports`] would list, unlimited).
    async fn count_damage_reports(&self, scope: ReportScope) -> AppResult<usize>;
    async fn damage_report(&self, id: Uuid) -> AppResult<Option<crate::inspections::DamageReport>>;
    /// Moves a report one step (the asset's status follows), setting any new measure or
    /// deadline, with history.
    async fn move_damage_report(
        &self,
        actor: Actor,
        id: Uuid,
        step: crate::inspections::Step,
    ) -> AppResult<crate::inspections::DamageReport>;
}
