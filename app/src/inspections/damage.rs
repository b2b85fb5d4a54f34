//! Damage reports and repair tickets: where they come from and the steps they go through.

use crate::domain::{AssetStatus, Field, Invalid, Problem};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

crate::choice_enum!(
    /// reported → accepted → in_repair → repaired → closed, or rejected (with a reason).
    DamageStatus, Field::Status, {
        Reported => "reported",
        Accepted => "accepted",
        InRepair => "in_repair",
        Repaired => "repaired",
        Closed => "closed",
        Rejected => "rejected",
    }
);

crate::choice_enum!(
    /// A person reported it, or a failed checklist item opened it.
    Source, Field::Kind, {
        Report => "report",
        Inspection => "inspection",
    }
);

impl DamageStatus {
    /// The steps that may follow this one.
    pub fn next(self) -> &'static [DamageStatus] {
        use DamageStatus::*;
        match self {
            Reported => &[Accepted, Rejected],
            Accepted => &[InRepair, Repaired, Rejected],
            InRepair => &[Repaired],
            Repaired => &[Closed, InRepair],
            Closed | Rejected => &[],
        }
    }

    /// Checks a step; a reason is required to reject.
    pub fn step(self, to: DamageStatus, reason: Option<&str>) -> Result<(), Invalid> {
        if !self.next().contains(&to) {
            return Err(Invalid::new(Field::Status, Problem::BadTransition));
        }
        if to == DamageStatus::Rejected && reason.is_none_or(|r| r.trim().is_empty()) {
            return Err(Invalid::new(Field::Reason, Problem::Required));
        }
        Ok(())
    }

    /// What the asset's status becomes at this step: under repair while it is repaired, in use
    /// again once repaired; other steps leave it.
    pub fn asset_status(self) -> Option<AssetStatus> {
        match self {
            DamageStatus::InRepair => Some(AssetStatus::UnderRepair),
            DamageStatus::Repaired => Some(AssetStatus::InUse),
            _ => None,
        }
    }
}

/// Days a hazard found on a round has to be put right (期限) unless a manager sets another day.
pub const RECTIFY_DAYS: u32 = 7;

/// One step of a report as asked: where it goes, why (required to reject), and for a hazard the
/// measure decided and the day it is due; a measure or deadline left out keeps the old one.
#[derive(Clone, Debug, PartialEq)]
pub struct Step {
    pub to: DamageStatus,
    pub reason: Option<String>,
    pub measure: Option<String>,
    /// `YYYY-MM-DD`.
    pub due_on: Option<String>,
}

impl Step {
    /// Whether the step changes what the ledger of the report's period says (its measure, its
    /// deadline, or that it was no hazard at all), which a closed period refuses; moving a
    /// repair along does not.
    pub fn edits_record(&self) -> bool {
        self.measure.is_some() || self.due_on.is_some() || self.to == DamageStatus::Rejected
    }

    /// A measure or deadline is set on the way to the repair, not when closing or rejecting.
    pub fn check(&self) -> Result<(), Invalid> {
        let settles = matches!(self.to, DamageStatus::Closed | DamageStatus::Rejected);
        if settles && self.measure.is_some() {
            return Err(Invalid::new(Field::Measure, Problem::Conflicting));
        }
        if settles && self.due_on.is_some() {
            return Err(Invalid::new(Field::Due, Problem::Conflicting));
        }
        Ok(())
    }
}

/// A damage report or repair ticket as pages and the API show it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DamageReport {
    pub id: Uuid,
    pub source: Source,
    pub inspection_id: Option<Uuid>,
    pub asset: Option<Named>,
    pub room: Option<Named>,
    pub reporter: Named,
    pub assignee: Option<Named>,
    pub happened_at: Option<String>,
    pub description: String,
    pub cause: Option<String>,
    pub liable: Option<String>,
    pub status: DamageStatus,
    pub reject_reason: Option<String>,
    /// How a hazard is to be put right (整改措施).
    pub measure: Option<String>,
    /// The day it must be put right by (期限), `YYYY-MM-DD`.
    pub due_on: Option<String>,
    pub photos: Vec<crate::model::Photo>,
    pub created_at: String,
    pub updated_at: String,
}

#[cfg(test)]
mod tests {
    use super::DamageStatus::*;
    use super::*;

    #[test]
    fn a_report_moves_only_forward_and_a_rejection_needs_a_reason() {
        assert!(Reported.step(Accepted, None).is_ok());
        assert!(Accepted.step(InRepair, None).is_ok());
        assert!(InRepair.step(Repaired, None).is_ok());
        assert!(Repaired.step(Closed, None).is_ok());
        assert_eq!(
            Reported.step(Closed, None).unwrap_err().problem,
            Problem::BadTransition
        );
        assert_eq!(
            Closed.step(InRepair, None).unwrap_err().problem,
            Problem::BadTransition
        );
        assert_eq!(
            Reported.step(Rejected, Some(" ")).unwrap_err().field,
            Field::Reason
        );
        assert!(Reported.step(Rejected, Some("重复报修")).is_ok());
        assert_eq!(InRepair.asset_status(), Some(AssetStatus::UnderRepair));
        assert_eq!(Repaired.asset_status(), Some(AssetStatus::InUse));
    }

    #[test]
    fn a_measure_and_deadline_are_set_on_the_way_to_the_repair_only() {
        let step = |to, measure: Option<&str>, due: Option<&str>| Step {
            to,
            reason: None,
            measure: measure.map(str::to_string),
            due_on: due.map(str::to_string),
        };
        assert!(step(Accepted, Some("更换灭火器"), Some("2026-12-11"))
            .check()
            .is_ok());
        assert!(step(InRepair, None, Some("2026-12-11")).check().is_ok());
        assert_eq!(
            step(Closed, Some("更换"), None).check().unwrap_err().field,
            Field::Measure
        );
        assert_eq!(
            step(Rejected, None, Some("2026-12-11"))
                .check()
                .unwrap_err()
                .field,
            Field::Due
        );
    }
}
