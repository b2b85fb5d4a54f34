//! The columns of the asset card (资产卡片) as registers name them, and the header row found
//! under a sheet's title rows.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// A column of the register Rounds knows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RegisterColumn {
    AssetCode,
    Name,
    Category,
    /// The national classification code (GB/T 14885), kept as given.
    ClassCode,
    Model,
    Brand,
    Unit,
    Quantity,
    UnitPrice,
    Value,
    AcquiredOn,
    Department,
    Custodian,
    Location,
    Status,
    BookedOn,
    Voucher,
    Note,
}

impl RegisterColumn {
    pub const ALL: [RegisterColumn; 18] = [
        Self::AssetCode,
        Self::Name,
        Self::Category,
        Self::ClassCode,
        Self::Model,
        Self::Brand,
        Self::Unit,
        Self::Quantity,
        Self::UnitPrice,
        Self::Value,
        Self::AcquiredOn,
        Self::Department,
        Self::Custodian,
        Self::Location,
        Self::Status,
        Self::BookedOn,
        Self::Voucher,
        Self::Note,
    ];

    /// The headers a register uses for the column: the asset card's own name first.
    pub fn headers(self) -> &'static [&'static str] {
        match self {
            Self::AssetCode => &["资产编号", "资产编码", "资产代码", "卡片编号", "编号"],
            Self::Name => &["资产名称", "名称", "品名", "设备名称"],
            Self::Category => &["资产分类", "分类", "类别", "资产类别", "分类名称"],
            Self::ClassCode => &["分类代码", "分类编码", "国标分类代码", "资产分类代码"],
            Self::Model => &["规格型号", "规格", "型号", "规格/型号"],
            Self::Brand => &["品牌", "厂家", "生产厂家", "品牌/厂家"],
            Self::Unit => &["计量单位", "单位"],
            Self::Quantity => &["数量", "实有数量"],
            Self::UnitPrice => &["单价"],
            Self::Value => &["价值", "金额", "原值", "资产原值", "总价", "价值（元）"],
            Self::AcquiredOn => &["取得日期", "购置日期", "购买日期", "购入日期", "取得时间"],
            Self::Department => &["使用部门", "部门", "管理部门"],
            Self::Custodian => &["使用人", "责任人", "保管人", "领用人"],
            Self::Location => &["存放地点", "存放位置", "地点", "位置", "所在房间"],
            Self::Status => &["使用状况", "使用状态", "状态", "资产状态"],
            Self::BookedOn => &["财务入账日期", "入账日期", "记账日期"],
            Self::Voucher => &["凭证号", "记账凭证号", "凭证编号"],
            Self::Note => &["备注", "说明"],
        }
    }

    /// The column a header names, if Rounds knows it: spaces, a `*` for required, and a unit in
    /// brackets (`单价（元）`) do not matter.
    pub fn from_header(raw: &str) -> Option<Self> {
        let plain: String = raw
            .chars()
            .filter(|c| !c.is_whitespace() && *c != '*' && *c != '＊')
            .collect();
        let bare = plain
            .split(['（', '('])
            .next()
            .unwrap_or(&plain)
            .to_string();
        Self::ALL
            .into_iter()
            .find(|c| c.headers().contains(&plain.as_str()))
            .or_else(|| {
                Self::ALL
                    .into_iter()
                    .find(|c| c.headers().contains(&bare.as_str()))
            })
    }
}

/// The header row of a sheet and what each of its cells names.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Header {
    /// The row's index among the sheet's rows (0 is Excel's row 1).
    pub row: usize,
    pub columns: Vec<Option<RegisterColumn>>,
}

/// How far down a sheet the header row may be (title rows, the school's name, a date line).
const HEADER_WITHIN: usize = 20;

/// What a manager decided a header names, kept by name for next year's file: the header as the
/// file writes it → the column, or `None` for a column to leave out.
pub type Profile = BTreeMap<String, Option<RegisterColumn>>;

/// What a header cell names: the profile's decision where it has one, else Rounds' own reading.
pub fn named_by(cell: &str, profile: &Profile) -> Option<RegisterColumn> {
    match profile.get(cell.trim()) {
        Some(decided) => *decided,
        None => RegisterColumn::from_header(cell),
    }
}

/// The first row, within the first twenty, that names an asset's name and at least two other
/// known columns; each column taken once (the first cell naming it).
pub fn find_header(rows: &[Vec<String>], profile: &Profile) -> Option<Header> {
    rows.iter()
        .take(HEADER_WITHIN)
        .enumerate()
        .find_map(|(i, row)| {
            let mut seen = Vec::new();
            let columns: Vec<Option<RegisterColumn>> = row
                .iter()
                .map(|cell| {
                    let c = named_by(cell, profile).filter(|c| !seen.contains(c))?;
                    seen.push(c);
                    Some(c)
                })
                .collect();
            (seen.contains(&RegisterColumn::Name) && seen.len() >= 3)
                .then_some(Header { row: i, columns })
        })
}

/// The index of a column Excel names `letters` (`A` → 0, `AA` → 26).
pub fn column_index(letters: &str) -> Option<usize> {
    let letters = letters.trim();
    if letters.is_empty() || letters.len() > 3 {
        return None;
    }
    letters
        .chars()
        .try_fold(0usize, |n, c| {
            c.is_ascii_alphabetic()
                .then(|| n * 26 + (c.to_ascii_uppercase() as usize - 'A' as usize + 1))
        })
        .map(|n| n - 1)
}

/// Excel's name of the column at `index` (0 → `A`, 26 → `AA`), for messages that name a cell.
pub fn column_letters(index: usize) -> String {
    let mut n = index + 1;
    let mut out = Vec::new();
    while n > 0 {
        let rem = (n - 1) % 26;
        out.push(b'A' + rem as u8);
        n = (n - 1) / 26;
    }
    out.reverse();
    String::from_utf8(out).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;
    use RegisterColumn::*;

    fn row(cells: &[&str]) -> Vec<String> {
        cells.iter().map(|c| c.to_string()).collect()
    }

    #[test]
    fn headers_are_known_by_their_names_and_synonyms() {
        assert_eq!(RegisterColumn::from_header("资产编号"), Some(AssetCode));
        assert_eq!(RegisterColumn::from_header(" *资产名称 "), Some(Name));
        assert_eq!(RegisterColumn::from_header("单价（元）"), Some(UnitPrice));
        assert_eq!(RegisterColumn::from_header("价值(元)"), Some(Value));
        assert_eq!(RegisterColumn::from_header("购置日期"), Some(AcquiredOn));
        assert_eq!(RegisterColumn::from_header("责任人"), Some(Custodian));
        assert_eq!(RegisterColumn::from_header("存放地点"), Some(Location));
        assert_eq!(RegisterColumn::from_header("分类代码"), Some(ClassCode));
        assert_eq!(RegisterColumn::from_header("序号"), None);
        // Every synonym names one column only.
        let mut all: Vec<&str> = RegisterColumn::ALL
            .iter()
            .flat_map(|c| c.headers().to_vec())
            .collect();
        let n = all.len();
        all.sort();
        all.dedup();
        assert_eq!(all.len(), n);
    }

    #[test]
    fn the_header_is_found_under_the_title_rows() {
        let rows = vec![
            row(&["龙城小学固定资产登记表", "", "", ""]),
            row(&["", "", "", ""]),
            row(&["单位：龙城小学", "", "日期：2026-09-01", ""]),
            row(&[
                "序号",
                "资产编号",
                "资产名称",
                "规格型号",
                "存放地点",
                "名称",
            ]),
            row(&["1", "GD-001", "办公桌", "1.2m", "明德楼301", ""]),
        ];
        let h = find_header(&rows, &Profile::new()).unwrap();
        assert_eq!(h.row, 3);
        assert_eq!(
            h.columns,
            [
                None,
                Some(AssetCode),
                Some(Name),
                Some(Model),
                Some(Location),
                None
            ],
            "a second 名称 column is not taken twice"
        );
        assert!(
            find_header(&rows[..3], &Profile::new()).is_none(),
            "a sheet without a header"
        );
    }

    #[test]
    fn columns_are_named_as_excel_names_them() {
        assert_eq!(column_letters(0), "A");
        assert_eq!(column_letters(25), "Z");
        assert_eq!(column_letters(26), "AA");
        assert_eq!(column_letters(701), "ZZ");
        assert_eq!(column_letters(702), "AAA");
        for i in [0, 25, 26, 701, 702] {
            assert_eq!(column_index(&column_letters(i)), Some(i));
        }
        assert_eq!(column_index("f"), Some(5));
        assert_eq!(column_index("F1"), None);
        assert_eq!(column_index(""), None);
    }

    #[test]
    fn a_profile_decides_what_its_headers_name() {
        let rows = vec![row(&["编码", "物品", "放在哪", "序号"])];
        assert!(find_header(&rows, &Profile::new()).is_none());
        let profile = Profile::from([
            ("编码".to_string(), Some(AssetCode)),
            ("物品".to_string(), Some(Name)),
            ("放在哪".to_string(), Some(Location)),
        ]);
        let h = find_header(&rows, &profile).unwrap();
        assert_eq!(
            h.columns,
            [Some(AssetCode), Some(Name), Some(Location), None]
        );
        let ignore = Profile::from([("名称".to_string(), None)]);
        assert_eq!(named_by("名称", &ignore), None);
        assert_eq!(named_by("名称", &Profile::new()), Some(Name));
    }
}
