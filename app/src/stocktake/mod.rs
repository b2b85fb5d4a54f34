//! Stocktakes (资产盘点): the register's assets in scope frozen as the expected list when one
//! starts, every scan classified against that list (the phone does it at once, the server again
//! when the scan arrives), and the tally per room and in total. Plain rules, shared by the
//! server and the browser.

pub mod report;
pub mod settle;
pub mod tally;

use crate::domain::{bounded_text, AssetStatus, Field, Invalid, Problem};
use crate::i18n::Msg;
use crate::model::Named;
use serde::{Deserialize, Serialize};
use uuid::Uuid;

pub use tally::{tally, Tally};

/// A stocktake counts at most this many rooms (a school has a few hundred).
pub const MAX_SCOPE_ITEMS: usize = 2000;

/// The most units one batch record's scan may count.
pub const MAX_COUNTED: u32 = 100_000;

fn one() -> u32 {
    1
}

/// What a stocktake counts: rooms by building or one by one, and asset categories. An empty
/// list limits nothing, so an empty scope is the whole school.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StocktakeScope {
    #[serde(default)]
    pub buildings: Vec<Uuid>,
    #[serde(default)]
    pub rooms: Vec<Uuid>,
    #[serde(default)]
    pub categories: Vec<String>,
}

impl StocktakeScope {
    /// Whether a room (in `building`) is counted.
    pub fn covers_room(&self, room: Uuid, building: Uuid) -> bool {
        (self.buildings.is_empty() && self.rooms.is_empty())
            || self.rooms.contains(&room)
            || self.buildings.contains(&building)
    }

    /// Whether assets of `category` are counted.
    pub fn covers_category(&self, category: &str) -> bool {
        self.categories.is_empty() || self.categories.iter().any(|c| c == category)
    }
}

/// What the manager fills in to start a stocktake.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StocktakeRequest {
    pub name: String,
    #[serde(default)]
    pub scope: StocktakeScope,
    /// Who counts besides the asset managers and admins; empty: every staff member.
    #[serde(default)]
    pub participants: Vec<Uuid>,
    /// `YYYY-MM-DD`.
    #[serde(default)]
    pub due: Option<String>,
}

impl StocktakeRequest {
    /// The name, the due day if any, and a scope of bounded size.
    pub fn check(&self) -> Result<(String, Option<String>), Invalid> {
        let name = bounded_text(Field::Name, &self.name, 80)?;
        let s = &self.scope;
        if s.buildings.len() + s.rooms.len() + s.categories.len() > MAX_SCOPE_ITEMS {
            return Err(Invalid::new(
                Field::Scope,
                Problem::TooMany {
                    max: MAX_SCOPE_ITEMS,
                },
            ));
        }
        if s.categories
            .iter()
            .any(|c| c.trim().is_empty() || c.len() > 80)
        {
            return Err(Invalid::new(Field::Scope, Problem::Malformed));
        }
        if self.participants.len() > 200 {
            return Err(Invalid::new(Field::Assignee, Problem::TooMany { max: 200 }));
        }
        let due = match self.due.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(day) => Some(
                crate::domain::PurchaseDate::parse(day)
                    .map_err(|_| Invalid::new(Field::Due, Problem::BadDate))?
                    .as_str()
                    .to_string(),
            ),
        };
        Ok((name, due))
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum StocktakeStatus {
    Counting,
    Finished,
}

impl StocktakeStatus {
    /// What the state is called on pages and in the report.
    pub fn msg(self) -> Msg {
        match self {
            StocktakeStatus::Counting => Msg::StocktakeCounting,
            StocktakeStatus::Finished => Msg::StocktakeFinished,
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            StocktakeStatus::Counting => "counting",
            StocktakeStatus::Finished => "finished",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        match raw {
            "counting" => Some(StocktakeStatus::Counting),
            "finished" => Some(StocktakeStatus::Finished),
            _ => None,
        }
    }
}

/// One asset of the expected list, as the register had it when the stocktake started.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExpectedAsset {
    pub asset_id: Uuid,
    pub name: String,
    pub asset_code: String,
    pub category: String,
    pub tag: Option<String>,
    pub room_id: Option<Uuid>,
    pub status: AssetStatus,
    pub custodian: Option<Named>,
    /// How many the record stands for: over 1 for a batch record (one tag, counted by number).
    #[serde(default = "one")]
    pub quantity: u32,
}

impl ExpectedAsset {
    /// A batch record: one tag for more than one thing, counted by number.
    pub fn is_batch(&self) -> bool {
        self.quantity > 1
    }
}

/// A room of the stocktake, with who is counting it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StocktakeRoom {
    pub room_id: Uuid,
    pub building: String,
    pub room: String,
    pub tag: Option<String>,
    pub counter: Option<Named>,
    pub tally: Tally,
}

impl StocktakeRoom {
    /// How the pages and the report name the room: "building · room".
    pub fn label(&self) -> String {
        format!("{} · {}", self.building, self.room)
    }
}

impl Stocktake {
    /// The label of one of the stocktake's rooms; empty for none or a room outside it.
    pub fn room_label(&self, room: Option<Uuid>) -> String {
        room.and_then(|id| self.rooms.iter().find(|r| r.room_id == id))
            .map(StocktakeRoom::label)
            .unwrap_or_default()
    }
}

/// A stocktake without its counts: what the list shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct StocktakeHead {
    pub id: Uuid,
    pub name: String,
    pub scope: StocktakeScope,
    pub participants: Vec<Named>,
    pub due: Option<String>,
    pub status: StocktakeStatus,
    pub started_by: Option<Named>,
    pub started_at: String,
    pub finished_at: Option<String>,
}

/// A stocktake with its rooms and the whole tally.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Stocktake {
    #[serde(flatten)]
    pub head: StocktakeHead,
    pub tally: Tally,
    pub rooms: Vec<StocktakeRoom>,
    /// Who is counting on a phone and has not handed in: the stocktake cannot finish yet.
    #[serde(default)]
    pub counting: Vec<Named>,
}

/// How a scan counts against the expected list.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ScanClass {
    /// Expected in this room, found here.
    Found,
    /// Expected, but the register puts it in another room (位置不符).
    Misplaced,
    /// A blank tag, or one the register does not know (盘盈).
    Surplus,
    /// An asset of the register outside this stocktake's scope.
    OutOfScope,
    /// Counted already (by anyone): no second count.
    Repeat,
}

impl ScanClass {
    pub fn code(self) -> &'static str {
        match self {
            ScanClass::Found => "found",
            ScanClass::Misplaced => "misplaced",
            ScanClass::Surplus => "surplus",
            ScanClass::OutOfScope => "out_of_scope",
            ScanClass::Repeat => "repeat",
        }
    }

    pub fn parse(raw: &str) -> Option<Self> {
        [
            ScanClass::Found,
            ScanClass::Misplaced,
            ScanClass::Surplus,
            ScanClass::OutOfScope,
            ScanClass::Repeat,
        ]
        .into_iter()
        .find(|c| c.code() == raw)
    }

    /// Whether the scan found an asset of the expected list (anywhere).
    pub fn counts(self) -> bool {
        matches!(self, ScanClass::Found | ScanClass::Misplaced)
    }
}

/// Classifies a scan in `room`: `expected` is the code's entry in the expected list,
/// `in_register` whether the register knows the code as an asset's tag at all, and
/// `counted` whether the code was counted before in this stocktake.
pub fn classify(
    expected: Option<&ExpectedAsset>,
    in_register: bool,
    room: Uuid,
    counted: bool,
) -> ScanClass {
    match expected {
        _ if counted => ScanClass::Repeat,
        Some(e) if e.room_id == Some(room) => ScanClass::Found,
        Some(_) => ScanClass::Misplaced,
        None if in_register => ScanClass::OutOfScope,
        None => ScanClass::Surplus,
    }
}

/// One scan as stored: where, what code, how it counted, by whom.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Scan {
    pub id: Uuid,
    pub room_id: Uuid,
    pub code: String,
    pub asset_id: Option<Uuid>,
    pub class: ScanClass,
    pub by: Named,
    pub scanned_at: String,
    pub undone: bool,
    /// How many of a batch record were counted; `None`: the whole quantity (or not a batch).
    #[serde(default)]
    pub counted: Option<u32>,
}

impl Scan {
    /// How many of `asset` this scan counted: the number given, or the register's quantity.
    pub fn units(&self, asset: &ExpectedAsset) -> u32 {
        self.counted.unwrap_or(asset.quantity)
    }

    /// Whether this scan counted `asset` (a batch record) to another number than the
    /// register's (数量不符); repeats and undone scans count nothing.
    pub fn miscounts(&self, asset: &ExpectedAsset) -> bool {
        !self.undone
            && self.class.counts()
            && self.asset_id == Some(asset.asset_id)
            && self.units(asset) != asset.quantity
    }
}

/// A scan from a phone's queue (the sync record kind `stocktake_scan`).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ScanRequest {
    pub id: Option<Uuid>,
    pub stocktake_id: Uuid,
    pub room_id: Uuid,
    /// The tag code, or the whole URL a label carries.
    pub code: String,
    /// When the phone scanned it (RFC 3339); the server's time if missing.
    #[serde(default)]
    pub scanned_at: Option<String>,
    /// For a batch record, how many were counted (1 to [`MAX_COUNTED`]); none: all of them.
    #[serde(default)]
    pub counted: Option<u32>,
}

impl ScanRequest {
    /// The number counted as it is kept: only for a batch record of the expected list, and
    /// within bounds.
    pub fn counted_for(&self, expected: Option<&ExpectedAsset>) -> Result<Option<u32>, Invalid> {
        match self.counted {
            Some(n) if !(1..=MAX_COUNTED).contains(&n) => {
                Err(Invalid::new(Field::Counted, Problem::OutOfRange))
            }
            Some(n) if expected.is_some_and(ExpectedAsset::is_batch) => Ok(Some(n)),
            _ => Ok(None),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn asset(room: Uuid) -> ExpectedAsset {
        ExpectedAsset {
            asset_id: Uuid::now_v7(),
            name: "投影机".into(),
            asset_code: "A-1".into(),
            category: "投影机".into(),
            tag: Some("7K3M9QX2".into()),
            room_id: Some(room),
            status: AssetStatus::InUse,
            custodian: None,
            quantity: 1,
        }
    }

    #[test]
    fn only_a_batch_record_keeps_the_number_counted() {
        let room = Uuid::now_v7();
        let mut req = ScanRequest {
            id: None,
            stocktake_id: Uuid::now_v7(),
            room_id: room,
            code: "7K3M9QX2".into(),
            scanned_at: None,
            counted: Some(45),
        };
        let single = asset(room);
        let mut batch = asset(room);
        batch.quantity = 50;
        assert_eq!(req.counted_for(Some(&batch)), Ok(Some(45)));
        assert_eq!(req.counted_for(Some(&single)), Ok(None));
        assert_eq!(req.counted_for(None), Ok(None));
        for bad in [0, MAX_COUNTED + 1] {
            req.counted = Some(bad);
            let err = req.counted_for(Some(&batch)).unwrap_err();
            assert_eq!(
                (err.field, err.problem),
                (Field::Counted, Problem::OutOfRange)
            );
        }
        req.counted = None;
        assert_eq!(req.counted_for(Some(&batch)), Ok(None));
    }

    #[test]
    fn each_scan_is_classified_against_the_frozen_list() {
        let (here, there) = (Uuid::now_v7(), Uuid::now_v7());
        let a = asset(here);
        assert_eq!(classify(Some(&a), true, here, false), ScanClass::Found);
        assert_eq!(classify(Some(&a), true, there, false), ScanClass::Misplaced);
        assert_eq!(classify(None, true, here, false), ScanClass::OutOfScope);
        assert_eq!(classify(None, false, here, false), ScanClass::Surplus);
        assert_eq!(classify(Some(&a), true, here, true), ScanClass::Repeat);
        assert_eq!(classify(None, false, here, true), ScanClass::Repeat);
    }

    #[test]
    fn an_empty_scope_is_the_whole_school() {
        let (room, building) = (Uuid::now_v7(), Uuid::now_v7());
        let whole = StocktakeScope::default();
        assert!(whole.covers_room(room, building) && whole.covers_category("空调"));
        let one_building = StocktakeScope {
            buildings: vec![building],
            categories: vec!["空调".into()],
            ..Default::default()
        };
        assert!(one_building.covers_room(room, building));
        assert!(!one_building.covers_room(room, Uuid::now_v7()));
        assert!(!one_building.covers_category("投影机"));
    }

    #[test]
    fn a_request_needs_a_name_and_a_real_due_day() {
        let mut req = StocktakeRequest {
            name: " 2026 秋季盘点 ".into(),
            scope: StocktakeScope::default(),
            participants: vec![],
            due: Some("2026-12-20".into()),
        };
        assert_eq!(
            req.check().unwrap(),
            ("2026 秋季盘点".into(), Some("2026-12-20".into()))
        );
        req.due = Some("2026-13-01".into());
        assert_eq!(req.check().unwrap_err().problem, Problem::BadDate);
        req.name = "  ".into();
        assert_eq!(req.check().unwrap_err().problem, Problem::Required);
    }

    #[test]
    fn classes_read_back_from_their_codes() {
        for c in [
            ScanClass::Found,
            ScanClass::Misplaced,
            ScanClass::Surplus,
            ScanClass::OutOfScope,
            ScanClass::Repeat,
        ] {
            assert_eq!(ScanClass::parse(c.code()), Some(c));
        }
        assert_eq!(ScanClass::parse("lost"), None);
    }
}
