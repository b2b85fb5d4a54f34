//! The compensation ledger (赔偿台账): every case of a semester by class, who pays, for what,
//! on which basis, how much, and how it ended.

use super::{Cell, Column};
use crate::domain::Fen;
use crate::inspections::compensation::{Basis, CaseStatus, Compensation, PartyKind};

const COLUMNS: [(&str, u8); 14] = [
    ("学期", 11),
    ("班级", 12),
    ("赔偿方", 8),
    ("类型", 6),
    ("物品", 12),
    ("资产编号", 12),
    ("损坏情况", 24),
    ("依据", 8),
    ("金额（元）", 10),
    ("状态", 6),
    ("缴费日期", 10),
    ("收据号", 12),
    ("收款人", 8),
    ("免除原因", 16),
];

/// The columns, in Chinese as the school's finance office keeps them.
pub fn columns() -> Vec<Column> {
    COLUMNS
        .iter()
        .map(|(header, width)| Column {
            header: header.to_string(),
            width: *width,
        })
        .collect()
}

/// The row of one case, in the order of [`columns`].
pub fn row(c: &Compensation) -> Vec<Cell> {
    let kind = match c.party_kind {
        PartyKind::Student => "学生",
        PartyKind::Staff => "教职工",
        PartyKind::Outside => "校外",
    };
    let basis = match c.basis {
        Basis::RepairCost => "维修费用",
        Basis::ReplacementValue => "重置价值",
    };
    let status = match c.status {
        CaseStatus::Open => "未缴",
        CaseStatus::Paid => "已缴",
        CaseStatus::Waived => "已免除",
    };
    vec![
        Cell::Text(c.semester.clone()),
        Cell::text(c.party_class.as_deref()),
        Cell::Text(c.party_name.clone()),
        Cell::Text(kind.into()),
        Cell::text(c.asset.as_ref().map(|a| a.name.as_str())),
        Cell::text(c.asset_code.as_deref()),
        Cell::Text(c.damage.clone()),
        Cell::Text(basis.into()),
        Fen::new(c.amount_fen).map_or(Cell::Empty, Cell::Yuan),
        Cell::Text(status.into()),
        Cell::day(c.paid_on.as_deref()),
        Cell::text(c.receipt_no.as_deref()),
        Cell::text(c.received_by.as_deref()),
        Cell::text(c.waive_reason.as_deref()),
    ]
}
