//! An example body for every request schema of the document: what a client copies, and where
//! schemathesis starts. The ids are made up (UUIDv7s), so the server answers them 404 or 422
//! unless such records exist (the contract test swaps them for the demo school's records);
//! everything else is a request the server takes.

use serde_json::{json, Value};

const SCHOOL_RECORD: &str = "01938d2e-5c41-7a6b-9f10-3b2c4d5e6f70";
const ANOTHER: &str = "01938d2e-5c41-7a6b-9f10-3b2c4d5e6f71";
const PHONE_MADE: &str = "01938d2e-5c41-7a6b-9f10-3b2c4d5e6f72";

/// Each request schema's example, by schema name.
pub(super) fn examples() -> Value {
    let inspection = json!({ "id": PHONE_MADE, "template_id": SCHOOL_RECORD, "asset_id": ANOTHER,
        "inspected_at": "2026-11-25T09:30:00+08:00",
        "answers": [{ "key": "gauge", "value": "pass" }, { "key": "seal", "value": "fail", "note": "铅封脱落" }],
        "notes": "三楼东侧" });
    let damage = json!({ "id": PHONE_MADE, "asset_id": ANOTHER, "description": "箱门合页松脱，关不严",
        "cause": "使用磨损", "photos": [] });
    let scan = json!({ "id": PHONE_MADE, "stocktake_id": SCHOOL_RECORD, "room_id": ANOTHER,
        "code": "7K3M9QX2", "scanned_at": "2026-12-05T09:30:00+08:00" });
    let mut all = json!({
        "Credentials": { "login": "demo-manager", "password": "rounds-demo" },
        "NewSchool": { "name": "常州市北郊小学", "admin_login": "bj-admin", "admin_name": "李校长", "password": "change-me-now" },
        "NewBuilding": { "name": "科技楼" },
        "RoomPatch": { "name": "三年级（2）班", "custodian_id": ANOTHER },
        "NewRoom": { "name": "三年级（2）班", "kind": "classroom", "floor": 3, "building_id": SCHOOL_RECORD, "custodian_id": ANOTHER },
        "AssetPatch": { "status": "under_repair", "room_id": SCHOOL_RECORD, "notes": "三楼东侧" },
        "NewAsset": { "category": "灭火器", "name": "干粉灭火器 4kg", "model": "MFZ/ABC4", "asset_code": "XF-2024-0101",
            "status": "in_use", "room_id": SCHOOL_RECORD, "purchase_date": "2024-09-01", "value_fen": 12_000, "notes": "三楼东侧" },
        "TemplateRequest": { "key": "fire_equipment", "name": "消防器材月检", "categories": ["灭火器", "消防栓"], "room_kinds": [],
            "items": [{ "key": "gauge", "label": "压力表指针在绿区", "kind": "pass_fail", "photo_required": false },
                { "key": "temp", "label": "冷藏温度", "kind": "number", "unit": "℃", "min": 0, "max": 8, "photo_required": false }] },
        "InspectionRequest": inspection,
        "DamageRequest": damage,
        "StepRequest": { "status": "accepted", "measure": "更换合页", "due_on": "2026-12-12" },
        "CaseRequest": { "damage_report_id": SCHOOL_RECORD, "party_kind": "student", "party_name": "张小明",
            "party_class": "三年级（2）班", "basis": "repair_cost", "amount": "120.50" },
        "PayRequest": { "paid_on": "2026-11-25", "receipt_no": "HQ-2026-0031", "received_by": "殷奇" },
        "WaiveRequest": { "reason": "家庭困难，经校务会同意免赔" },
        "DepreciationRule": { "useful_life_years": 6, "residual_percent": 5 },
        "CloseRequest": { "ledger": "hazards", "period": "2026-12" },
        "ReopenRequest": { "reason": "补录一条漏登的维修" },
        "ScheduleRequest": { "name": "每月消防器材检查", "template_key": "fire_equipment",
            "scope": { "categories": ["灭火器"], "room_kinds": [], "assets": [], "rooms": [] },
            "cadence": { "every": "monthly", "day": 25 }, "assignee_role": "staff" },
        "SyncBatch": { "records": [
            { "kind": "inspection", "record": inspection, "seen": { "room_id": SCHOOL_RECORD, "status": "in_use" } },
            { "kind": "damage_report", "record": damage },
            { "kind": "stocktake_scan", "record": scan }] },
        "StocktakeRequest": { "name": "2026 秋季盘点", "scope": { "buildings": [SCHOOL_RECORD], "categories": [] }, "due": "2026-12-20" },
        "HandIn": {},
        "ScanRequest": scan,
        "SettleRequest": { "kind": "move", "asset_id": SCHOOL_RECORD },
        "WriteOffDecision": { "approve": true },
        "SupplyItemInput": { "name": "A4 复印纸", "kind": "office", "unit": "包", "shelf": "后勤仓库 A-2", "min_stock": 20 },
        "ReceiptInput": { "quantity": 50, "supplier": "晨光文具", "unit_price_fen": 2_350, "note": "十二月采购" },
        "IssueInput": { "quantity": 2, "issued_to": "三年级（2）班", "note": "期末试卷" },
        "RequestInput": { "item_id": SCHOOL_RECORD, "quantity": 2, "issued_to": "三年级（2）班" },
        "RefuseRequest": { "reason": "本月已领过，请下月再领" },
        "LabelJob": { "stock": "a4-3x8", "skip": 2, "category": "灭火器", "never_printed": true },
        "StockSpec": { "page_width_mm": 210, "page_height_mm": 297, "columns": 3, "rows": 8, "margin_left_mm": 7,
            "margin_top_mm": 13, "gap_x_mm": 2.5, "gap_y_mm": 0, "label_width_mm": 63.5, "label_height_mm": 33.9 },
    });
    if let (Some(all), Value::Object(more)) = (all.as_object_mut(), more_examples()) {
        all.extend(more);
    }
    all
}

/// The purchasing and key cabinet operations' examples (one `json!` of all would pass the macro's
/// recursion limit).
fn more_examples() -> Value {
    json!({
        "KeyInput": { "name": "计算机教室门钥匙", "kind": "door", "room_id": SCHOOL_RECORD, "hook": "A-01", "pieces": 2 },
        "LendInput": { "borrower": "王老师（科学组）", "note": "上实验课" },
        "DrillInput": { "kind": "evacuation", "title": "午休时段疏散演练", "month": "2027-04" },
        "RecordInput": { "held_on": "2026-10-15", "participants": 640, "minutes": 20,
            "summary": "按预案分楼层有序撤离，用时约 4 分钟", "photos": [],
            "findings": [{ "description": "三楼东侧安全出口指示灯不亮", "room_id": SCHOOL_RECORD }] },
        "PurchaseInput": { "reason": "三楼教室投影仪损坏，更换新机", "budget": "year", "supplier": "常州教育装备公司",
            "lines": [{ "kind": "asset", "name": "投影仪", "category": "电教设备", "quantity": 2, "estimate_fen": 350_000 },
                { "kind": "supply", "item_id": SCHOOL_RECORD, "quantity": 10, "estimate_fen": 1_800 }] },
        "AcceptInput": { "lines": [{ "line_id": SCHOOL_RECORD, "received": 2, "unit_price_fen": 342_000 }],
            "photos": [], "note": "包装完好，已通电试机" },
        "ReimburseRequest": { "voucher": "记-2026-12-018" },
        "BudgetInput": { "monthly_fen": 200_000, "yearly_fen": 6_000_000, "threshold_fen": 500_000 },
    })
}

/// Gives each request schema of `document` its example (a schema that has one keeps it).
pub(super) fn add_to(document: &mut Value) {
    if let (Value::Object(examples), Some(schemas)) = (
        examples(),
        document["components"]["schemas"].as_object_mut(),
    ) {
        for (name, example) in examples {
            if let Some(schema) = schemas.get_mut(&name) {
                schema
                    .as_object_mut()
                    .map(|s| s.entry("example").or_insert(example));
            }
        }
    }
}
