//! The checklists every school starts with, from the logistics department's own routines
//! (fire equipment self-check every month, drinking water, classroom safety and hygiene,
//! canteen daily and weekly checks, dormitory property). Admins edit them into new versions.

use crate::domain::RoomKind;
use crate::inspections::{ChecklistItem, ItemKind};

/// A template before it is stored: key, name, categories, room kinds, items.
pub struct DefaultTemplate {
    pub key: &'static str,
    pub name: &'static str,
    pub categories: &'static [&'static str],
    pub room_kinds: &'static [RoomKind],
    pub items: Vec<ChecklistItem>,
}

fn check(key: &str, label: &str) -> ChecklistItem {
    ChecklistItem {
        key: key.into(),
        label: label.into(),
        kind: ItemKind::PassFail,
        photo_required: false,
    }
}

fn reading(
    key: &str,
    label: &str,
    unit: &str,
    min: Option<f64>,
    max: Option<f64>,
) -> ChecklistItem {
    ChecklistItem {
        key: key.into(),
        label: label.into(),
        kind: ItemKind::Number {
            unit: unit.into(),
            min,
            max,
        },
        photo_required: false,
    }
}

fn text(key: &str, label: &str, photo_required: bool) -> ChecklistItem {
    ChecklistItem {
        key: key.into(),
        label: label.into(),
        kind: ItemKind::Text,
        photo_required,
    }
}

pub fn default_templates() -> Vec<DefaultTemplate> {
    vec![
        DefaultTemplate {
            key: "fire_equipment",
            name: "消防设备自检",
            categories: &["消防器材"],
            room_kinds: &[],
            items: vec![
                check("gauge", "压力表指针在绿区"),
                check("seal", "铅封、保险销完好"),
                check("in_date", "在有效期内（看检验标签）"),
                check("clear", "位置无遮挡，取用方便"),
                check("body", "瓶体、箱体无锈蚀破损，喷管完好"),
                check("sign", "标识清楚"),
            ],
        },
        DefaultTemplate {
            key: "classroom_safety",
            name: "教室安全卫生检查",
            categories: &[],
            room_kinds: &[RoomKind::Classroom, RoomKind::SpecialRoom],
            items: vec![
                check("doors_windows", "门窗、玻璃、锁具完好"),
                check("power", "插座、开关、线路安全，无私拉乱接"),
                check("desks", "课桌椅完好，无松动、毛刺"),
                check("lights", "灯具、风扇、空调运行正常"),
                check("exit", "疏散通道畅通"),
                check("clean", "地面、墙面、卫生角整洁"),
            ],
        },
        DefaultTemplate {
            key: "drinking_water",
            name: "直饮水设备检查与滤芯更换",
            categories: &["直饮水设备"],
            room_kinds: &[],
            items: vec![
                check("flow", "出水正常，无漏水"),
                check("taste", "水质无异色、异味"),
                check("clean", "机身与接水台清洁"),
                reading(
                    "filter_days",
                    "滤芯已使用天数",
                    "天",
                    Some(0.0),
                    Some(180.0),
                ),
                text("filter_label", "滤芯更换标签（拍照）", true),
            ],
        },
        DefaultTemplate {
            key: "canteen_daily",
            name: "食堂每日检查",
            categories: &[],
            room_kinds: &[RoomKind::Canteen],
            items: vec![
                check("staff", "从业人员健康证有效，着装、洗手规范"),
                check("samples", "每餐食品留样（不少于 125 克，保存 48 小时）"),
                reading("fridge", "冷藏温度", "℃", Some(0.0), Some(8.0)),
                check("disinfection", "餐具消毒并记录"),
                check("raw_cooked", "生熟分开，刀具砧板分用"),
                check("clean", "操作间地面、台面清洁，垃圾及时清运"),
            ],
        },
        DefaultTemplate {
            key: "canteen_weekly",
            name: "食堂每周大检查",
            categories: &[],
            room_kinds: &[RoomKind::Canteen],
            items: vec![
                check("stock_dates", "库存食品在保质期内，离地离墙存放"),
                check("gas", "燃气管道、阀门无泄漏，报警器有效"),
                check("drains", "排烟、排水通畅"),
                check("pests", "防蝇、防鼠设施有效"),
                reading("freezer", "冷冻温度", "℃", None, Some(-18.0)),
                check("equipment", "设备完好，接地可靠"),
            ],
        },
        DefaultTemplate {
            key: "dormitory_property",
            name: "宿舍公物清点",
            categories: &[],
            room_kinds: &[RoomKind::Dormitory],
            items: vec![
                text("beds", "床铺数量（与登记核对）", false),
                check("furniture", "床、桌椅、柜完好"),
                check("locks", "门窗、锁具完好"),
                check("power", "用电安全，无违规电器"),
                check("clean", "室内卫生整洁"),
            ],
        },
    ]
}
