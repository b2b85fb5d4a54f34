//! The 盘点报告's tables — 汇总 (each room and the total), 盘亏, 位置不符, 盘盈, 有损坏 and 盘点人 —
//! cell by cell, in the reader's language: the workbook makes a sheet of each and the PDF a
//! table, so both say the same.

use crate::i18n::{Lang, Msg};
use crate::ssr::clock::school_time;
use crate::stocktake::report::{Finding, Report};
use crate::stocktake::{StocktakeStatus, Tally};
use uuid::Uuid;

#[derive(Clone, Debug, PartialEq)]
pub enum Cell {
    Text(String),
    Number(usize),
}

impl Cell {
    pub fn text(&self) -> String {
        match self {
            Cell::Text(t) => t.clone(),
            Cell::Number(n) => n.to_string(),
        }
    }
}

/// A column's title and its share of a printed page's width.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Column {
    pub title: Msg,
    pub share: f32,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Table {
    pub title: Msg,
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<Cell>>,
    /// The bold last row (the summary's 合计).
    pub total: Option<Vec<Cell>>,
}

fn columns(list: &[(Msg, f32)]) -> Vec<Column> {
    list.iter()
        .map(|&(title, share)| Column { title, share })
        .collect()
}

fn tally_cells(first: String, counter: String, t: &Tally, damaged: usize) -> Vec<Cell> {
    let counted = t.expected - t.missing;
    let mut row = vec![Cell::Text(first), Cell::Text(counter)];
    row.extend(
        [
            t.expected,
            counted,
            t.misplaced,
            t.surplus,
            t.missing,
            t.miscounted,
            damaged,
        ]
        .into_iter()
        .map(Cell::Number),
    );
    row
}

/// A stored time as the school's clock shows it, to the minute: `2026-12-04 15:30`.
pub fn minutes(at: &str) -> String {
    crate::components::fields::minute(&school_time(at.to_string()))
}

fn text(s: &str) -> Cell {
    Cell::Text(s.to_string())
}

/// Every table of the report, in order.
pub fn tables(r: &Report, lang: Lang) -> Vec<Table> {
    let room = |id: Option<Uuid>| Cell::Text(r.stocktake.room_label(id));
    let summary = Table {
        title: Msg::SummarySheet,
        columns: columns(&[
            (Msg::Room, 3.0),
            (Msg::CounterColumn, 1.6),
            (Msg::ExpectedColumn, 1.0),
            (Msg::CountedColumn, 1.0),
            (Msg::MisplacedColumn, 1.2),
            (Msg::SurplusColumn, 1.0),
            (Msg::MissingColumn, 1.0),
            (Msg::MiscountedColumn, 1.0),
            (Msg::DamagedColumn, 1.0),
        ]),
        rows: r
            .stocktake
            .rooms
            .iter()
            .map(|x| {
                let counter = x.counter.as_ref().map(|c| c.name.clone());
                let damaged = r.damaged_in(Some(x.room_id));
                tally_cells(x.label(), counter.unwrap_or_default(), &x.tally, damaged)
            })
            .collect(),
        total: Some(tally_cells(
            lang.t(Msg::TotalRow).to_string(),
            String::new(),
            &r.stocktake.tally,
            r.damaged_in(None),
        )),
    };
    let finished = r.stocktake.head.status == StocktakeStatus::Finished;
    let missing = Table {
        // 未盘 while counting goes on; 盘亏 once nobody counts any more.
        title: if finished {
            Msg::MissingSheet
        } else {
            Msg::MissingColumn
        },
        columns: columns(&[
            (Msg::FieldAssetCode, 1.4),
            (Msg::Name, 2.0),
            (Msg::Category, 1.2),
            (Msg::RegisteredRoom, 2.2),
            (Msg::Custodian, 1.2),
        ]),
        rows: r
            .missing
            .iter()
            .map(|e| {
                vec![
                    text(&e.asset_code),
                    text(&e.name),
                    text(&e.category),
                    room(e.room_id),
                    text(e.custodian.as_ref().map(|c| c.name.as_str()).unwrap_or("")),
                ]
            })
            .collect(),
        total: None,
    };
    let findings = |title: Msg, list: &[Finding]| Table {
        title,
        columns: columns(&[
            (Msg::TagColumn, 1.3),
            (Msg::FieldAssetCode, 1.3),
            (Msg::Name, 1.5),
            (Msg::RegisteredRoom, 1.8),
            (Msg::FoundRoom, 1.8),
            (Msg::CounterColumn, 1.1),
            (Msg::ScannedAtColumn, 1.7),
        ]),
        rows: list
            .iter()
            .map(|f| {
                let a = f.asset.as_ref();
                vec![
                    text(&f.code),
                    text(a.map(|a| a.asset_code.as_str()).unwrap_or("")),
                    text(a.map(|a| a.name.as_str()).unwrap_or("")),
                    room(a.and_then(|a| a.room_id)),
                    room(Some(f.room_id)),
                    text(&f.by.name),
                    Cell::Text(minutes(&f.scanned_at)),
                ]
            })
            .collect(),
        total: None,
    };
    let miscounted = Table {
        title: Msg::MiscountedColumn,
        columns: columns(&[
            (Msg::FieldAssetCode, 1.3),
            (Msg::Name, 1.5),
            (Msg::FoundRoom, 1.8),
            (Msg::BookQuantityColumn, 1.0),
            (Msg::FieldCounted, 1.0),
            (Msg::DifferenceColumn, 0.8),
            (Msg::CounterColumn, 1.1),
            (Msg::ScannedAtColumn, 1.7),
        ]),
        rows: r
            .miscounted
            .iter()
            .map(|m| {
                vec![
                    text(&m.asset.asset_code),
                    text(&m.asset.name),
                    room(Some(m.room_id)),
                    Cell::Number(m.asset.quantity as usize),
                    Cell::Number(m.counted as usize),
                    Cell::Text(format!("{:+}", m.difference())),
                    text(&m.by.name),
                    Cell::Text(minutes(&m.scanned_at)),
                ]
            })
            .collect(),
        total: None,
    };
    let damaged = Table {
        title: Msg::DamagedTitle,
        columns: columns(&[
            (Msg::FieldAssetCode, 1.3),
            (Msg::Name, 1.5),
            (Msg::Room, 1.8),
            (Msg::FieldDescription, 2.4),
            (Msg::Reporter, 1.1),
            (Msg::ReportedAtColumn, 1.7),
        ]),
        rows: r
            .damaged
            .iter()
            .map(|d| {
                vec![
                    text(&d.asset.asset_code),
                    text(&d.asset.name),
                    room(d.room_id),
                    text(&d.description),
                    text(&d.by.name),
                    Cell::Text(minutes(&d.reported_at)),
                ]
            })
            .collect(),
        total: None,
    };
    let counters = Table {
        title: Msg::CounterColumn,
        columns: columns(&[(Msg::Name, 3.0), (Msg::ScansColumn, 1.0)]),
        rows: r
            .counters
            .iter()
            .map(|c| vec![text(&c.user.name), Cell::Number(c.scans)])
            .collect(),
        total: None,
    };
    vec![
        summary,
        missing,
        findings(Msg::MisplacedColumn, &r.misplaced),
        findings(Msg::SurplusColumn, &r.surplus),
        miscounted,
        damaged,
        counters,
    ]
}
