//! The OpenAPI description of closing periods (周周清、月月清).

use super::openapi::{id_param, op, schema, with_body};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let tag = "ledgers";
    let mut desk = op(
        "Every closable ledger of a month (`2026-12`, this month by default) or ISO week (`2026-W49`): the repair \
         ledger, the hazard ledger and each checklist's inspection record, with its closing in force, closings the \
         admin reopened, what is open in it now, and whether the caller may close it (staff and up)",
        tag,
        "200",
        schema("ClosingDesk"),
    );
    desk["parameters"] = json!([{ "name": "period", "in": "query", "schema": { "type": "string", "pattern": super::openapi::period_pattern() } }]);
    let mut close = with_body(
        op(
            "Close a ledger's week or month that has begun (the asset manager, the admin, or the staff member the \
             分工 table names for it): records who, when, what is open and the SHA-256 of the ledger's CSV export \
             (Chinese headers) as it stands; the export of a closed period ends with them. Afterwards a ticket of \
             the period keeps its measure, deadline and hazard status (422 naming the period), and an inspection \
             of the period is recorded as late. 422 when it is closed already or has not begun, 404 for an unknown \
             checklist",
            tag,
            "201",
            schema("Closing"),
        ),
        "CloseRequest",
    );
    close["responses"]["422"] = json!({ "$ref": "#/components/responses/Error" });
    let mut reopen = with_body(
        op(
            "Reopen a closed period, with the reason (admin); 404 when it is not closed",
            tag,
            "200",
            schema("Closing"),
        ),
        "ReopenRequest",
    );
    reopen["parameters"] = id_param();
    json!({
        "/api/v1/ledger-closings": { "get": desk, "post": close },
        "/api/v1/ledger-closings/{id}/reopen": { "post": reopen }
    })
}

pub(super) fn schemas() -> Value {
    let text = json!({ "type": "string" });
    let maybe = json!({ "type": ["string", "null"] });
    json!({
        "CloseRequest": { "type": "object", "required": ["ledger", "period"], "additionalProperties": false,
            "properties": {
                "ledger": { "type": "string", "pattern": "^(repairs|hazards|inspections:.{1,60})$",
                    "example": "inspections:fire_equipment" },
                "period": { "type": "string", "pattern": super::openapi::period_pattern(), "example": "2026-W49" } } },
        "ReopenRequest": { "type": "object", "required": ["reason"], "additionalProperties": false,
            "properties": { "reason": super::openapi::text(500) } },
        "OpenItem": { "type": "object", "required": ["kind"], "properties": {
            "kind": { "type": "string", "enum": ["repair", "hazard", "unchecked", "unpaid"] },
            "description": text, "place": maybe, "status": text, "due_on": maybe, "name": text,
            "party": text, "amount": { "type": "integer", "description": "fen" } } },
        "Closing": { "type": "object", "properties": {
            "id": { "type": "string", "format": "uuid" }, "ledger": text, "period": text,
            "closed_by": schema("Named"), "closed_at": text,
            "open_items": { "type": "array", "items": schema("OpenItem") },
            "sha256": { "type": "string", "pattern": "^[0-9a-f]{64}$" },
            "reopened": { "oneOf": [{ "type": "null" }, { "type": "object", "properties": {
                "by": schema("Named"), "at": text, "reason": text } }] } } },
        "ClosingDesk": { "type": "object", "properties": {
            "period": text, "first": text, "last": text, "may_reopen": { "type": "boolean" },
            "ledgers": { "type": "array", "items": { "type": "object", "properties": {
                "ledger": text, "title": text, "may_close": { "type": "boolean" },
                "closing": { "oneOf": [{ "type": "null" }, schema("Closing")] },
                "reopened": { "type": "array", "items": schema("Closing") },
                "open_items": { "type": "array", "items": schema("OpenItem") } } } } } }
    })
}
