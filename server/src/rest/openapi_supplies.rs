//! The OpenAPI description of the supplies store (日常用品): items, receipts and issues of
//! stock, and teachers' requests.

use super::openapi::{id_param, note, nullable, op, page_of, paged, schema, text, with_body};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let tag = "supplies";
    let mut list = op(
        "The store's items by kind and name, with what is on hand and how many requests wait; `low=true` lists \
         only those at or below their minimum stock (everyone of the school)",
        tag,
        "200",
        page_of("SupplyItem"),
    );
    list["parameters"] = json!([
        { "name": "q", "in": "query", "schema": { "type": "string", "pattern": "^[^\\u0000]*$" },
            "description": "words of the name or the shelf" },
        { "name": "low", "in": "query", "schema": { "type": "string", "enum": ["true", "false", "1", "0"] } }
    ]);
    let add = with_body(
        op(
            "Add an item with nothing on hand (the asset manager or the admin); 409 when the store has an item of \
             that name",
            tag,
            "201",
            schema("SupplyItem"),
        ),
        "SupplyItemInput",
    );
    let mut get_one = op(
        "One item (everyone of the school)",
        tag,
        "200",
        schema("SupplyItem"),
    );
    get_one["parameters"] = id_param();
    let mut edit = with_body(
        op(
            "Change an item's name, kind, unit, shelf and minimum stock (the asset manager or the admin)",
            tag,
            "200",
            schema("SupplyItem"),
        ),
        "SupplyItemInput",
    );
    edit["parameters"] = id_param();
    let mut receive = with_body(
        op(
            "Receive stock (入库登记): how many, from which supplier, at what price a unit in fen (the asset \
             manager or the admin)",
            tag,
            "201",
            schema("SupplyMove"),
        ),
        "ReceiptInput",
    );
    receive["parameters"] = id_param();
    let mut issue = with_body(
        op(
            "Issue stock to a class or office (领用, the asset manager or the admin); 409 (`invalid` on `quantity`, \
             the message saying how many are left) when the store has fewer",
            tag,
            "201",
            schema("SupplyMove"),
        ),
        "IssueInput",
    );
    issue["parameters"] = id_param();
    let mut moves = op(
        "The item's receipts and issues, newest first, each with what was on hand after it (the asset manager \
         or the admin)",
        tag,
        "200",
        json!({ "type": "array", "items": schema("SupplyMove") }),
    );
    moves["parameters"] = id_param();
    let mut requests = op(
        "Requests for supplies, the waiting ones first, newest first: everyone's for the asset manager and the \
         admin, one's own for anyone else",
        tag,
        "200",
        json!({ "type": "array", "items": schema("SupplyRequest") }),
    );
    requests["parameters"] = json!([{ "name": "state", "in": "query",
        "schema": { "type": "string", "enum": ["requested", "issued", "refused", "withdrawn"] } }]);
    let ask = with_body(
        op(
            "Ask the store for an item: how many, for which class or office (everyone of the school); 404 for an \
             item the store does not have",
            tag,
            "201",
            schema("SupplyRequest"),
        ),
        "RequestInput",
    );
    let mut one_request = op(
        "One request (the asset manager and the admin any, anyone else their own)",
        tag,
        "200",
        schema("SupplyRequest"),
    );
    one_request["parameters"] = id_param();
    let mut issue_request = op(
        "Issue what a waiting request asks for (the asset manager or the admin); 409 when it no longer waits, or \
         on `quantity` (saying how many are left) when the store has fewer",
        tag,
        "201",
        schema("SupplyMove"),
    );
    issue_request["parameters"] = id_param();
    let mut refuse = with_body(
        op(
            "Refuse a waiting request, with the reason (the asset manager or the admin); 409 when it no longer waits",
            tag,
            "200",
            schema("SupplyRequest"),
        ),
        "RefuseRequest",
    );
    refuse["parameters"] = id_param();
    let mut withdraw = op(
        "Withdraw one's own waiting request; 409 when it no longer waits",
        tag,
        "200",
        schema("SupplyRequest"),
    );
    withdraw["parameters"] = id_param();
    let shelves = op(
        "The store's shelves by name, each with the tag its label carries (a scan opens the shelf) and how many \
         items it holds (the asset manager or the admin); print their labels with `POST /labels` `{shelves: true}`",
        tag,
        "200",
        json!({ "type": "array", "items": schema("Shelf") }),
    );
    let (list, moves, requests) = (paged(list), paged(moves), paged(requests));
    json!({
        "/api/v1/supply-shelves": { "get": shelves },
        "/api/v1/supplies": { "get": list, "post": add },
        "/api/v1/supplies/{id}": { "get": get_one, "put": edit },
        "/api/v1/supplies/{id}/receipts": { "post": receive },
        "/api/v1/supplies/{id}/issues": { "post": issue },
        "/api/v1/supplies/{id}/moves": { "get": moves },
        "/api/v1/supply-requests": { "get": requests, "post": ask },
        "/api/v1/supply-requests/{id}": { "get": one_request },
        "/api/v1/supply-requests/{id}/issue": { "post": issue_request },
        "/api/v1/supply-requests/{id}/refuse": { "post": refuse },
        "/api/v1/supply-requests/{id}/withdraw": { "post": withdraw }
    })
}

pub(super) fn schemas() -> Value {
    let count = json!({ "type": "integer", "minimum": 1, "maximum": app::supplies::MAX_QUANTITY });
    let kind =
        json!({ "type": "string", "enum": ["office", "cleaning", "teaching", "water", "other"] });
    let textual = json!({ "type": "string" });
    let maybe = json!({ "type": ["string", "null"] });
    let maybe_fen = json!({ "type": ["integer", "null"], "description": "fen" });
    let uuid = json!({ "type": "string", "format": "uuid" });
    json!({
        "SupplyItemInput": { "type": "object", "required": ["name", "kind", "unit"], "additionalProperties": false,
            "properties": {
                "name": text(60), "kind": kind, "unit": text(10), "shelf": nullable(note(40)),
                "min_stock": { "type": ["integer", "null"], "minimum": 0, "maximum": app::supplies::MAX_QUANTITY } } },
        "ReceiptInput": { "type": "object", "required": ["quantity"], "additionalProperties": false,
            "properties": {
                "quantity": count, "supplier": nullable(note(60)),
                "unit_price_fen": { "type": ["integer", "null"], "minimum": 0,
                    "maximum": app::supplies::MAX_UNIT_PRICE_FEN, "description": "the price of one unit in fen" },
                "note": nullable(note(200)) } },
        "IssueInput": { "type": "object", "required": ["quantity", "issued_to"], "additionalProperties": false,
            "properties": { "quantity": count, "issued_to": text(40), "note": nullable(note(200)) } },
        "RequestInput": { "type": "object", "required": ["item_id", "quantity", "issued_to"], "additionalProperties": false,
            "properties": { "item_id": uuid, "quantity": count, "issued_to": text(40), "note": nullable(note(200)) } },
        "RefuseRequest": { "type": "object", "required": ["reason"], "additionalProperties": false,
            "properties": { "reason": text(200) } },
        "Shelf": { "type": "object", "properties": {
            "id": uuid, "name": textual, "tag": textual, "items": { "type": "integer" } } },
        "SupplyItem": { "type": "object", "properties": {
            "id": uuid, "name": textual, "kind": kind, "unit": textual, "shelf": maybe,
            "shelf_id": { "type": ["string", "null"], "format": "uuid" },
            "min_stock": { "type": "integer" }, "on_hand": { "type": "integer", "minimum": 0 },
            "low": { "type": "boolean" }, "waiting": { "type": "integer" } } },
        "SupplyMove": { "type": "object", "properties": {
            "id": uuid, "item": schema("Named"), "unit": textual,
            "kind": { "type": "string", "enum": ["received", "issued"] },
            "quantity": { "type": "integer" }, "on_hand_after": { "type": "integer", "minimum": 0 },
            "supplier": maybe, "unit_price_fen": maybe_fen, "amount_fen": maybe_fen, "issued_to": maybe,
            "request_id": { "type": ["string", "null"], "format": "uuid" },
            "purchase_id": { "type": ["string", "null"], "format": "uuid" }, "note": maybe,
            "by": schema("Named"), "at": textual } },
        "SupplyRequest": { "type": "object", "properties": {
            "id": uuid, "item": schema("Named"), "unit": textual, "quantity": { "type": "integer" },
            "issued_to": textual, "note": maybe,
            "state": { "type": "string", "enum": ["requested", "issued", "refused", "withdrawn"] },
            "requested_by": schema("Named"), "requested_at": textual,
            "decided_by": { "anyOf": [{ "type": "null" }, schema("Named")] }, "decided_at": maybe,
            "reason": maybe, "on_hand": { "type": "integer" } } }
    })
}
