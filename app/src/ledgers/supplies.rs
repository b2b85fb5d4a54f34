//! The supplies ledger (物品出入库台账) of a month: every receipt and issue in order, with the
//! stock left after each, and a sheet of each item's balance — on hand at the start, received,
//! issued, on hand at the end — as the store's monthly count checks it.

use super::{Cell, Column};
use crate::domain::Fen;
use crate::i18n::{Lang, Msg};
use crate::supplies::{MoveKind, SupplyKind, SupplyMove};

/// One item's month: what it started and ended with, and what moved in between.
#[derive(Clone, Debug, PartialEq)]
pub struct SupplyBalance {
    pub name: String,
    pub kind: SupplyKind,
    pub unit: String,
    /// On hand when the month began.
    pub opening: i64,
    pub received: i64,
    pub issued: i64,
    /// What the month's receipts cost, in fen.
    pub received_fen: i64,
}

impl SupplyBalance {
    /// On hand when the month ended.
    pub fn closing(&self) -> i64 {
        self.opening + self.received - self.issued
    }
}

const MOVE_COLUMNS: [(Msg, u8); 11] = [
    (Msg::LedgerDay, 10),
    (Msg::FieldName, 16),
    (Msg::FieldUnit, 6),
    (Msg::MoveReceived, 8),
    (Msg::MoveIssued, 8),
    (Msg::LedgerLeft, 8),
    (Msg::LedgerCounterpart, 16),
    (Msg::UnitPriceYuan, 10),
    (Msg::LedgerAmount, 10),
    (Msg::LedgerHandledBy, 8),
    (Msg::FieldNotes, 16),
];

const BALANCE_COLUMNS: [(Msg, u8); 8] = [
    (Msg::FieldName, 16),
    (Msg::FieldKind, 10),
    (Msg::FieldUnit, 6),
    (Msg::LedgerOpening, 10),
    (Msg::MoveReceived, 8),
    (Msg::MoveIssued, 8),
    (Msg::LedgerClosing, 10),
    (Msg::LedgerAmount, 12),
];

pub fn move_columns(lang: Lang) -> Vec<Column> {
    Column::translated(lang, &MOVE_COLUMNS)
}

pub fn balance_columns(lang: Lang) -> Vec<Column> {
    Column::translated(lang, &BALANCE_COLUMNS)
}

/// Money in yuan; an amount past what [`Fen`] holds (no school's supplies) is left empty.
fn yuan(fen: Option<i64>) -> Cell {
    fen.and_then(|f| Fen::new(f).ok())
        .map_or(Cell::Empty, Cell::Yuan)
}

/// The row of one move, in the order of [`move_columns`].
pub fn move_row(m: &SupplyMove) -> Vec<Cell> {
    let (received, issued) = match m.kind {
        MoveKind::Received => (Cell::Count(m.quantity), Cell::Empty),
        MoveKind::Issued => (Cell::Empty, Cell::Count(m.quantity)),
    };
    let counterpart = m.supplier.as_deref().or(m.issued_to.as_deref());
    vec![
        Cell::Day(m.at.get(..10).unwrap_or(&m.at).to_string()),
        Cell::Text(m.item.name.clone()),
        Cell::Text(m.unit.clone()),
        received,
        issued,
        Cell::Count(m.on_hand_after),
        Cell::text(counterpart),
        yuan(m.unit_price_fen),
        yuan(m.amount_fen),
        Cell::Text(m.by.name.clone()),
        Cell::text(m.note.as_deref()),
    ]
}

/// The row of one item's balance, in the order of [`balance_columns`].
pub fn balance_row(lang: Lang, b: &SupplyBalance) -> Vec<Cell> {
    vec![
        Cell::Text(b.name.clone()),
        Cell::Text(lang.t(Msg::supply_kind(b.kind)).to_string()),
        Cell::Text(b.unit.clone()),
        Cell::Count(b.opening),
        Cell::Count(b.received),
        Cell::Count(b.issued),
        Cell::Count(b.closing()),
        yuan(Some(b.received_fen)),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::Named;

    #[test]
    fn a_month_ends_with_what_it_began_with_plus_receipts_less_issues() {
        let b = SupplyBalance {
            name: "A4 复印纸".into(),
            kind: SupplyKind::Office,
            unit: "包".into(),
            opening: 12,
            received: 50,
            issued: 38,
            received_fen: 117_500,
        };
        assert_eq!(b.closing(), 24);
        let row = balance_row(Lang::Zh, &b);
        assert_eq!(row.len(), balance_columns(Lang::Zh).len());
        assert_eq!(row[1], Cell::Text("办公用品".into()));
        assert_eq!(row[6], Cell::Count(24));
        assert_eq!(row[7], Cell::Yuan(Fen::new(117_500).unwrap()));
    }

    #[test]
    fn an_issue_is_in_the_issued_column_with_the_class_it_went_to() {
        let named = |name: &str| Named {
            id: uuid::Uuid::nil(),
            name: name.into(),
        };
        let issue = SupplyMove {
            id: uuid::Uuid::nil(),
            item: named("白板笔"),
            unit: "盒".into(),
            kind: MoveKind::Issued,
            quantity: 2,
            on_hand_after: 10,
            supplier: None,
            unit_price_fen: None,
            amount_fen: None,
            issued_to: Some("三年级（2）班".into()),
            request_id: None,
            purchase_id: None,
            note: None,
            by: named("殷奇"),
            at: "2026-12-07 09:30".into(),
        };
        let row = move_row(&issue);
        assert_eq!(row.len(), MOVE_COLUMNS.len());
        assert_eq!(
            (&row[0], &row[3], &row[4], &row[6]),
            (
                &Cell::Day("2026-12-07".into()),
                &Cell::Empty,
                &Cell::Count(2),
                &Cell::Text("三年级（2）班".into())
            )
        );
    }
}
