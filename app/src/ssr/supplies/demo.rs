//! The demo school's store room: the plan's daily supplies (办公、保洁用品, 教具, 纯净水) with
//! what was received this term, one item already low, and a teacher's request waiting.

use crate::error::AppResult;
use crate::ssr::store::{Actor, Store};
use crate::supplies::{NewMove, NewRequest, NewSupplyItem, ReceiptInput, SupplyKind};
use uuid::Uuid;

/// One item of the demo store and its first delivery.
struct Stocked {
    name: &'static str,
    kind: SupplyKind,
    unit: &'static str,
    shelf: &'static str,
    min_stock: i64,
    received: i64,
    price_fen: i64,
    supplier: &'static str,
}

const fn stocked(
    (name, kind, unit, shelf): (&'static str, SupplyKind, &'static str, &'static str),
    (min_stock, received, price_fen): (i64, i64, i64),
    supplier: &'static str,
) -> Stocked {
    Stocked {
        name,
        kind,
        unit,
        shelf,
        min_stock,
        received,
        price_fen,
        supplier,
    }
}

const ITEMS: &[Stocked] = &[
    stocked(
        ("A4 复印纸", SupplyKind::Office, "包", "A-1"),
        (20, 60, 2_350),
        "晨光文具",
    ),
    stocked(
        ("中性笔（黑）", SupplyKind::Office, "盒", "A-1"),
        (10, 40, 1_200),
        "晨光文具",
    ),
    stocked(
        ("白板笔", SupplyKind::Teaching, "盒", "A-2"),
        (5, 12, 1_800),
        "晨光文具",
    ),
    stocked(
        ("粉笔（无尘）", SupplyKind::Teaching, "盒", "A-2"),
        (20, 80, 450),
        "常州文教用品商店",
    ),
    stocked(
        ("洗手液", SupplyKind::Cleaning, "瓶", "B-1"),
        (15, 12, 990),
        "蓝月亮",
    ),
    stocked(
        ("垃圾袋", SupplyKind::Cleaning, "卷", "B-1"),
        (30, 100, 380),
        "常州日杂批发",
    ),
    stocked(
        ("84 消毒液", SupplyKind::Cleaning, "桶", "B-2"),
        (5, 20, 2_500),
        "常州日杂批发",
    ),
    stocked(
        ("桶装纯净水", SupplyKind::Water, "桶", "C-1"),
        (10, 40, 1_500),
        "怡宝水站",
    ),
];

/// Stocks the store of `school` as its keeper, and leaves one request of `teacher` waiting.
pub async fn stock(school: &dyn Store, keeper: Uuid, teacher: Uuid) -> AppResult<()> {
    let mut first = None;
    for s in ITEMS {
        let item = NewSupplyItem {
            name: s.name.into(),
            kind: s.kind,
            unit: s.unit.into(),
            shelf: Some(format!("后勤仓库 {}", s.shelf)),
            min_stock: s.min_stock,
        };
        let id = Uuid::now_v7();
        school
            .add_supply_item(Actor(Some(keeper)), id, item)
            .await?;
        let receipt = NewMove::receipt(&ReceiptInput {
            quantity: s.received,
            supplier: Some(s.supplier.into()),
            unit_price_fen: Some(s.price_fen),
            note: None,
        })?;
        school
            .move_supplies(Actor(Some(keeper)), Uuid::now_v7(), id, receipt, None)
            .await?;
        first.get_or_insert(id);
    }
    if let Some(paper) = first {
        let request = NewRequest {
            item: paper,
            quantity: 2,
            issued_to: "三年级（2）班".into(),
            note: Some("期末复习资料".into()),
        };
        school
            .request_supplies(Actor(Some(teacher)), Uuid::now_v7(), request)
            .await?;
    }
    Ok(())
}
