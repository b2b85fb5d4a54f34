//! The register (资产登记表) as the asset card's columns, in the order and with the headers
//! the importer reads: exported and imported again, it changes nothing.

use super::{Cell, Column};
use crate::import::cells::status_word;
use crate::import::columns::RegisterColumn;
use crate::import::plan::AssetValues;

/// An asset as the register lists it, with the building its room stands in.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterEntry {
    pub asset: AssetValues,
    pub building: Option<String>,
}

fn width(c: RegisterColumn) -> u8 {
    use RegisterColumn as C;
    match c {
        C::Name | C::Model | C::Note => 20,
        C::Location => 24,
        C::AssetCode | C::Category | C::Department => 14,
        C::AcquiredOn | C::BookedOn | C::Value | C::ClassCode | C::Voucher => 12,
        C::Custodian | C::Brand | C::UnitPrice | C::Status => 10,
        C::Unit | C::Quantity => 6,
    }
}

/// The columns, headed by the asset card's own names.
pub fn columns() -> Vec<Column> {
    RegisterColumn::ALL
        .into_iter()
        .map(|c| Column {
            header: c.headers()[0].to_string(),
            width: width(c),
        })
        .collect()
}

/// 存放地点 as the importer splits it again: `明德楼/一年级（1）班`, or the place's own name
/// when it is a building with one room of the same name (操场).
pub fn location(building: Option<&str>, room: &str) -> String {
    match building {
        Some(b) if b != room => format!("{b}/{room}"),
        _ => room.to_string(),
    }
}

/// The row of one asset, in the order of [`columns`].
pub fn row(entry: &RegisterEntry) -> Vec<Cell> {
    use RegisterColumn as C;
    let a = &entry.asset;
    let quantity = a.card.quantity.max(1);
    RegisterColumn::ALL
        .into_iter()
        .map(|c| match c {
            C::AssetCode => Cell::Text(a.asset_code.clone()),
            C::Name => Cell::Text(a.name.clone()),
            C::Category => Cell::Text(a.category.clone()),
            C::ClassCode => Cell::text(a.card.class_code.as_deref()),
            C::Model => Cell::text(a.model.as_deref()),
            C::Brand => Cell::text(a.card.brand.as_deref()),
            C::Unit => Cell::text(a.card.unit.as_deref()),
            C::Quantity => Cell::Count(i64::from(quantity)),
            C::UnitPrice => crate::domain::Fen::new(a.value_fen.fen() / i64::from(quantity))
                .map_or(Cell::Empty, Cell::Yuan),
            C::Value => Cell::Yuan(a.value_fen),
            C::AcquiredOn => Cell::day(a.purchase_date.as_deref()),
            C::Department => Cell::text(a.card.department.as_deref()),
            C::Custodian => Cell::text(
                a.custodian
                    .as_ref()
                    .map(|p| p.name.as_str())
                    .or(a.card.keeper.as_deref()),
            ),
            C::Location => a.room.as_ref().map_or(Cell::Empty, |r| {
                Cell::Text(location(entry.building.as_deref(), &r.name))
            }),
            C::Status => Cell::Text(status_word(a.status).to_string()),
            C::BookedOn => Cell::day(a.card.booked_on.as_deref()),
            C::Voucher => Cell::text(a.card.voucher.as_deref()),
            C::Note => Cell::text(a.notes.as_deref()),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::{AssetStatus, Fen};
    use crate::import::location::place;
    use crate::model::{AssetCard, Named};

    fn entry() -> RegisterEntry {
        RegisterEntry {
            asset: AssetValues {
                asset_code: "LCX-2020-003".into(),
                name: "学生椅".into(),
                category: "课桌椅".into(),
                model: None,
                status: AssetStatus::UnderRepair,
                room: Some(Named {
                    id: uuid::Uuid::nil(),
                    name: "204".into(),
                }),
                custodian: None,
                purchase_date: Some("2020-08-20".into()),
                value_fen: Fen::new(36_001).unwrap(),
                notes: None,
                card: AssetCard {
                    quantity: 3,
                    keeper: Some("张老师".into()),
                    ..AssetCard::default()
                },
            },
            building: Some("致远楼".into()),
        }
    }

    #[test]
    fn a_row_holds_the_card_under_the_importers_headers() {
        let cells = row(&entry());
        let at = |c: RegisterColumn| {
            cells[RegisterColumn::ALL.iter().position(|x| *x == c).unwrap()].clone()
        };
        assert_eq!(cells.len(), columns().len());
        assert_eq!(at(RegisterColumn::Quantity), Cell::Count(3));
        assert_eq!(
            at(RegisterColumn::UnitPrice),
            Cell::Yuan(Fen::new(12_000).unwrap())
        );
        assert_eq!(at(RegisterColumn::Custodian), Cell::Text("张老师".into()));
        assert_eq!(at(RegisterColumn::Status), Cell::Text("维修中".into()));
        assert_eq!(at(RegisterColumn::Model), Cell::Empty);
        for (c, column) in RegisterColumn::ALL.iter().zip(columns()) {
            assert_eq!(RegisterColumn::from_header(&column.header), Some(*c));
        }
    }

    #[test]
    fn a_location_is_split_back_into_its_building_and_room() {
        let buildings = vec!["致远楼".to_string(), "操场".to_string()];
        let back = place(&location(Some("致远楼"), "204"), &buildings).unwrap();
        assert_eq!(
            (back.building.as_str(), back.room.as_str()),
            ("致远楼", "204")
        );
        let back = place(&location(Some("操场"), "操场"), &buildings).unwrap();
        assert_eq!(
            (back.building.as_str(), back.room.as_str()),
            ("操场", "操场")
        );
        let back = place(&location(Some("致远楼"), "一年级（1）班"), &buildings).unwrap();
        assert_eq!(back.room, "一年级（1）班");
    }
}
