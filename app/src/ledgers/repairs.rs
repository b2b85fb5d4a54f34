//! The repair ledger (维修台账): every damage report and repair ticket opened in a period, with
//! who reported it, where, what was wrong, who is liable and pays, who repaired it, when, and
//! who accepted the repair.

use super::{Cell, Column};
use crate::domain::Fen;
use crate::i18n::{Lang, Msg};
use crate::inspections::DamageStatus;

/// Who accepted a repair (closed the ticket), and on which day.
#[derive(Clone, Debug, PartialEq)]
pub struct Acceptance {
    pub by: String,
    pub on: String,
}

/// One report or ticket as the ledger lists it.
#[derive(Clone, Debug, PartialEq)]
pub struct RepairEntry {
    /// The day it was reported, `YYYY-MM-DD`.
    pub reported_on: String,
    pub reporter: String,
    /// "building · room", of the room or of the asset's room.
    pub place: Option<String>,
    pub asset_code: Option<String>,
    pub asset_name: Option<String>,
    pub description: String,
    pub liable: Option<String>,
    /// The compensation case's amount, when one was opened.
    pub compensation: Option<Fen>,
    /// That case is not yet paid.
    pub compensation_open: bool,
    pub assignee: Option<String>,
    pub status: DamageStatus,
    /// Opened by a failed checklist item: a hazard (隐患), also in the rectification ledger.
    pub from_inspection: bool,
    /// How a hazard is to be put right, and by which day (`YYYY-MM-DD`).
    pub measure: Option<String>,
    pub due_on: Option<String>,
    /// The day it was last marked repaired.
    pub repaired_on: Option<String>,
    pub accepted: Option<Acceptance>,
}

const COLUMNS: [(Msg, u8); 13] = [
    (Msg::LedgerReportedOn, 10),
    (Msg::LedgerReporter, 8),
    (Msg::LedgerPlace, 16),
    (Msg::ColumnAssetCode, 12),
    (Msg::ColumnName, 12),
    (Msg::LedgerFault, 24),
    (Msg::LedgerHumanDamage, 6),
    (Msg::LedgerLiable, 10),
    (Msg::LedgerCompensation, 8),
    (Msg::LedgerRepairer, 8),
    (Msg::LedgerRepairedOn, 10),
    (Msg::LedgerAccepted, 14),
    (Msg::Status, 8),
];

pub fn columns(lang: Lang) -> Vec<Column> {
    Column::translated(lang, &COLUMNS)
}

/// The row of one report, in the order of [`columns`].
pub fn row(lang: Lang, e: &RepairEntry) -> Vec<Cell> {
    let human =
        e.liable.as_deref().is_some_and(|l| !l.trim().is_empty()) || e.compensation.is_some();
    let accepted = e.accepted.as_ref().map(|a| format!("{} {}", a.by, a.on));
    vec![
        Cell::Day(e.reported_on.clone()),
        Cell::Text(e.reporter.clone()),
        Cell::text(e.place.as_deref()),
        Cell::text(e.asset_code.as_deref()),
        Cell::text(e.asset_name.as_deref()),
        Cell::Text(e.description.clone()),
        Cell::Text(lang.t(if human { Msg::Yes } else { Msg::No }).to_string()),
        Cell::text(e.liable.as_deref()),
        e.compensation.map_or(Cell::Empty, Cell::Yuan),
        Cell::text(e.assignee.as_deref()),
        Cell::day(e.repaired_on.as_deref()),
        Cell::text(accepted.as_deref()),
        Cell::Text(lang.t(Msg::damage_status(e.status)).to_string()),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_liable_party_or_a_case_marks_human_damage_and_a_closed_ticket_its_acceptance() {
        let mut e = RepairEntry {
            reported_on: "2026-12-01".into(),
            reporter: "张老师".into(),
            place: Some("明德楼 · 301".into()),
            asset_code: None,
            asset_name: None,
            description: "窗户玻璃破裂".into(),
            liable: None,
            compensation: None,
            compensation_open: false,
            assignee: Some("殷奇".into()),
            status: DamageStatus::Closed,
            from_inspection: false,
            measure: None,
            due_on: None,
            repaired_on: Some("2026-12-02".into()),
            accepted: Some(Acceptance {
                by: "王主任".into(),
                on: "2026-12-03".into(),
            }),
        };
        let cells = row(Lang::Zh, &e);
        assert_eq!(cells.len(), columns(Lang::Zh).len());
        assert_eq!(cells[6], Cell::Text("否".into()));
        assert_eq!(cells[11], Cell::Text("王主任 2026-12-03".into()));
        e.compensation = Some(Fen::new(5_000).unwrap());
        assert_eq!(row(Lang::Zh, &e)[6], Cell::Text("是".into()));
        assert_eq!(row(Lang::Zh, &e)[8], Cell::Yuan(Fen::new(5_000).unwrap()));
    }
}
