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
}
