//! 盘点报告: what a stocktake found, line by line — the expected assets never counted (未盘,
//! 盘亏 once finished), the ones found in another room (位置不符), the unknown tags (盘盈), the
//! register's assets from outside the scope, the assets reported damaged while it was counted
//! (有损坏) — and who counted how much. Built from the frozen list, the scans and the damage
//! reports filed while counting, so a finished stocktake's report is the same every time.

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

/// A batch record counted to another number than the register's (数量不符): where, by whom,
/// and how many.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Miscount {
    pub asset: ExpectedAsset,
    pub counted: u32,
    pub room_id: Uuid,
    pub by: Named,
    pub scanned_at: String,
}

impl Miscount {
    /// Counted minus the register's quantity: below zero short (盘亏), above over (盘盈).
    pub fn difference(&self) -> i64 {
        i64::from(self.counted) - i64::from(self.asset.quantity)
    }
}

/// How many tags one person counted.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Counter {
    pub user: Named,
    pub scans: usize,
}

/// A damage report filed on an expected asset while the stocktake was counting.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DamageNote {
    pub asset_id: Uuid,
    pub description: String,
    pub by: Named,
    pub reported_at: String,
}

/// An asset reported damaged (有损坏) during the stocktake, in the room it was counted in (or,
/// never counted, the room the register puts it in).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Damaged {
    pub asset: ExpectedAsset,
    pub room_id: Option<Uuid>,
    pub description: String,
    pub by: Named,
    pub reported_at: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub stocktake: Stocktake,
    pub missing: Vec<ExpectedAsset>,
    pub misplaced: Vec<Finding>,
    pub surplus: Vec<Finding>,
    pub out_of_scope: Vec<Finding>,
    #[serde(default)]
    pub miscounted: Vec<Miscount>,
    pub damaged: Vec<Damaged>,
    pub counters: Vec<Counter>,
}

impl Report {
    /// How many assets were reported damaged in `room` (in the whole stocktake with `None`).
    pub fn damaged_in(&self, room: Option<Uuid>) -> usize {
        let here = |r: Option<Uuid>| room.is_none_or(|want| r == Some(want));
        let assets: HashSet<Uuid> = self
            .damaged
            .iter()
            .filter(|d| here(d.room_id))
            .map(|d| d.asset.asset_id)
            .collect();
        assets.len()
    }
}

/// The report of `stocktake` from its frozen list, its scans (undone ones and repeats left
/// out) and the damage reports filed on its assets while it was counted.
pub fn report(
    stocktake: Stocktake,
    expected: &[ExpectedAsset],
    scans: &[Scan],
    damage: &[DamageNote],
) -> Report {
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
    // Where each asset was counted: the room of its live, counting scan.
    let counted_in: HashMap<Uuid, Uuid> = live
        .iter()
        .filter(|s| s.class.counts())
        .filter_map(|s| s.asset_id.map(|a| (a, s.room_id)))
        .collect();
    let damaged = damage
        .iter()
        .filter_map(|d| {
            let asset = (*by_id.get(&d.asset_id)?).clone();
            Some(Damaged {
                room_id: counted_in.get(&d.asset_id).copied().or(asset.room_id),
                asset,
                description: d.description.clone(),
                by: d.by.clone(),
                reported_at: d.reported_at.clone(),
            })
        })
        .collect();
    let miscounted = live
        .iter()
        .filter_map(|s| {
            let asset = *by_id.get(&s.asset_id?)?;
            s.miscounts(asset).then(|| Miscount {
                asset: asset.clone(),
                counted: s.units(asset),
                room_id: s.room_id,
                by: s.by.clone(),
                scanned_at: s.scanned_at.clone(),
            })
        })
        .collect();
    Report {
        damaged,
        miscounted,
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
            quantity: 1,
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
            counted: None,
        }
    }

    /// A finished stocktake with no rooms: the report's lists come from the scans alone.
    fn finished() -> Stocktake {
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
        Stocktake {
            head,
            tally: Tally::default(),
            rooms: vec![],
            counting: vec![],
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
        let st = finished();
        let damage = |e: &ExpectedAsset| DamageNote {
            asset_id: e.asset_id,
            description: "桌腿断了".into(),
            by: wang.clone(),
            reported_at: "2026-12-05T10:05:00+08:00".into(),
        };
        // Two reports on the asset found in room a, one on the asset missing from room a, one
        // on the asset counted in a though the register has it in b.
        let notes = [
            damage(&list[0]),
            damage(&list[0]),
            damage(&list[1]),
            damage(&list[2]),
        ];
        let r = report(st, &list, &scans, &notes);
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
        assert_eq!(r.damaged.len(), 4);
        assert_eq!(
            r.damaged_in(Some(a)),
            3,
            "one count per asset, in the room counted"
        );
        assert_eq!(
            r.damaged_in(Some(b)),
            0,
            "counted in a, not where the register has it"
        );
        assert_eq!(r.damaged_in(None), 3);
        assert!(r.miscounted.is_empty());
    }

    #[test]
    fn a_batch_counted_short_is_listed_with_its_difference() {
        let room = Uuid::now_v7();
        let mut chairs = asset(room, "C");
        chairs.quantity = 50;
        let wang = named("王老师");
        let mut counted = scan(Some(&chairs), room, ScanClass::Found, &wang);
        counted.counted = Some(45);
        let r = report(finished(), std::slice::from_ref(&chairs), &[counted], &[]);
        assert!(r.missing.is_empty(), "a batch counted short is not missing");
        assert_eq!(r.miscounted.len(), 1);
        assert_eq!(
            (r.miscounted[0].counted, r.miscounted[0].difference()),
            (45, -5)
        );
    }
}
