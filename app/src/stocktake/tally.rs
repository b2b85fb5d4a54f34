//! The counts a stocktake shows for a room and in total: expected, counted, 位置不符, 盘盈 and
//! 未盘 (盘亏 once the stocktake is finished). The phone and the server both count with this.

use super::{ExpectedAsset, Scan, ScanClass};
use serde::{Deserialize, Serialize};
use std::collections::{HashMap, HashSet};
use uuid::Uuid;

#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tally {
    /// Assets the register put here when the stocktake started.
    pub expected: usize,
    /// Of those, found here.
    pub found: usize,
    /// Assets found here that the register puts in another room.
    pub misplaced: usize,
    /// Blank or unknown tags scanned here.
    pub surplus: usize,
    /// Register assets outside the stocktake's scope scanned here.
    pub out_of_scope: usize,
    /// Expected here and not found anywhere yet.
    pub missing: usize,
    /// Batch records counted here whose number differs from the register's (数量不符).
    #[serde(default)]
    pub miscounted: usize,
}

/// The tally of `room` (or of the whole stocktake with `None`) from the expected list and the
/// scans; undone scans and repeats count for nothing.
pub fn tally(expected: &[ExpectedAsset], scans: &[Scan], room: Option<Uuid>) -> Tally {
    let here = |r: Uuid| room.is_none_or(|want| want == r);
    let live = || scans.iter().filter(|s| !s.undone);
    let batches: HashMap<Uuid, &ExpectedAsset> = expected
        .iter()
        .filter(|e| e.is_batch())
        .map(|e| (e.asset_id, e))
        .collect();
    let counted: HashSet<Uuid> = live()
        .filter(|s| s.class.counts())
        .filter_map(|s| s.asset_id)
        .collect();
    let mut t = Tally::default();
    for e in expected {
        if e.room_id.is_some_and(here) || (room.is_none() && e.room_id.is_none()) {
            t.expected += 1;
            if !counted.contains(&e.asset_id) {
                t.missing += 1;
            }
        }
    }
    for s in live().filter(|s| here(s.room_id)) {
        let batch = s.asset_id.and_then(|a| batches.get(&a));
        if batch.is_some_and(|e| s.miscounts(e)) {
            t.miscounted += 1;
        }
        match s.class {
            ScanClass::Found => t.found += 1,
            ScanClass::Misplaced => t.misplaced += 1,
            ScanClass::Surplus => t.surplus += 1,
            ScanClass::OutOfScope => t.out_of_scope += 1,
            ScanClass::Repeat => {}
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::AssetStatus;
    use crate::model::Named;

    fn expected(room: Uuid) -> ExpectedAsset {
        ExpectedAsset {
            asset_id: Uuid::now_v7(),
            name: "课桌".into(),
            asset_code: "K-1".into(),
            category: "课桌椅".into(),
            tag: None,
            room_id: Some(room),
            status: AssetStatus::InUse,
            custodian: None,
            quantity: 1,
        }
    }

    fn scan(room: Uuid, asset: Option<Uuid>, class: ScanClass) -> Scan {
        Scan {
            id: Uuid::now_v7(),
            room_id: room,
            code: "7K3M9QX2".into(),
            asset_id: asset,
            class,
            by: Named {
                id: Uuid::now_v7(),
                name: "王老师".into(),
            },
            scanned_at: "2026-12-05 09:00".into(),
            undone: false,
            counted: None,
        }
    }

    #[test]
    fn a_room_counts_what_was_found_where_and_what_is_missing() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let list = vec![expected(a), expected(a), expected(a), expected(b)];
        let mut undone = scan(a, Some(list[2].asset_id), ScanClass::Found);
        undone.undone = true;
        let scans = vec![
            scan(a, Some(list[0].asset_id), ScanClass::Found),
            scan(a, Some(list[0].asset_id), ScanClass::Repeat),
            // room b's asset found in room a
            scan(a, Some(list[3].asset_id), ScanClass::Misplaced),
            scan(a, None, ScanClass::Surplus),
            scan(b, Some(Uuid::now_v7()), ScanClass::OutOfScope),
            undone,
        ];
        let in_a = tally(&list, &scans, Some(a));
        assert_eq!(
            in_a,
            Tally {
                expected: 3,
                found: 1,
                misplaced: 1,
                surplus: 1,
                out_of_scope: 0,
                missing: 2,
                miscounted: 0,
            }
        );
        // b's one asset was found (in a): not missing.
        let in_b = tally(&list, &scans, Some(b));
        assert_eq!((in_b.expected, in_b.missing, in_b.out_of_scope), (1, 0, 1));
        let all = tally(&list, &scans, None);
        assert_eq!(
            (all.expected, all.found, all.misplaced, all.missing),
            (4, 1, 1, 2)
        );
    }

    #[test]
    fn a_batch_counted_short_or_over_is_miscounted_once() {
        let (a, b) = (Uuid::now_v7(), Uuid::now_v7());
        let mut chairs = expected(a);
        chairs.quantity = 50;
        let mut desks = expected(a);
        desks.quantity = 20;
        let mut stools = expected(b);
        stools.quantity = 8;
        let list = vec![chairs.clone(), desks.clone(), stools.clone()];
        let mut short = scan(a, Some(chairs.asset_id), ScanClass::Found);
        short.counted = Some(45);
        let mut right = scan(a, Some(desks.asset_id), ScanClass::Found);
        right.counted = Some(20);
        // the stools of room b, counted over in room a
        let mut over = scan(a, Some(stools.asset_id), ScanClass::Misplaced);
        over.counted = Some(9);
        let mut repeat = scan(a, Some(chairs.asset_id), ScanClass::Repeat);
        repeat.counted = Some(1);
        let scans = vec![short, right, over, repeat];
        let in_a = tally(&list, &scans, Some(a));
        assert_eq!((in_a.found, in_a.misplaced, in_a.miscounted), (2, 1, 2));
        assert_eq!(tally(&list, &scans, Some(b)).miscounted, 0);
        assert_eq!(tally(&list, &scans, None).miscounted, 2);
    }
}
