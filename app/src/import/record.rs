//! The register's rows read as assets: each cell checked where Excel shows it, a 数量 N > 1 row
//! made N assets or one batch record, the title, blank and 合计 rows passed over.

use super::cells;
use super::columns::{column_letters, Header, RegisterColumn};
use super::{Quantities, RowError};
use crate::domain::{AssetCode, AssetStatus, Fen, Invalid, Problem, PurchaseDate};
use crate::model::AssetCard;
use std::collections::HashMap;

/// Longest name (资产名称) and model, as the asset form allows.
const NAME_MAX: usize = 80;
/// Longest category, as the asset form allows.
const CATEGORY_MAX: usize = 40;
/// Longest brand, unit, department, 使用人, class code and voucher number.
const CARD_TEXT_MAX: usize = 80;
/// Longest 存放地点.
const LOCATION_MAX: usize = 160;
/// Longest 备注, as the asset form allows.
const NOTES_MAX: usize = 2000;

/// One asset as the register gives it; rooms and people still by name.
#[derive(Clone, Debug, PartialEq)]
pub struct RegisterRow {
    /// The row as Excel numbers it.
    pub line: usize,
    pub asset_code: AssetCode,
    pub name: String,
    pub category: String,
    pub model: Option<String>,
    pub status: AssetStatus,
    pub purchase_date: Option<PurchaseDate>,
    pub value: Fen,
    pub notes: Option<String>,
    /// 使用人, as written.
    pub custodian: Option<String>,
    /// 存放地点, as written.
    pub location: Option<String>,
    pub card: AssetCard,
}

/// What the sheet holds: its assets, and everything wrong in it.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Sheet {
    pub assets: Vec<RegisterRow>,
    pub errors: Vec<RowError>,
    /// Rows that held an asset (title, blank and 合计 rows not counted).
    pub rows: usize,
}

/// One row's cells by the column they hold.
struct Cells<'a> {
    line: usize,
    row: &'a [String],
    at: &'a HashMap<RegisterColumn, usize>,
    headers: &'a [String],
    errors: Vec<RowError>,
}

impl Cells<'_> {
    fn raw(&self, c: RegisterColumn) -> &str {
        self.at
            .get(&c)
            .and_then(|i| self.row.get(*i))
            .map_or("", |s| s.trim())
    }

    fn fail(&mut self, c: RegisterColumn, problem: Problem) {
        let at = self.at.get(&c).copied();
        self.errors.push(RowError {
            row: self.line,
            column: at.map(column_letters),
            header: at
                .and_then(|i| self.headers.get(i))
                .map(|h| h.trim().to_string()),
            reads: Some(c),
            problem,
            message: String::new(),
        });
    }

    /// A cell read by `parse`; empty is none, a bad value an error.
    fn read<T>(
        &mut self,
        c: RegisterColumn,
        parse: impl Fn(&str) -> Result<T, Invalid>,
    ) -> Option<T> {
        let raw = self.raw(c);
        if raw.is_empty() {
            return None;
        }
        parse(raw).map_err(|e| self.fail(c, e.problem)).ok()
    }

    fn text(&mut self, c: RegisterColumn, max: usize) -> Option<String> {
        let raw = self.raw(c).to_string();
        if raw.chars().count() > max {
            self.fail(c, Problem::TooLong { max });
            return None;
        }
        (!raw.is_empty()).then_some(raw)
    }

    fn required(&mut self, c: RegisterColumn, max: usize) -> Option<String> {
        let text = self.text(c, max);
        if text.is_none() && self.raw(c).is_empty() {
            self.fail(c, Problem::Required);
        }
        text
    }
}

/// Reads the rows under `header` with `columns` (the header's, as corrected): every asset, or
/// the errors that keep a row out, each with its row and column.
pub fn read(
    rows: &[Vec<String>],
    header: &Header,
    columns: &[Option<RegisterColumn>],
    quantities: Quantities,
) -> Sheet {
    use RegisterColumn as C;
    let at: HashMap<RegisterColumn, usize> = columns
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.map(|c| (c, i)))
        .collect();
    let headers = rows.get(header.row).map_or(&[][..], Vec::as_slice);
    let mut sheet = Sheet::default();
    let mut first_seen: HashMap<String, usize> = HashMap::new();
    for (index, row) in rows.iter().enumerate().skip(header.row + 1) {
        if cells::is_blank_row(row) || cells::is_total_row(row) {
            continue;
        }
        sheet.rows += 1;
        let mut c = Cells {
            line: index + 1,
            row,
            at: &at,
            headers,
            errors: Vec::new(),
        };
        let code = match AssetCode::parse(c.raw(C::AssetCode)) {
            Ok(code) => Some(code),
            Err(e) => {
                c.fail(C::AssetCode, e.problem);
                None
            }
        };
        let name = c.required(C::Name, NAME_MAX);
        let class_code = c.text(C::ClassCode, CARD_TEXT_MAX);
        let category = match c.text(C::Category, CATEGORY_MAX).or(class_code.clone()) {
            Some(category) => Some(category),
            None if c.raw(C::Category).is_empty() => {
                c.fail(C::Category, Problem::Required);
                None
            }
            None => None,
        };
        let quantity = c.read(C::Quantity, |s| {
            cells::quantity(s, crate::domain::Field::Value)
        });
        let unit_price = c.read(C::UnitPrice, |s| {
            cells::amount(s, crate::domain::Field::Value)
        });
        let value = c.read(C::Value, |s| cells::amount(s, crate::domain::Field::Value));
        let acquired = c.read(C::AcquiredOn, |s| {
            cells::date(s, crate::domain::Field::PurchaseDate)
        });
        let booked = c.read(C::BookedOn, |s| {
            cells::date(s, crate::domain::Field::PurchaseDate)
        });
        let status = c
            .read(C::Status, cells::status)
            .unwrap_or(AssetStatus::InUse);
        let card = AssetCard {
            class_code,
            brand: c.text(C::Brand, CARD_TEXT_MAX),
            unit: c.text(C::Unit, CARD_TEXT_MAX),
            quantity: 1,
            department: c.text(C::Department, CARD_TEXT_MAX),
            keeper: None,
            booked_on: booked.map(|d| d.as_str().to_string()),
            voucher: c.text(C::Voucher, CARD_TEXT_MAX),
        };
        let custodian = c.text(C::Custodian, CARD_TEXT_MAX);
        let location = c.text(C::Location, LOCATION_MAX);
        let model = c.text(C::Model, NAME_MAX);
        let notes = c.text(C::Note, NOTES_MAX);
        let n = quantity.unwrap_or(1);
        let value = match (value, unit_price) {
            (Some(v), _) => Some(v),
            (None, Some(p)) => Fen::new(p.fen().saturating_mul(i64::from(n)))
                .map_err(|e| c.fail(C::UnitPrice, e.problem))
                .ok(),
            (None, None) => Some(Fen::default()),
        };
        let codes = match (&code, quantities) {
            (Some(code), Quantities::Each) if n > 1 => (1..=n)
                .map(|i| AssetCode::parse(&format!("{}-{i}", code.as_str())))
                .collect::<Result<Vec<_>, _>>()
                .map_err(|e| c.fail(C::AssetCode, e.problem))
                .ok(),
            (Some(code), _) => Some(vec![code.clone()]),
            (None, _) => None,
        };
        if let Some(codes) = &codes {
            for code in codes {
                if let Some(first) = first_seen.insert(code.as_str().to_string(), c.line) {
                    c.fail(C::AssetCode, Problem::DuplicateOf { first });
                }
            }
        }
        let mut errors = std::mem::take(&mut c.errors);
        let (Some(codes), Some(name), Some(category), Some(value), true) =
            (codes, name, category, value, errors.is_empty())
        else {
            sheet.errors.append(&mut errors);
            continue;
        };
        let each = codes.len() as i64;
        for (i, code) in codes.into_iter().enumerate() {
            // The value split fen by fen: the first ones carry the remainder.
            let share = value.fen() / each + i64::from((i as i64) < value.fen() % each);
            sheet.assets.push(RegisterRow {
                line: c.line,
                asset_code: code,
                name: name.clone(),
                category: category.clone(),
                model: model.clone(),
                status,
                purchase_date: acquired.clone(),
                value: Fen::new(share).unwrap_or_default(),
                notes: notes.clone(),
                custodian: custodian.clone(),
                location: location.clone(),
                card: AssetCard {
                    quantity: if each == 1 { n } else { 1 },
                    ..card.clone()
                },
            });
        }
    }
    sheet
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::columns::{find_header, Profile};

    fn sheet(rows: &[&[&str]], quantities: Quantities) -> Sheet {
        let rows: Vec<Vec<String>> = rows
            .iter()
            .map(|r| r.iter().map(|c| c.to_string()).collect())
            .collect();
        let header = find_header(&rows, &Profile::new()).unwrap();
        read(&rows, &header, &header.columns, quantities)
    }

    const HEADER: &[&str] = &[
        "资产编号",
        "资产名称",
        "资产分类",
        "数量",
        "单价",
        "价值",
        "取得日期",
        "存放地点",
        "使用状况",
    ];

    #[test]
    fn rows_are_read_under_the_title_and_the_total_is_passed_over() {
        let s = sheet(
            &[
                &["龙城小学固定资产登记表"],
                HEADER,
                &[
                    "gd-001",
                    "办公桌",
                    "家具",
                    "1",
                    "",
                    "¥1,200.00",
                    "42631",
                    "明德楼301",
                    "在用",
                ],
                &["", "", "", "", "", "", "", "", ""],
                &[
                    "GD-002",
                    "投影仪",
                    "电教设备",
                    "1",
                    "",
                    "3500",
                    "2016.9.18",
                    "",
                    "维修中",
                ],
                &["合计", "", "", "2", "", "4700", "", "", ""],
            ],
            Quantities::Each,
        );
        assert_eq!(s.errors, []);
        assert_eq!(s.rows, 2);
        let [desk, projector] = s.assets.as_slice() else {
            panic!("two assets: {:?}", s.assets)
        };
        assert_eq!((desk.line, desk.asset_code.as_str()), (3, "GD-001"));
        assert_eq!(desk.value.fen(), 120_000);
        assert_eq!(desk.purchase_date.as_ref().unwrap().as_str(), "2016-09-18");
        assert_eq!(desk.location.as_deref(), Some("明德楼301"));
        assert_eq!(projector.line, 5);
        assert_eq!(projector.status, AssetStatus::UnderRepair);
        assert_eq!(projector.category, "电教设备");
    }

    #[test]
    fn a_quantity_makes_many_assets_or_one_batch() {
        let rows: &[&[&str]] = &[
            HEADER,
            &["GD-010", "学生椅", "家具", "3", "100.01", "", "", "", ""],
        ];
        let each = sheet(rows, Quantities::Each);
        let codes: Vec<&str> = each.assets.iter().map(|a| a.asset_code.as_str()).collect();
        assert_eq!(codes, ["GD-010-1", "GD-010-2", "GD-010-3"]);
        let values: Vec<i64> = each.assets.iter().map(|a| a.value.fen()).collect();
        assert_eq!(values, [10_001, 10_001, 10_001]);
        assert!(each.assets.iter().all(|a| a.card.quantity == 1));
        let batch = sheet(rows, Quantities::Batch);
        assert_eq!(batch.assets.len(), 1);
        assert_eq!(batch.assets[0].card.quantity, 3);
        assert_eq!(batch.assets[0].value.fen(), 30_003);
        let split = sheet(
            &[
                HEADER,
                &["GD-011", "椅", "家具", "3", "", "100", "", "", ""],
            ],
            Quantities::Each,
        );
        let values: Vec<i64> = split.assets.iter().map(|a| a.value.fen()).collect();
        assert_eq!(
            values,
            [3_334, 3_333, 3_333],
            "the remainder goes to the first"
        );
    }

    #[test]
    fn each_error_names_its_row_and_column() {
        let s = sheet(
            &[
                &["标题"],
                HEADER,
                &["GD-001", "办公桌", "家具", "1", "", "-5", "", "", ""],
                &[
                    "GD-002",
                    "",
                    "家具",
                    "1",
                    "",
                    "",
                    "2016-13-45",
                    "",
                    "借出去了",
                ],
                &["GD-001", "椅子", "家具", "1", "", "", "", "", ""],
            ],
            Quantities::Each,
        );
        assert!(s.assets.is_empty(), "no row with an error becomes an asset");
        let found: Vec<(usize, Option<&str>, &Problem)> = s
            .errors
            .iter()
            .map(|e| (e.row, e.column.as_deref(), &e.problem))
            .collect();
        assert_eq!(
            found,
            [
                (3, Some("F"), &Problem::OutOfRange),
                (4, Some("B"), &Problem::Required),
                (4, Some("G"), &Problem::BadDate),
                (4, Some("I"), &Problem::UnknownChoice),
                (5, Some("A"), &Problem::DuplicateOf { first: 3 }),
            ]
        );
        assert_eq!(s.errors[2].header.as_deref(), Some("取得日期"));
        assert_eq!(s.errors[2].reads, Some(RegisterColumn::AcquiredOn));
    }
}
