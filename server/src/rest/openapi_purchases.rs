//! The OpenAPI description of purchasing (采购 → 审批 → 验收 → 入库 → 报销) and the year's
//! budget.

use super::openapi::{id_param, note, nullable, op, paged, schema, text, with_body};
use app::purchases::{PurchaseState, MAX_BUDGET_FEN, MAX_LINES, MAX_PHOTOS};
use app::supplies::{MAX_QUANTITY, MAX_UNIT_PRICE_FEN};
use serde_json::{json, Value};

fn states() -> Value {
    json!(PurchaseState::ALL
        .iter()
        .map(|s| s.code())
        .collect::<Vec<_>>())
}

/// An operation on one purchase, by its id in the path.
fn on_one(summary: &str, body: Option<&str>) -> Value {
    let mut operation = op(summary, "purchases", "200", schema("Purchase"));
    if let Some(body) = body {
        operation = with_body(operation, body);
    }
    operation["parameters"] = id_param();
    operation
}

pub(super) fn paths() -> Value {
    let tag = "purchases";
    let mut list = op(
        "Purchases, those waiting for approval first (oldest first), then the rest newest first: every one for \
         the asset manager and the admins, one's own for anyone else",
        tag,
        "200",
        json!({ "type": "array", "items": schema("PurchaseSummary") }),
    );
    list["parameters"] = json!([{ "name": "state", "in": "query", "schema": { "type": "string", "enum": states() } }]);
    let ask = with_body(
        op(
            "Ask for a purchase (everyone of the school): what (supplies the store keeps, or new assets), how many, \
             the estimated price of one unit in fen, why, and which budget (the month's or the year's). It is \
             numbered CG<year>-<n> and charged to this month",
            tag,
            "201",
            schema("Purchase"),
        ),
        "PurchaseInput",
    );
    let get_one = on_one(
        "One purchase with its lines, every step, the delivery's photos and the assets it registered (the asset \
         manager and the admins any, anyone else their own)",
        None,
    );
    let approve = on_one(
        "Approve a purchase (an admin). Above the year's threshold it needs two different admins: the first \
         approval leaves it `approving`. 409 (`invalid` on `status`) for one's own request, a second approval by \
         the first approver, or a purchase no longer waiting",
        None,
    );
    let refuse = on_one(
        "Refuse a purchase still waiting for approval, with the reason (an admin); 409 when it no longer waits",
        Some("RefuseRequest"),
    );
    let withdraw = on_one(
        "Withdraw one's own purchase while it waits for approval; 409 when it no longer waits",
        None,
    );
    let accept = on_one(
        "Accept the delivery of an approved purchase (验收, the asset manager or the admin): how many came of each \
         line (a line left out came to nothing) at what price a unit, where new assets go, and photos uploaded \
         first. In one transaction the supplies are received into stock (the receipts name the purchase) and \
         each new asset is registered with a tag of its own, ready to print; 409 when it is not approved",
        Some("AcceptInput"),
    );
    let reimburse = on_one(
        "Mark an accepted purchase reimbursed with the voucher's number (报销, the asset manager or the admin); 409 \
         when it is not accepted",
        Some("ReimburseRequest"),
    );
    let year = json!([{ "name": "year", "in": "path", "required": true,
        "schema": { "type": "integer", "minimum": 2000, "maximum": 2100 } }]);
    let mut budget = op(
        "The year's budget and what was spent against it: this month's spending on the month's line, and the \
         year's on both (approved, accepted or reimbursed purchases, at what was paid once delivered); the asset \
         manager and the admins",
        tag,
        "200",
        schema("Spending"),
    );
    budget["parameters"] = year.clone();
    let mut set_budget = with_body(
        op(
            "Set the year's budget: monthly, yearly, and the estimate above which a purchase needs two admins \
             (an admin)",
            tag,
            "200",
            schema("Spending"),
        ),
        "BudgetInput",
    );
    set_budget["parameters"] = year;
    json!({
        "/api/v1/purchases": { "get": paged(list), "post": ask },
        "/api/v1/purchases/{id}": { "get": get_one },
        "/api/v1/purchases/{id}/approve": { "post": approve },
        "/api/v1/purchases/{id}/refuse": { "post": refuse },
        "/api/v1/purchases/{id}/withdraw": { "post": withdraw },
        "/api/v1/purchases/{id}/accept": { "post": accept },
        "/api/v1/purchases/{id}/reimburse": { "post": reimburse },
        "/api/v1/purchase-budgets/{year}": { "get": budget, "put": set_budget }
    })
}

pub(super) fn schemas() -> Value {
    let count = json!({ "type": "integer", "minimum": 1, "maximum": MAX_QUANTITY });
    let price = json!({ "type": "integer", "minimum": 0, "maximum": MAX_UNIT_PRICE_FEN,
        "description": "the price of one unit in fen" });
    let budget_fen =
        json!({ "type": "integer", "minimum": 0, "maximum": MAX_BUDGET_FEN, "description": "fen" });
    let textual = json!({ "type": "string" });
    let maybe = json!({ "type": ["string", "null"] });
    let maybe_int = json!({ "type": ["integer", "null"] });
    let uuid = json!({ "type": "string", "format": "uuid" });
    let maybe_uuid = json!({ "type": ["string", "null"], "format": "uuid" });
    let who = json!({ "anyOf": [{ "type": "null" }, schema("Named")] });
    let line_kind = json!({ "type": "string", "enum": ["supply", "asset"] });
    let budget_line = json!({ "type": "string", "enum": ["month", "year"] });
    let summary = json!({
        "id": uuid, "number": textual, "reason": textual,
        "state": { "type": "string", "enum": states() }, "budget": budget_line,
        "estimate_fen": { "type": "integer" }, "actual_fen": maybe_int,
        "requested_by": schema("Named"), "requested_at": textual, "lines": { "type": "integer" } });
    let mut purchase = summary.clone();
    if let (Some(all), Value::Object(more)) = (
        purchase.as_object_mut(),
        json!({
            "supplier": maybe, "budget_month": textual, "first_approved_by": who,
            "approved_by": who, "approved_at": maybe, "decided_by": who, "decided_at": maybe,
            "refusal": maybe, "accepted_by": who, "accepted_at": maybe, "accept_note": maybe,
            "voucher": maybe, "reimbursed_by": who, "reimbursed_at": maybe,
            "items": { "type": "array", "items": schema("PurchaseLine") },
            "photos": { "type": "array", "items": uuid },
            "assets": { "type": "array", "items": schema("BoughtAsset") } }),
    ) {
        all.extend(more);
    }
    json!({
        "LineInput": { "type": "object", "required": ["kind", "quantity", "estimate_fen"],
            "additionalProperties": false,
            "description": "a `supply` line names the store's item (`item_id`); an `asset` line names new assets \
                (`name`, `category`)",
            "properties": {
                "kind": line_kind, "item_id": maybe_uuid, "name": nullable(text(60)),
                "category": nullable(text(40)), "quantity": count, "estimate_fen": price },
            "if": { "properties": { "kind": { "const": "asset" } } },
            "then": { "required": ["name", "category"],
                "properties": { "name": text(60), "category": text(40) } },
            "else": { "required": ["item_id"], "properties": { "item_id": uuid } } },
        "PurchaseInput": { "type": "object", "required": ["reason", "budget", "lines"], "additionalProperties": false,
            "properties": {
                "reason": text(200), "budget": budget_line, "supplier": nullable(note(60)),
                "lines": { "type": "array", "minItems": 1, "maxItems": MAX_LINES, "items": schema("LineInput") } } },
        "DeliveredInput": { "type": "object", "required": ["line_id", "received"], "additionalProperties": false,
            "properties": {
                "line_id": uuid, "received": { "type": "integer", "minimum": 0, "maximum": MAX_QUANTITY,
                    "description": "at most what the line ordered" },
                "unit_price_fen": nullable(price), "room_id": maybe_uuid } },
        "AcceptInput": { "type": "object", "required": ["lines"], "additionalProperties": false,
            "properties": {
                "lines": { "type": "array", "minItems": 1, "maxItems": MAX_LINES, "items": schema("DeliveredInput"),
                    "description": "each line of the purchase at most once; something received" },
                "photos": { "type": "array", "maxItems": MAX_PHOTOS, "items": uuid },
                "note": nullable(note(200)) } },
        "ReimburseRequest": { "type": "object", "required": ["voucher"], "additionalProperties": false,
            "properties": { "voucher": text(40) } },
        "BudgetInput": { "type": "object", "required": ["monthly_fen", "yearly_fen", "threshold_fen"],
            "additionalProperties": false,
            "properties": { "monthly_fen": budget_fen, "yearly_fen": budget_fen, "threshold_fen": budget_fen } },
        "Spending": { "type": "object", "properties": {
            "year": { "type": "integer" }, "month": textual,
            "budget": { "anyOf": [{ "type": "null" }, schema("BudgetInput")] },
            "month_spent_fen": { "type": "integer" }, "year_spent_fen": { "type": "integer" },
            "waiting": { "type": "integer", "description": "purchases waiting for an approval" } } },
        "PurchaseLine": { "type": "object", "properties": {
            "id": uuid, "position": { "type": "integer" }, "kind": line_kind, "item_id": maybe_uuid,
            "name": textual, "category": maybe, "quantity": { "type": "integer" },
            "estimate_fen": { "type": "integer" }, "received": maybe_int, "unit_price_fen": maybe_int,
            "room": who } },
        "BoughtAsset": { "type": "object", "properties": {
            "id": uuid, "asset_code": textual, "name": textual, "tag": textual } },
        "PurchaseSummary": { "type": "object", "properties": summary },
        "Purchase": { "type": "object", "properties": purchase }
    })
}
