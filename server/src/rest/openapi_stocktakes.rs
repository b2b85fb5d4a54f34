//! The OpenAPI description of stocktakes (scans also arrive through `/api/v1/sync`).

use super::openapi::{download, op, paged, schema, with_body};

const XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
use serde_json::{json, Value};

fn path_params(names: &[&str]) -> Value {
    Value::Array(
        names
            .iter()
            .map(|n| json!({ "name": n, "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }))
            .collect(),
    )
}

fn with_params(mut operation: Value, names: &[&str]) -> Value {
    operation["parameters"] = path_params(names);
    operation
}

pub(super) fn paths() -> Value {
    let array = |item: &str| json!({ "type": "array", "items": schema(item) });
    let tag = "stocktakes";
    let one =
        |summary: &str, ok: &str, body: Value| with_params(op(summary, tag, ok, body), &["id"]);
    let mut hand_in = with_body(one("Hand in: every scan on the caller's phone is synced (no body). An asset manager or admin may hand in for someone else with {\"user\": id} (a lost phone)", "204", json!({})), "HandIn");
    hand_in["requestBody"]["required"] = json!(false);
    json!({
        "/api/v1/stocktakes": {
            "get": paged(op("The school's stocktakes, newest first (staff, asset manager, admin)", tag, "200", array("StocktakeHead"))),
            "post": with_body(op("Start a stocktake: the assets in scope are frozen as the expected list (asset manager, admin)", tag, "201", schema("Stocktake")), "StocktakeRequest")
        },
        "/api/v1/stocktakes/{id}": { "get": one("A stocktake with its rooms, who counts each, and the tallies", "200", schema("Stocktake")) },
        "/api/v1/stocktakes/{id}/report": { "get": one("盘点报告: the tallies, every expected asset never counted (未盘, 盘亏 once finished), each 位置不符, 盘盈 and out-of-scope tag, and who counted how much", "200", schema("StocktakeReport")) },
        "/api/v1/stocktakes/{id}/report.xlsx": { "get": download(one("盘点报告 as an Excel workbook in the caller's language: 汇总 (each room and the total), 盘亏, 位置不符, 盘盈, 数量不符, 有损坏, 盘点人", "200", json!({})), XLSX) },
        "/api/v1/stocktakes/{id}/report.pdf": { "get": download(one("盘点报告 as an A4 PDF in the caller's language, to print and sign: the school, the stocktake's state and dates, the same tables as the workbook, and lines for 盘点人, 监盘人 and 负责人", "200", json!({})), "application/pdf") },
        "/api/v1/stocktakes/{id}/expected": { "get": one("The frozen expected list, for a phone to classify scans offline", "200", array("ExpectedAsset")) },
        "/api/v1/stocktakes/{id}/scans": {
            "get": paged(one("The scans, undone ones too, oldest first", "200", array("Scan"))),
            "post": with_body(one("Count one tag in a room (a phone's queue uses POST /sync with kind stocktake_scan)", "200",
                json!({ "type": "object", "properties": { "new": { "type": "boolean" },
                    "class": { "oneOf": [schema("ScanClass"), { "type": "null" }], "description": "null when this scan (its id) was sent before: nothing new was recorded" } } })), "ScanRequest")
        },
        "/api/v1/stocktakes/{id}/scans/{scan}": { "delete": with_params(op("Take back a scan while counting", tag, "204", json!({})), &["id", "scan"]) },
        "/api/v1/stocktakes/{id}/rooms/{room}/claim": { "post": with_params(op("Count this room from now on (the room list shows who counts which)", tag, "204", json!({})), &["id", "room"]) },
        "/api/v1/stocktakes/{id}/settlements": {
            "get": one("How each difference was settled", "200", array("Settlement")),
            "post": with_body(one("Settle a difference of a finished stocktake: move (the register follows a misplaced asset to the room it was counted in), found, write_off (waits for the admin), register (a 盘盈 tag that now carries a new asset: asset_id is that asset), or recount (数量不符: a batch record takes the number counted, its value at the same unit price; waits for the admin when it lowers the quantity) (asset manager, admin)", "200", array("Settlement")), "SettleRequest")
        },
        "/api/v1/stocktakes/{id}/settlements/{settlement}/decision": { "post": with_body(with_params(op("Approve a pending write-off (the asset becomes lost) or recount (the batch record takes the number counted), or refuse it (admin)", tag, "200", array("Settlement")), &["id", "settlement"]), "WriteOffDecision") },
        "/api/v1/stocktakes/{id}/counting": { "post": one("The caller counts on this phone from now on (the counting page opens it): the stocktake cannot finish until they hand in", "204", json!({})) },
        "/api/v1/stocktakes/{id}/hand-in": { "post": hand_in },
        "/api/v1/stocktakes/{id}/finish": { "post": one("End the counting; the stocktake is read-only from then on. Refused (400) while someone counting has not handed in; the message names them (asset manager, admin)", "200", schema("Stocktake")) }
    })
}

pub(super) fn schemas() -> Value {
    let uuid = json!({ "type": "string", "format": "uuid" });
    let ids = json!({ "type": "array", "items": uuid });
    let text = json!({ "type": "string" });
    let maybe = json!({ "type": ["string", "null"] });
    let count = json!({ "type": "integer", "minimum": 0 });
    let status = json!({ "type": "string", "enum": ["counting", "finished"] });
    let scope = json!({ "type": "object", "additionalProperties": false, "description": "empty lists limit nothing: {} is the whole school",
        "properties": { "buildings": ids, "rooms": ids, "categories": { "type": "array", "items": { "type": "string", "maxLength": 80 } } } });
    let tally = json!({ "type": "object", "properties": { "expected": count, "found": count, "misplaced": count,
        "surplus": count, "out_of_scope": count, "missing": count,
        "miscounted": { "type": "integer", "minimum": 0, "description": "batch records counted to another number than the register's (数量不符)" } } });
    let head = json!({ "id": uuid, "name": text, "scope": scope, "participants": { "type": "array", "items": schema("Named") },
        "due": maybe, "status": status, "started_by": {}, "started_at": text, "finished_at": maybe });
    let mut full = head.clone();
    full["tally"] = tally.clone();
    full["rooms"] = json!({ "type": "array", "items": { "type": "object", "properties": {
        "room_id": uuid, "building": text, "room": text, "tag": maybe, "counter": {}, "tally": tally } } });
    full["counting"] = json!({ "type": "array", "items": schema("Named"),
        "description": "who counts on a phone and has not handed in: the stocktake cannot finish yet" });
    json!({
        "StocktakeScope": scope,
        "HandIn": { "type": "object", "additionalProperties": false, "properties": { "user": { "type": ["string", "null"], "format": "uuid" } } },
        "StocktakeRequest": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": {
            "name": super::openapi::text(80), "scope": schema("StocktakeScope"),
            "participants": { "type": "array", "maxItems": 200, "items": uuid, "description": "who counts besides asset managers and admins; empty: all staff" },
            "due": { "type": "string", "format": "date" } } },
        "StocktakeHead": { "type": "object", "properties": head },
        "Stocktake": { "type": "object", "properties": full },
        "ExpectedAsset": { "type": "object", "properties": { "asset_id": uuid, "name": text, "asset_code": text, "category": text,
            "tag": maybe, "room_id": maybe, "status": text, "custodian": {},
            "quantity": { "type": "integer", "minimum": 1, "description": "over 1: a batch record (one tag), counted by number" } } },
        "StocktakeReport": { "type": "object", "properties": { "stocktake": schema("Stocktake"),
            "missing": { "type": "array", "items": schema("ExpectedAsset") },
            "misplaced": { "type": "array", "items": schema("Finding") }, "surplus": { "type": "array", "items": schema("Finding") },
            "out_of_scope": { "type": "array", "items": schema("Finding") },
            "miscounted": { "type": "array", "items": schema("Miscount") },
            "counters": { "type": "array", "items": { "type": "object", "properties": { "user": schema("Named"), "scans": count } } } } },
        "Miscount": { "type": "object", "description": "数量不符: a batch record counted to another number than the register's quantity",
            "properties": { "asset": schema("ExpectedAsset"), "counted": count, "room_id": uuid, "by": schema("Named"), "scanned_at": text } },
        "Finding": { "type": "object", "properties": { "code": text, "asset": {}, "room_id": uuid, "by": schema("Named"), "scanned_at": text } },
        "SettleRequest": { "type": "object", "required": ["kind", "asset_id"], "additionalProperties": false, "properties": {
            "kind": { "type": "string", "enum": ["move", "found", "write_off", "register", "recount"] }, "asset_id": uuid } },
        "WriteOffDecision": { "type": "object", "required": ["approve"], "additionalProperties": false, "properties": { "approve": { "type": "boolean" } } },
        "Settlement": { "type": "object", "properties": { "id": uuid, "kind": { "type": "string", "enum": ["move", "found", "write_off", "register", "recount"] },
            "state": { "type": "string", "enum": ["done", "pending", "rejected"] }, "asset_id": uuid, "room_id": maybe,
            "quantity": { "type": ["integer", "null"], "description": "the quantity a recount sets" }, "by": schema("Named"), "at": text } },
        "ScanClass": { "type": "string", "enum": ["found", "misplaced", "surplus", "out_of_scope", "repeat"] },
        "Scan": { "type": "object", "properties": { "id": uuid, "room_id": uuid, "code": text, "asset_id": maybe,
            "class": schema("ScanClass"), "by": schema("Named"), "scanned_at": text, "undone": { "type": "boolean" },
            "counted": { "type": ["integer", "null"], "description": "how many of a batch record were counted; null: its whole quantity" } } },
        "ScanRequest": { "type": "object", "required": ["stocktake_id", "room_id", "code"], "additionalProperties": false, "properties": {
            "id": uuid, "stocktake_id": uuid, "room_id": uuid,
            "code": { "type": "string", "description": "the tag code or the whole label URL" },
            "scanned_at": { "type": "string", "format": "date-time" },
            "counted": { "type": "integer", "minimum": 1, "maximum": 100000, "description": "for a batch record, how many are here; left out: all of them (kept only for a batch record)" } } }
    })
}
