//! The hazard rectification ledger (安全隐患整改台账): every hazard a failed checklist item found
//! in a period, with the measure decided, who answers for it, by when, whether it is cleared
//! (已销号) and who reviewed it. Its rows are the period's repair tickets opened by inspections.

use super::repairs::RepairEntry;
use super::{Cell, Column};
use crate::i18n::{Lang, Msg};
use crate::inspections::DamageStatus;

const COLUMNS: [(Msg, u8); 8] = [
    (Msg::LedgerFoundOn, 10),
    (Msg::LedgerPlace, 16),
    (Msg::LedgerHazard, 28),
    (Msg::FieldMeasure, 20),
    (Msg::LedgerResponsible, 8),
    (Msg::LedgerDeadline, 10),
    (Msg::Status, 8),
    (Msg::LedgerReviewer, 14),
];

pub fn columns(lang: Lang) -> Vec<Column> {
    Column::translated(lang, &COLUMNS)
}

/// A hazard: opened by a failed checklist item and not rejected as none.
pub fn is_hazard(e: &RepairEntry) -> bool {
    e.from_inspection && e.status != DamageStatus::Rejected
}

/// The row of one hazard in the order of [`columns`]; none for a report that is not a hazard.
/// A hazard is cleared (已销号) once its repair is accepted; until then it is not put right.
pub fn row(lang: Lang, e: &RepairEntry) -> Option<Vec<Cell>> {
    if !is_hazard(e) {
        return None;
    }
    let cleared = e.status == DamageStatus::Closed;
    let state = if cleared {
        Msg::HazardCleared
    } else {
        Msg::HazardOpen
    };
    let reviewer = e.accepted.as_ref().map(|a| format!("{} {}", a.by, a.on));
    let mut place = e.place.clone().unwrap_or_default();
    if let Some(name) = &e.asset_name {
        place = [place.as_str(), name.as_str()].join(" ").trim().to_string();
    }
    Some(vec![
        Cell::Day(e.reported_on.clone()),
        Cell::text(Some(&place)),
        Cell::Text(e.description.clone()),
        Cell::text(e.measure.as_deref()),
        Cell::text(e.assignee.as_deref()),
        Cell::day(e.due_on.as_deref()),
        Cell::Text(lang.t(state).to_string()),
        Cell::text(reviewer.as_deref()),
    ])
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ledgers::repairs::Acceptance;

    fn ticket(status: DamageStatus, from_inspection: bool) -> RepairEntry {
        RepairEntry {
            reported_on: "2026-12-01".into(),
            reporter: "殷奇".into(),
            place: Some("明德楼 · 一楼走廊".into()),
            asset_code: Some("XF-001".into()),
            asset_name: Some("灭火器".into()),
            description: "压力表指针在红区".into(),
            liable: None,
            compensation: None,
            compensation_open: false,
            assignee: Some("殷奇".into()),
            status,
            from_inspection,
            measure: Some("更换灭火器".into()),
            due_on: Some("2026-12-08".into()),
            repaired_on: None,
            accepted: None,
        }
    }

    #[test]
    fn a_hazard_is_open_until_its_repair_is_accepted_and_then_names_its_reviewer() {
        let open = row(Lang::Zh, &ticket(DamageStatus::Repaired, true)).unwrap();
        assert_eq!(open.len(), columns(Lang::Zh).len());
        assert_eq!(open[1], Cell::Text("明德楼 · 一楼走廊 灭火器".into()));
        assert_eq!(open[3], Cell::Text("更换灭火器".into()));
        assert_eq!(open[5], Cell::Day("2026-12-08".into()));
        assert_eq!(open[6], Cell::Text("未整改".into()));
        assert_eq!(open[7], Cell::Empty);
        let mut closed = ticket(DamageStatus::Closed, true);
        closed.accepted = Some(Acceptance {
            by: "王主任".into(),
            on: "2026-12-05".into(),
        });
        let cells = row(Lang::Zh, &closed).unwrap();
        assert_eq!(cells[6], Cell::Text("已销号".into()));
        assert_eq!(cells[7], Cell::Text("王主任 2026-12-05".into()));
    }

    #[test]
    fn a_teachers_report_or_a_rejected_ticket_is_no_hazard() {
        assert!(row(Lang::Zh, &ticket(DamageStatus::Reported, false)).is_none());
        assert!(row(Lang::Zh, &ticket(DamageStatus::Rejected, true)).is_none());
    }
}
