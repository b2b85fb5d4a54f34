//! The OpenAPI description of drills (附件3 安全教育行事历).

use super::openapi::{id_param, note, nullable, op, schema, text, with_body};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let tag = "drills";
    let mut list = op(
        "The semester's drills by month, the calendar's planned the first time the current semester is read \
         (everyone of the school)",
        tag,
        "200",
        schema("SemesterDrills"),
    );
    list["parameters"] = json!([{ "name": "semester", "in": "query",
        "schema": { "type": "string", "pattern": "^(\\d{4}-\\d{4}-[12])?$" },
        "description": "2026-2027-1 (September to January) or 2026-2027-2; the current one when left out" }]);
    let plan = with_body(
        op(
            "Plan a drill beyond the calendar's (the asset manager or the admin)",
            tag,
            "201",
            schema("Drill"),
        ),
        "DrillInput",
    );
    let mut get_one = op(
        "One drill with its record (everyone of the school)",
        tag,
        "200",
        schema("Drill"),
    );
    get_one["parameters"] = id_param();
    let mut record = with_body(
        op(
            "Record the drill held: when, how many took part, how long, photos, and the problems found, each on \
             an asset or a room opening a repair (the staff, the asset manager or the admin); 409 when it is \
             recorded already",
            tag,
            "200",
            schema("Drill"),
        ),
        "RecordInput",
    );
    record["parameters"] = id_param();
    json!({
        "/api/v1/drills": { "get": list, "post": plan },
        "/api/v1/drills/{id}": { "get": get_one },
        "/api/v1/drills/{id}/record": { "post": record }
    })
}

pub(super) fn schemas() -> Value {
    let kind = json!({ "type": "string",
        "enum": ["fire", "school_bus", "earthquake", "security", "evacuation", "other"] });
    let uuid = json!({ "type": "string", "format": "uuid" });
    let maybe_uuid = json!({ "type": ["string", "null"], "format": "uuid" });
    let maybe = json!({ "type": ["string", "null"] });
    let maybe_int = json!({ "type": ["integer", "null"] });
    json!({
        "DrillInput": { "type": "object", "required": ["kind", "month"], "additionalProperties": false,
            "properties": { "kind": kind, "title": nullable(note(40)),
                "month": { "type": "string", "pattern": "^\\d{4}-(0[1-9]|1[0-2])$" } } },
        "FindingInput": { "type": "object", "required": ["description"], "additionalProperties": false,
            "properties": { "description": text(200), "asset_id": maybe_uuid, "room_id": maybe_uuid } },
        "RecordInput": { "type": "object", "required": ["held_on", "participants", "minutes"],
            "additionalProperties": false,
            "properties": {
                "held_on": { "type": "string", "format": "date", "description": "today or before" },
                "participants": { "type": "integer", "minimum": 1, "maximum": app::drills::MAX_PARTICIPANTS },
                "minutes": { "type": "integer", "minimum": 1, "maximum": app::drills::MAX_MINUTES },
                "summary": nullable(note(500)),
                "photos": { "type": "array", "items": uuid, "maxItems": app::drills::MAX_PHOTOS },
                "findings": { "type": "array", "items": schema("FindingInput"), "maxItems": app::drills::MAX_FINDINGS } } },
        "Finding": { "type": "object", "properties": { "id": uuid, "description": { "type": "string" },
            "subject": { "anyOf": [{ "type": "null" }, schema("Named")] }, "report_id": maybe_uuid } },
        "Drill": { "type": "object", "properties": {
            "id": uuid, "kind": kind, "title": maybe, "semester": { "type": "string" },
            "month": { "type": "string" },
            "state": { "type": "string", "enum": ["held", "due", "planned", "overdue"] },
            "held_on": maybe, "participants": maybe_int, "minutes": maybe_int, "summary": maybe,
            "recorded_by": { "anyOf": [{ "type": "null" }, schema("Named")] },
            "photos": { "type": "array", "items": uuid },
            "findings": { "type": "array", "items": schema("Finding") } } },
        "SemesterDrills": { "type": "object", "properties": {
            "semester": { "type": "string" }, "drills": { "type": "array", "items": schema("Drill") } } }
    })
}
