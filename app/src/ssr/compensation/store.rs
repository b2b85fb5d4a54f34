//! What compensation asks of a database: cases and the depreciation rule. Each database
//! implements it beside its SQL (`ssr/sql/compensation.rs`).

use crate::error::AppResult;
use crate::model::Paging;
use crate::ssr::store::Actor;
use async_trait::async_trait;
use uuid::Uuid;

/// Which cases a list holds.
#[derive(Clone, Debug, Default)]
pub struct CaseFilter {
    /// One semester (`2026-秋`), or every one.
    pub semester: Option<String>,
    /// Only the cases neither paid nor waived.
    pub open_only: bool,
    /// Only the cases of damage to this record (for a room, to it or the assets in it).
    pub on: Option<crate::inspections::Subject>,
}

/// A checked compensation case, ready to store.
pub struct CompensationDraft {
    pub damage_report_id: Uuid,
    pub party_kind: crate::inspections::compensation::PartyKind,
    pub party_name: String,
    pub party_class: Option<String>,
    pub basis: crate::inspections::compensation::Basis,
    pub amount: crate::domain::Fen,
    pub semester: String,
}

/// How a compensation case ends.
pub enum CaseEnd {
    Paid {
        on: String,
        receipt_no: String,
        received_by: String,
    },
    Waived {
        reason: String,
    },
}

/// Compensation cases (谁损坏谁赔偿) and the depreciation rule.
#[async_trait]
pub trait CompensationStore: Send + Sync {
    async fn depreciation_rule(
        &self,
    ) -> AppResult<crate::inspections::compensation::DepreciationRule>;
    async fn set_depreciation_rule(
        &self,
        actor: Actor,
        rule: crate::inspections::compensation::DepreciationRule,
    ) -> AppResult<()>;
    async fn open_compensation(
        &self,
        actor: Actor,
        draft: CompensationDraft,
    ) -> AppResult<crate::inspections::compensation::Compensation>;
    /// The filter's cases, newest semester first, a class's cases together.
    async fn compensations(
        &self,
        filter: &CaseFilter,
        paging: Paging,
    ) -> AppResult<Vec<crate::inspections::compensation::Compensation>>;
    async fn compensation(
        &self,
        id: Uuid,
    ) -> AppResult<Option<crate::inspections::compensation::Compensation>>;
    /// Ends an open case (paid or waived), with history.
    async fn close_compensation(
        &self,
        actor: Actor,
        id: Uuid,
        end: CaseEnd,
    ) -> AppResult<crate::inspections::compensation::Compensation>;
}
