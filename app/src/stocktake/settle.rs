//! Settling a finished stocktake's differences, each a recorded action: a misplaced asset moved
//! to the room it was found in, a missing one found after all, or written off (报损) as lost once
//! an admin approves, and a 盘盈 tag registered as a new asset.

use serde::{Deserialize, Serialize};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettleKind {
    /// 位置不符: the register follows the asset to the room it was counted in.
    Move,
    /// 盘亏 found after all: the register stays as it is.
    Found,
    /// 盘亏 written off: the asset becomes lost when an admin approves.
    WriteOff,
    /// 盘盈: the tag found in a room was registered as a new asset (the settlement names it).
    Register,
    /// 数量不符: the register takes the number counted of a batch record (its value follows,
    /// at the same unit price).
    Recount,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SettleState {
    Done,
    /// A write-off (or a recount that lowers a quantity) waiting for the admin.
    Pending,
    /// Refused by the admin: the difference is open again.
    Rejected,
}

impl SettleKind {
    pub const ALL: [SettleKind; 5] = [
        SettleKind::Move,
        SettleKind::Found,
        SettleKind::WriteOff,
        SettleKind::Register,
        SettleKind::Recount,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SettleKind::Move => "move",
            SettleKind::Found => "found",
            SettleKind::WriteOff => "write_off",
            SettleKind::Register => "register",
            SettleKind::Recount => "recount",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        SettleKind::ALL.into_iter().find(|k| k.code() == raw)
    }

    /// What a settlement of this kind is when it is made: a write-off, and a recount that
    /// `lowers` the register's quantity (报损 of part of a batch), wait for the admin.
    pub fn first_state(self, lowers: bool) -> SettleState {
        match self {
            SettleKind::WriteOff => SettleState::Pending,
            SettleKind::Recount if lowers => SettleState::Pending,
            SettleKind::Move | SettleKind::Found | SettleKind::Register | SettleKind::Recount => {
                SettleState::Done
            }
        }
    }
}

impl SettleState {
    pub fn code(self) -> &'static str {
        match self {
            SettleState::Done => "done",
            SettleState::Pending => "pending",
            SettleState::Rejected => "rejected",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [
            SettleState::Done,
            SettleState::Pending,
            SettleState::Rejected,
        ]
        .into_iter()
        .find(|s| s.code() == raw)
    }
}

/// What the manager asks for one difference.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettleRequest {
    pub kind: SettleKind,
    pub asset_id: Uuid,
}

/// A settled (or pending) difference.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Settlement {
    pub id: Uuid,
    pub kind: SettleKind,
    pub state: SettleState,
    pub asset_id: Uuid,
    /// Where a moved asset went.
    pub room_id: Option<Uuid>,
    /// The quantity a recount set.
    #[serde(default)]
    pub quantity: Option<u32>,
    pub by: crate::model::Named,
    pub at: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_what_lowers_the_register_waits_for_the_admin() {
        assert_eq!(
            SettleKind::WriteOff.first_state(false),
            SettleState::Pending
        );
        assert_eq!(SettleKind::Move.first_state(false), SettleState::Done);
        assert_eq!(SettleKind::Recount.first_state(true), SettleState::Pending);
        assert_eq!(SettleKind::Recount.first_state(false), SettleState::Done);
        for k in SettleKind::ALL {
            assert_eq!(SettleKind::parse(k.code()), Some(k));
        }
        for s in [
            SettleState::Done,
            SettleState::Pending,
            SettleState::Rejected,
        ] {
            assert_eq!(SettleState::parse(s.code()), Some(s));
        }
    }
}
