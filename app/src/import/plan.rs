//! What an import would do to the register: the buildings, rooms and assets it would create, the
//! assets it would change (matched by 资产编号), and those it leaves as they are. Planning the same
//! file twice against the register the first import made gives nothing to do.

use super::location::{kind_of, place, Place};
use super::preview::ImportCounts;
use super::record::RegisterRow;
use crate::domain::{AssetStatus, Fen, RoomKind};
use crate::model::{AssetCard, Named};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap};
use uuid::Uuid;

/// A room of the register, in its building.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisteredRoom {
    pub id: Uuid,
    pub building_id: Uuid,
    pub name: String,
}

/// The school's register as the import finds it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Register {
    pub buildings: Vec<Named>,
    pub rooms: Vec<RegisteredRoom>,
    /// The school's users by display name (a 使用人 becomes the asset's custodian when exactly
    /// one user has that name).
    pub people: Vec<Named>,
    pub assets: Vec<(Uuid, AssetValues)>,
}

/// An asset as an import writes it, and as its history shows it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct AssetValues {
    pub asset_code: String,
    pub name: String,
    pub category: String,
    pub model: Option<String>,
    pub status: AssetStatus,
    pub room: Option<Named>,
    pub custodian: Option<Named>,
    pub purchase_date: Option<String>,
    pub value_fen: Fen,
    pub notes: Option<String>,
    #[serde(flatten)]
    pub card: AssetCard,
}

/// A building the import creates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewBuilding {
    pub id: Uuid,
    pub name: String,
}

/// A room the import creates, in a building that exists or that it creates.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct NewRoom {
    pub id: Uuid,
    pub building_id: Uuid,
    pub building: String,
    pub name: String,
    pub kind: RoomKind,
}

/// An asset the import creates (with a fresh tag) or changes, from the row Excel shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct PlannedAsset {
    pub id: Uuid,
    pub row: usize,
    pub before: Option<AssetValues>,
    pub after: AssetValues,
}

/// Everything an import would do.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Plan {
    pub new_buildings: Vec<NewBuilding>,
    pub new_rooms: Vec<NewRoom>,
    pub new_assets: Vec<PlannedAsset>,
    pub changed_assets: Vec<PlannedAsset>,
    pub unchanged: usize,
}

impl Plan {
    /// Whether committing would write anything.
    pub fn is_empty(&self) -> bool {
        self.new_buildings.is_empty()
            && self.new_rooms.is_empty()
            && self.new_assets.is_empty()
            && self.changed_assets.is_empty()
    }

    /// What the plan creates, changes and leaves alone, for a file of `rows` assets and
    /// `errors` errors.
    pub fn counts(&self, rows: usize, errors: usize) -> ImportCounts {
        ImportCounts {
            rows,
            errors,
            new_buildings: self.new_buildings.len(),
            new_rooms: self.new_rooms.len(),
            new_assets: self.new_assets.len(),
            new_tags: self.new_rooms.len() + self.new_assets.len(),
            changed_assets: self.changed_assets.len(),
            unchanged_assets: self.unchanged,
        }
    }
}

/// Finds or plans the rooms the rows name.
struct Rooms {
    building_names: Vec<String>,
    buildings: HashMap<String, Uuid>,
    rooms: HashMap<(Uuid, String), Uuid>,
    new_buildings: Vec<NewBuilding>,
    new_rooms: Vec<NewRoom>,
}

impl Rooms {
    fn new(register: &Register) -> Self {
        Self {
            building_names: register.buildings.iter().map(|b| b.name.clone()).collect(),
            buildings: register
                .buildings
                .iter()
                .map(|b| (b.name.clone(), b.id))
                .collect(),
            rooms: register
                .rooms
                .iter()
                .map(|r| ((r.building_id, r.name.clone()), r.id))
                .collect(),
            new_buildings: Vec::new(),
            new_rooms: Vec::new(),
        }
    }

    fn room(&mut self, location: &str, new_id: &mut impl FnMut() -> Uuid) -> Option<Named> {
        let Place { building, room } = place(location, &self.building_names)?;
        let building_id = match self.buildings.get(&building) {
            Some(id) => *id,
            None => {
                let id = new_id();
                self.buildings.insert(building.clone(), id);
                self.building_names.push(building.clone());
                self.new_buildings.push(NewBuilding {
                    id,
                    name: building.clone(),
                });
                id
            }
        };
        let key = (building_id, room.clone());
        let id = match self.rooms.get(&key) {
            Some(id) => *id,
            None => {
                let id = new_id();
                self.rooms.insert(key, id);
                self.new_rooms.push(NewRoom {
                    id,
                    building_id,
                    building,
                    kind: kind_of(&room),
                    name: room.clone(),
                });
                id
            }
        };
        Some(Named { id, name: room })
    }
}

/// Plans the import of `rows` into `register`; `new_id` makes the ids of what it creates.
pub fn plan(rows: &[RegisterRow], register: &Register, mut new_id: impl FnMut() -> Uuid) -> Plan {
    let mut by_name: BTreeMap<&str, Vec<&Named>> = BTreeMap::new();
    for p in &register.people {
        by_name.entry(p.name.as_str()).or_default().push(p);
    }
    let existing: HashMap<&str, &(Uuid, AssetValues)> = register
        .assets
        .iter()
        .map(|a| (a.1.asset_code.as_str(), a))
        .collect();
    let mut rooms = Rooms::new(register);
    let mut plan = Plan::default();
    for row in rows {
        let room = row
            .location
            .as_deref()
            .and_then(|l| rooms.room(l, &mut new_id));
        let (custodian, keeper) = match row.custodian.as_deref() {
            None => (None, None),
            Some(name) => match by_name.get(name).map(Vec::as_slice) {
                Some([one]) => (Some((*one).clone()), None),
                _ => (None, Some(name.to_string())),
            },
        };
        let after = AssetValues {
            asset_code: row.asset_code.as_str().to_string(),
            name: row.name.clone(),
            category: row.category.clone(),
            model: row.model.clone(),
            status: row.status,
            room,
            custodian,
            purchase_date: row.purchase_date.as_ref().map(|d| d.as_str().to_string()),
            value_fen: row.value,
            notes: row.notes.clone(),
            card: AssetCard {
                keeper,
                ..row.card.clone()
            },
        };
        match existing.get(after.asset_code.as_str()) {
            Some((_, before)) if *before == after => plan.unchanged += 1,
            Some((id, before)) => plan.changed_assets.push(PlannedAsset {
                id: *id,
                row: row.line,
                before: Some(before.clone()),
                after,
            }),
            None => plan.new_assets.push(PlannedAsset {
                id: new_id(),
                row: row.line,
                before: None,
                after,
            }),
        }
    }
    plan.new_buildings = rooms.new_buildings;
    plan.new_rooms = rooms.new_rooms;
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AssetCode, PurchaseDate};

    fn id(n: u128) -> Uuid {
        Uuid::from_u128(n)
    }

    fn row(line: usize, code: &str, location: &str, custodian: &str) -> RegisterRow {
        let some = |s: &str| (!s.is_empty()).then(|| s.to_string());
        RegisterRow {
            line,
            asset_code: AssetCode::parse(code).unwrap(),
            name: "办公桌".into(),
            category: "家具".into(),
            model: None,
            status: AssetStatus::InUse,
            purchase_date: Some(PurchaseDate::parse("2016-09-18").unwrap()),
            value: Fen::new(120_000).unwrap(),
            notes: None,
            custodian: some(custodian),
            location: some(location),
            card: AssetCard::default(),
        }
    }

    fn register() -> Register {
        Register {
            buildings: vec![Named {
                id: id(1),
                name: "明德楼".into(),
            }],
            rooms: vec![RegisteredRoom {
                id: id(2),
                building_id: id(1),
                name: "301".into(),
            }],
            people: vec![
                Named {
                    id: id(3),
                    name: "王老师".into(),
                },
                Named {
                    id: id(4),
                    name: "李老师".into(),
                },
                Named {
                    id: id(5),
                    name: "李老师".into(),
                },
            ],
            assets: vec![],
        }
    }

    fn counter() -> impl FnMut() -> Uuid {
        let mut n = 100;
        move || {
            n += 1;
            id(n)
        }
    }

    #[test]
    fn rooms_and_buildings_are_found_or_planned_once() {
        let rows = [
            row(3, "A-1", "明德楼301", "王老师"),
            row(4, "A-2", "明德楼302", "李老师"),
            row(5, "A-3", "致远楼/科学室", ""),
            row(6, "A-4", "致远楼/科学室", "张三"),
            row(7, "A-5", "", ""),
        ];
        let p = plan(&rows, &register(), counter());
        assert_eq!(
            p.new_buildings,
            [NewBuilding {
                id: id(104),
                name: "致远楼".into()
            }]
        );
        let rooms: Vec<(&str, &str, RoomKind)> = p
            .new_rooms
            .iter()
            .map(|r| (r.building.as_str(), r.name.as_str(), r.kind))
            .collect();
        assert_eq!(
            rooms,
            [
                ("明德楼", "302", RoomKind::Classroom),
                ("致远楼", "科学室", RoomKind::SpecialRoom)
            ]
        );
        let a = |i: usize| &p.new_assets[i].after;
        assert_eq!(a(0).room.as_ref().unwrap().id, id(2), "an existing room");
        assert_eq!(
            a(0).custodian.as_ref().unwrap().id,
            id(3),
            "one user of that name"
        );
        assert_eq!(
            a(1).custodian,
            None,
            "two users of that name: kept as written"
        );
        assert_eq!(a(1).card.keeper.as_deref(), Some("李老师"));
        assert_eq!(a(2).room, a(3).room, "one new room for both");
        assert_eq!(a(3).card.keeper.as_deref(), Some("张三"));
        assert_eq!(a(4).room, None);
        assert_eq!(p.new_assets[4].row, 7);
    }

    #[test]
    fn the_same_rows_again_change_nothing_and_a_changed_row_is_a_change() {
        let rows = [
            row(3, "A-1", "明德楼301", "王老师"),
            row(4, "A-2", "操场", ""),
        ];
        let first = plan(&rows, &register(), counter());
        let mut after = register();
        for b in &first.new_buildings {
            after.buildings.push(Named {
                id: b.id,
                name: b.name.clone(),
            });
        }
        for r in &first.new_rooms {
            after.rooms.push(RegisteredRoom {
                id: r.id,
                building_id: r.building_id,
                name: r.name.clone(),
            });
        }
        after.assets = first
            .new_assets
            .iter()
            .map(|a| (a.id, a.after.clone()))
            .collect();
        let again = plan(&rows, &after, counter());
        assert!(again.is_empty(), "{again:?}");
        assert_eq!(again.unchanged, 2);
        let mut moved = rows.clone();
        moved[1].value = Fen::new(99).unwrap();
        let change = plan(&moved, &after, counter());
        assert_eq!(change.changed_assets.len(), 1);
        let c = &change.changed_assets[0];
        assert_eq!((c.id, c.row), (first.new_assets[1].id, 4));
        assert_eq!(c.before.as_ref().unwrap().value_fen.fen(), 120_000);
        assert_eq!(c.after.value_fen.fen(), 99);
    }
}
