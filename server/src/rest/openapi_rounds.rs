//! The OpenAPI description of rounds, schedules and the offline sync.

use super::openapi::{id_param, op, schema, text, with_body};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let array = |item: &str| json!({ "type": "array", "items": schema(item) });
    let mut end = op(
        "Stop a schedule (asset manager, admin); its rounds end, its history stays",
        "rounds",
        "204",
        json!({}),
    );
    end["parameters"] = id_param();
    let mut resolve = op(
        "Mark a sync conflict as checked (asset manager, admin)",
        "rounds",
        "204",
        json!({}),
    );
    resolve["parameters"] = id_param();
    let mut conflicts = op(
        "Conflicts offline records brought: the record is stored, this says what changed meanwhile (asset manager, admin)",
        "rounds",
        "200",
        array("SyncConflict"),
    );
    conflicts["parameters"] = json!([{ "name": "all", "in": "query", "schema": { "type": "boolean", "default": false }, "description": "include checked ones" }]);
    let conflicts = super::openapi::paged(conflicts);
    json!({
        "/api/v1/rounds/today": { "get": op("My rounds today: each schedule assigned to me (by name, role or the 分工 table) with its items and where each stands (staff, asset manager, admin)", "rounds", "200", array("Round")) },
        "/api/v1/rounds": { "get": op("Every schedule's round today, for the progress view (asset manager, admin)", "rounds", "200", array("Round")) },
        "/api/v1/schedules": {
            "get": op("Every schedule, stopped ones too (asset manager, admin)", "rounds", "200", array("Schedule")),
            "post": with_body(op("Set up a schedule (asset manager, admin)", "rounds", "201", schema("Schedule")), "ScheduleRequest")
        },
        "/api/v1/schedules/{id}/end": { "post": end },
        "/api/v1/sync": { "post": with_body(op("Apply a batch from a phone's offline queue: each record once (its UUIDv7 is the key), each with its own result; photos first with PUT /photos/{id}", "rounds", "200", schema("SyncAnswer")), "SyncBatch") },
        "/api/v1/sync/conflicts": { "get": conflicts },
        "/api/v1/sync/conflicts/{id}/resolve": { "post": resolve }
    })
}

pub(super) fn schemas() -> Value {
    let uuid = json!({ "type": "string", "format": "uuid" });
    let ids = json!({ "type": "array", "items": uuid });
    let strings = json!({ "type": "array", "items": { "type": "string" } });
    let day = json!({ "type": "string", "format": "date" });
    let state = json!({ "type": "string", "enum": ["done", "open", "due_today", "overdue"] });
    let scope = json!({ "type": "object", "additionalProperties": false, "properties": {
        "categories": strings, "room_kinds": strings, "assets": ids, "rooms": ids } });
    let cadence = json!({ "type": "object", "required": ["every"], "description": "weekdays 1 (Monday)–7; a day past the month's end is its last day", "properties": {
        "every": { "type": "string", "enum": ["daily", "weekly", "monthly", "months", "once"] },
        "weekdays": { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 7 } },
        "day": { "type": ["integer", "null"], "minimum": 1, "maximum": 31 },
        "months": { "type": "array", "items": { "type": "integer", "minimum": 1, "maximum": 12 } },
        "date": { "type": ["string", "null"], "format": "date" } } });
    let reason = json!({ "type": "string", "enum": ["moved", "retired", "template_changed", "not_applicable"] });
    json!({
        "Scope": scope,
        "Cadence": cadence,
        "Schedule": { "type": "object", "properties": { "id": uuid, "name": { "type": "string" }, "template_key": { "type": "string" },
            "template_name": { "type": "string" }, "scope": schema("Scope"), "cadence": schema("Cadence"),
            "assignee": { "type": "object", "description": "kind person (user), role (role) or duty (the 分工 table's user)" },
            "active": { "type": "boolean" }, "since": day } },
        "ScheduleRequest": { "type": "object", "required": ["name", "template_key", "scope", "cadence"], "additionalProperties": false, "properties": {
            "name": text(80), "template_key": { "type": "string" }, "scope": schema("Scope"), "cadence": schema("Cadence"),
            "assignee_id": { "type": ["string", "null"], "format": "uuid" },
            "assignee_role": { "type": ["string", "null"], "enum": ["admin", "asset_manager", "staff", null] } } },
        "RoundItem": { "type": "object", "properties": { "schedule_id": uuid, "template_id": uuid, "template_name": { "type": "string" },
            "subject": { "type": "object" }, "name": { "type": "string" }, "asset_code": { "type": ["string", "null"] }, "tag": { "type": ["string", "null"] },
            "building": { "type": "string" }, "room": { "type": "string" }, "room_id": { "type": ["string", "null"] },
            "status": { "type": ["string", "null"] }, "state": state, "due": day, "last_inspected": { "type": ["string", "null"] } } },
        "Round": { "type": "object", "properties": { "schedule": schema("Schedule"), "opens": day, "due": day,
            "items": { "type": "array", "items": schema("RoundItem") } } },
        "SyncBatch": { "type": "object", "required": ["records"], "additionalProperties": false, "properties": {
            "records": { "type": "array", "maxItems": 1000, "description": "each record is judged on its own: one that is not a readable {kind, record} is answered `rejected` and the rest are still applied",
                "items": { "anyOf": [{ "type": "object", "required": ["kind", "record"], "properties": {
                "kind": { "type": "string", "enum": ["inspection", "damage_report", "stocktake_scan"] },
                "record": { "description": "an InspectionRequest, a DamageRequest or a ScanRequest; its id (a UUIDv7 made on the phone) is required" },
                "seen": { "type": "object", "properties": { "room_id": uuid, "status": { "type": "string" } }, "description": "the subject as the phone knew it" } } }, {}] } } } },
        "SyncAnswer": { "type": "object", "properties": { "synced_at": { "type": "string" }, "results": { "type": "array", "items": { "type": "object", "properties": {
            "id": { "type": ["string", "null"], "format": "uuid", "description": "null for a record whose id could not be read" }, "outcome": { "type": "string", "enum": ["applied", "duplicate", "rejected", "missing_photos"] },
            "conflicts": { "type": "array", "items": { "type": "object", "properties": { "reason": reason, "message": { "type": "string" } } } },
            "error": { "type": "object" }, "missing_photos": ids, "tickets": { "type": "integer" },
            "class": { "type": "string", "enum": ["found", "misplaced", "surplus", "out_of_scope", "repeat"], "description": "how a stocktake scan counted" } } } } } },
        "SyncConflict": { "type": "object", "properties": { "id": uuid, "record_kind": { "type": "string" }, "record_id": uuid,
            "subject": { "type": "string" }, "subject_url": { "type": "string" }, "by": schema("Named"), "received_at": { "type": "string" },
            "reasons": { "type": "array", "items": reason }, "resolved": {} } }
    })
}
