//! 盘点报告: what a stocktake found, line by line — the expected assets never counted (未盘,
//! 盘亏 once finished), the ones found in another room (位置不符), the unknown tags (盘盈), the
//! register's assets from outside the scope — and who counted how much. Built from the frozen
//! list and the scans alone, so a finished stocktake's report is the same every time.

use super::{ExpectedAsset, Scan, ScanClass, Stocktake};
use crate::model::Named;
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

/// A scan that needs someone to settle it: where it was made, by whom, when.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub code: String,
    /// The asset of the expected list or the register, if the tag is one.
    pub asset: Option<ExpectedAsset>,
    pub room_id: Uuid,
    pub by: Named,
    pub scanned_at: String,
}

/// How many tags one person counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Counter {
    pub user: Named,
    pub scans: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub stocktake: Stocktake,
    pub missing: Vec<ExpectedAsset>,
    pub misplaced: Vec<Finding>,
    pub surplus: Vec<Finding>,
    pub out_of_scope: Vec<Finding>,
    pub counters: Vec<Counter>,
}

/// The report of `stocktake` from its frozen list and its scans (undone ones and repeats left
/// out).
pub fn report(stocktake: Stocktake, expected: &[ExpectedAsset], scans: &[Scan]) -> Report {
    let live: Vec<&Scan> = scans.iter().filter(|s| !s.undone).collect();
    let counted: HashSet<Uuid> = live
        .iter()
        .filter(|s| s.class.counts())
        .filter_map(|s| s.asset_id)
        .collect();
    let by_id: HashMap<Uuid, &ExpectedAsset> = expected.iter().map(|e| (e.asset_id, e)).collect();
    let findings = |class: ScanClass| -> Vec<Finding> {
        live.iter()
            .filter(|s| s.class == class)
            .map(|s| Finding {
                code: s.code.clone(),
                asset: s.asset_id.and_then(|a| by_id.get(&a)).map(|e| (*e).clone()),
                room_id: s.room_id,
                by: s.by.clone(),
                scanned_at: s.scanned_at.clone(),
            })
            .collect()
    };
    let mut counters: Vec<Counter> = Vec::new();
    for s in live.iter().filter(|s| s.class != ScanClass::Repeat) {
        match counters.iter_mut().find(|c| c.user.id == s.by.id) {
            Some(c) => c.scans += 1,
            None => counters.push(Counter {
                user: s.by.clone(),
                scans: 1,
            }),
        }
    }
    counters.sort_by(|a, b| b.scans.cmp(&a.scans).then(a.user.name.cmp(&b.user.name)));
    Report {
        missing: expected
            .iter()
            .filter(|e| !counted.contains(&e.asset_id))
            .cloned()
            .collect(),
        misplaced: findings(ScanClass::Misplaced),
        surplus: findings(ScanClass::Surplus),
        out_of_scope: findings(ScanClass::OutOfScope),
        counters,
        stocktake,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AssetStatus;
    use crate::stocktake::{StocktakeHead, StocktakeScope, StocktakeStatus, Tally};

    fn named(name: &str) -> Named {
        Named {
            id: Uuid::now_v7(),
            name: name.into(),
        }
    }

    fn asset(room: Uuid, code: &str) -> ExpectedAsset {
        ExpectedAsset {
            asset_id: Uuid::now_v7(),
            name: "空调".into(),
            asset_code: code.into(),
            category: "空调".into(),
            tag: Some(format!("TAG{code}")),
            room_id: Some(room),
            status: AssetStatus::InUse,
            custodian: None,
        }
    }

    fn scan(e: Option<&ExpectedAsset>, room: Uuid, class: ScanClass, by: &Named) -> Scan {
        Scan {
            id: Uuid::now_v7(),
            room_id: room,
            code: e.and_then(|e| e.tag.clone()).unwrap_or("ZZZZZZZZ".into()),
            asset_id: e.map(|e| e.asset_id),
            class,
            by: by.clone(),
            scanned_at: "2026-12-05T10:00:00+08:00".into(),
            undone: false,
        }
    }

    #[test]
    fn the_report_lists_each_difference_once_and_who_counted() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let list = vec![asset(a, "1"), asset(a, "2"), asset(b, "3")];
        let (wang, li) = (named("王老师"), named("李老师"));
        let mut undone = scan(Some(&list[1]), a, ScanClass::Found, &li);
        undone.undone = true;
        let scans = vec![
            scan(Some(&list[0]), a, ScanClass::Found, &wang),
            scan(Some(&list[0]), a, ScanClass::Repeat, &li),
            scan(Some(&list[2]), a, ScanClass::Misplaced, &wang),
            scan(None, a, ScanClass::Surplus, &li),
            undone,
        ];
        let head = StocktakeHead {
            id: Uuid::now_v7(),
            name: "秋季盘点".into(),
            scope: StocktakeScope::default(),
            participants: vec![],
            due: None,
            status: StocktakeStatus::Finished,
            started_by: None,
            started_at: "2026-12-01T08:00:00+08:00".into(),
            finished_at: None,
        };
        let st = Stocktake {
            head,
            tally: Tally::default(),
            rooms: vec![],
            counting: vec![],
        };
        let r = report(st, &list, &scans);
        assert_eq!(r.missing.len(), 1);
        assert_eq!(
            r.missing[0].asset_code, "2",
            "an undone scan counts for nothing"
        );
        assert_eq!(r.misplaced.len(), 1);
        assert_eq!(r.misplaced[0].asset.as_ref().unwrap().asset_code, "3");
        assert_eq!(r.surplus.len(), 1);
        assert!(r.surplus[0].asset.is_none());
        assert_eq!(
            r.counters
                .iter()
                .map(|c| (c.user.name.as_str(), c.scans))
                .collect::<Vec<_>>(),
            [("王老师", 2), ("李老师", 1)]
        );
    }
}
