//! The OpenAPI 3.1 description of `/api/v1`. A test calls every operation listed here, so the
//! document and the router cannot drift apart silently.

use axum::Json;
use serde_json::{json, Value};

pub(super) fn op(summary: &str, tag: &str, ok: &str, schema: Value) -> Value {
    json!({
        "summary": summary,
        "tags": [tag],
        "security": [{ "bearer": [] }],
        "responses": {
            ok: { "description": "OK", "content": { "application/json": { "schema": schema } } },
            "401": { "$ref": "#/components/responses/Error" },
            "403": { "$ref": "#/components/responses/Error" },
            "404": { "$ref": "#/components/responses/Error" },
            "422": { "$ref": "#/components/responses/Error" }
        }
    })
}

pub(super) fn with_body(mut operation: Value, schema: &str) -> Value {
    operation["requestBody"] = json!({
        "required": true,
        "content": { "application/json": { "schema": { "$ref": format!("#/components/schemas/{schema}") } } }
    });
    operation
}

/// A month (`2026-12`) or an ISO week (`2026-W49`) of the years the ledgers read, without anchors.
const PERIOD_BODY: &str = "(20[0-9]{2}|2100)-(0[1-9]|1[0-2]|[Ww](0[1-9]|[1-4][0-9]|5[0-3]))";

/// A ledger's period: a month or an ISO week.
pub(super) fn period_pattern() -> String {
    format!("^{PERIOD_BODY}$")
}

/// A period, or a run of months (`2026-09..2026-12`).
pub(super) fn months_pattern() -> String {
    format!("^{PERIOD_BODY}(\\.\\.(20[0-9]{{2}}|2100)-(0[1-9]|1[0-2]))?$")
}

/// A tag code as a person or a scanner may send it.
pub(super) const TAG_CODE: &str = "^[ \\t-]*([0-9A-TV-Za-tv-z][ \\t-]*){8}$";

/// An operation whose success is a file of `media_type` (a download), not JSON.
pub(super) fn download(mut operation: Value, media_type: &str) -> Value {
    operation["responses"]["200"] = json!({ "description": "the file", "content": {
        media_type: { "schema": { "type": "string", "format": "binary" } } } });
    operation
}

/// No control character (C0, DEL, C1), as the server's text rules read it.
const NO_CONTROL: &str = "\\u0000-\\u001f\\u007f-\\u009f";

/// Text that must say something: not empty, not only spaces, no control character, at most
/// `max` characters (`bounded_text`).
pub(super) fn text(max: usize) -> Value {
    json!({ "type": "string", "minLength": 1, "maxLength": max,
        "pattern": format!("^[^{NO_CONTROL}]*[^\\s{NO_CONTROL}][^{NO_CONTROL}]*$") })
}

/// Text that may be empty (none) and hold line breaks, but no other control character, at most
/// `max` characters (`optional_text`).
pub(super) fn note(max: usize) -> Value {
    json!({ "type": "string", "maxLength": max,
        "pattern": "^[^\\u0000-\\u0009\\u000b\\u000c\\u000e-\\u001f\\u007f-\\u009f]*$" })
}

/// Words to search for: any text without a NUL.
fn words() -> Value {
    json!({ "type": "string", "pattern": "^[^\\u0000]*$" })
}

/// A day as `PurchaseDate` reads it: `YYYY-MM-DD` of the years 1900–2200, a day the month has.
fn day() -> Value {
    json!({ "type": "string", "pattern": concat!(
        "^((19[0-9]{2}|2[01][0-9]{2}|2200)-((0[13578]|1[02])-(0[1-9]|[12][0-9]|3[01])|(0[469]|11)-(0[1-9]|[12][0-9]|30)|02-(0[1-9]|1[0-9]|2[0-8]))",
        "|((19|20|21)(0[48]|[2468][048]|[13579][26])|2000)-02-29)$") })
}

pub(super) fn schema(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

pub(super) fn page_of(name: &str) -> Value {
    json!({ "type": "object", "properties": {
        "items": { "type": "array", "items": schema(name) },
        "total": { "type": "integer" }, "limit": { "type": "integer" }, "offset": { "type": "integer" }
    }})
}

/// `limit` and `offset` of a list that pages.
pub(super) fn page_params() -> [Value; 2] {
    [
        json!({ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 200, "default": 50 } }),
        json!({ "name": "offset", "in": "query", "schema": { "type": "integer", "minimum": 0, "maximum": i64::MAX, "default": 0 } }),
    ]
}

/// The operation with `limit` and `offset` after its other parameters: a list that pages.
pub(super) fn paged(mut operation: Value) -> Value {
    let mut params = operation["parameters"]
        .as_array()
        .cloned()
        .unwrap_or_default();
    params.extend(page_params());
    operation["parameters"] = Value::Array(params);
    operation
}

fn list_params() -> Value {
    let mut params = vec![
        json!({ "name": "q", "in": "query", "schema": words(), "description": "words of a name or code, or a tag code" }),
    ];
    params.extend(page_params());
    Value::Array(params)
}

pub(super) fn id_param() -> Value {
    json!([{ "name": "id", "in": "path", "required": true, "schema": { "type": "string", "format": "uuid" } }])
}

fn record_paths(
    kind: &str,
    tag: &str,
    schema_name: &str,
    (new, patch): (&str, &str),
) -> (Value, Value, Value) {
    let mut list = op(
        &format!("List or search {kind}"),
        tag,
        "200",
        page_of(schema_name),
    );
    list["parameters"] = list_params();
    let create = with_body(
        op(
            &format!("Create a {}", kind.trim_end_matches('s')),
            tag,
            "201",
            schema(schema_name),
        ),
        new,
    );
    let mut one = op(
        &format!("One {}", kind.trim_end_matches('s')),
        tag,
        "200",
        schema(schema_name),
    );
    one["parameters"] = id_param();
    let mut change = with_body(
        op("Change some fields", tag, "200", schema(schema_name)),
        patch,
    );
    change["parameters"] = id_param();
    let mut hist = op(
        "History, newest first",
        tag,
        "200",
        json!({ "type": "array", "items": schema("HistoryEntry") }),
    );
    hist["parameters"] = id_param();
    (
        json!({ "get": list, "post": create }),
        json!({ "get": one, "patch": change }),
        json!({ "get": paged(hist) }),
    )
}

/// `/labels` and `/label-stocks`: print jobs as PDF, custom stocks, the print log.
fn label_paths() -> Value {
    let mut print = with_body(
        op(
            "Print labels: the job as one PDF (at most 5000 labels); the print is logged",
            "labels",
            "200",
            json!({}),
        ),
        "LabelJob",
    );
    print["responses"]["200"] = json!({
        "description": "The PDF; headers X-Label-Count and X-Page-Count say what it holds",
        "content": { "application/pdf": { "schema": { "type": "string", "format": "binary" } } }
    });
    print["responses"]["503"] = json!({ "$ref": "#/components/responses/Error" });
    let mut save = with_body(
        op(
            "Save a custom stock under a name (replaces one of the same name)",
            "labels",
            "200",
            schema("LabelStock"),
        ),
        "StockSpec",
    );
    save["parameters"] = json!([{ "name": "name", "in": "path", "required": true, "schema": { "type": "string", "maxLength": 40 } }]);
    json!({
        "/api/v1/labels": { "post": print },
        "/api/v1/labels/jobs": { "get": paged(op("The print log, newest first", "labels", "200", json!({ "type": "array", "items": schema("PrintJob") }))) },
        "/api/v1/label-stocks": { "get": op("Built-in and saved stocks", "labels", "200", json!({ "type": "array", "items": schema("LabelStock") })) },
        "/api/v1/label-stocks/{name}": { "put": save }
    })
}

/// Checklists, inspections and damage reports.
fn inspection_paths() -> Value {
    let list = |summary: &str, tag: &str, item: &str| {
        op(
            summary,
            tag,
            "200",
            json!({ "type": "array", "items": schema(item) }),
        )
    };
    let subject_params = json!([
        { "name": "asset", "in": "query", "schema": { "type": "string", "format": "uuid" } },
        { "name": "room", "in": "query", "schema": { "type": "string", "format": "uuid" }, "description": "one of asset and room" }
    ]);
    let mut applicable = list(
        "The current checklists that apply to an asset (by category) or a room (by kind)",
        "inspections",
        "Template",
    );
    applicable["parameters"] = subject_params.clone();
    let mut inspections = list(
        "Inspections of an asset or a room, newest first, a page at a time (limit, offset)",
        "inspections",
        "Inspection",
    );
    inspections["parameters"] = subject_params;
    let inspections = paged(inspections);
    let mut one_template = op(
        "One checklist version (old versions stay readable)",
        "inspections",
        "200",
        schema("Template"),
    );
    one_template["parameters"] = id_param();
    let mut reports = list(
        "Damage reports and repair tickets",
        "damage",
        "DamageReport",
    );
    reports["parameters"] = json!([{ "name": "scope", "in": "query", "schema": { "type": "string", "enum": ["mine", "assigned", "all", "open", "hazards"], "default": "mine" },
        "description": "mine: reported by me; assigned: open and assigned to me; all: every report; open: neither closed nor rejected; hazards: opened by a failed checklist item and not put right yet (all, open and hazards not for teachers)" }]);
    let reports = paged(reports);
    let mut one_report = op(
        "One damage report (teachers: their own)",
        "damage",
        "200",
        schema("DamageReport"),
    );
    one_report["parameters"] = id_param();
    let mut step = with_body(
        op(
            "Move a report one step (staff, asset manager, admin); the asset's status follows",
            "damage",
            "200",
            schema("DamageReport"),
        ),
        "StepRequest",
    );
    step["parameters"] = id_param();
    json!({
        "/api/v1/checklists": {
            "get": list("The current version of every checklist", "inspections", "Template"),
            "post": with_body(op("Save a new checklist, or (with key) a new version of one (admin)", "inspections", "201", schema("Template")), "TemplateRequest")
        },
        "/api/v1/checklists/applicable": { "get": applicable },
        "/api/v1/checklists/{id}": { "get": one_template },
        "/api/v1/inspections": {
            "get": inspections,
            "post": with_body(op("Record an inspection (staff, asset manager, admin); each failed item opens a repair ticket", "inspections", "201", schema("Inspection")), "InspectionRequest")
        },
        "/api/v1/damage-reports": {
            "get": reports,
            "post": with_body(op("Report damage (anyone signed in); it goes to the person responsible from the 分工 table", "damage", "201", schema("DamageReport")), "DamageRequest")
        },
        "/api/v1/damage-reports/{id}": { "get": one_report },
        "/api/v1/damage-reports/{id}/status": { "post": step }
    })
}

/// An id made on the phone (optional): a UUIDv7, as the offline queue makes them.
fn phone_made() -> Value {
    json!({ "type": ["string", "null"], "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-7[0-9a-fA-F]{3}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
        "description": "a UUIDv7 made on the phone (optional; made here when left out)" })
}

/// What an inspection or a damage report is about: exactly one of `asset_id` and `room_id`.
fn one_subject() -> Value {
    let uuid = json!({ "type": "string", "format": "uuid" });
    json!([{ "required": ["asset_id"], "properties": { "asset_id": uuid } },
        { "required": ["room_id"], "properties": { "room_id": uuid } }])
}

fn inspection_schemas() -> Value {
    let uuid = json!({ "type": "string", "format": "uuid" });
    let item = json!({ "type": "object", "properties": {
        "key": { "type": "string", "minLength": 1, "maxLength": 40, "pattern": "\\S", "description": "unique in its checklist" },
        "label": text(120),
        "kind": { "type": "string", "enum": ["pass_fail", "number", "text"] },
        "unit": { "type": ["string", "null"] }, "min": { "type": ["number", "null"] }, "max": { "type": ["number", "null"] },
        "photo_required": { "type": "boolean" } } });
    let subject = json!({ "type": "object", "properties": { "kind": { "type": "string", "enum": ["asset", "room"] }, "id": uuid } });
    json!({
        "ChecklistItem": item,
        "Template": { "type": "object", "properties": { "id": uuid, "key": { "type": "string" }, "version": { "type": "integer" }, "name": { "type": "string" },
            "categories": { "type": "array", "items": { "type": "string" } }, "room_kinds": { "type": "array", "items": { "type": "string" } },
            "items": { "type": "array", "items": schema("ChecklistItem") } } },
        "TemplateRequest": { "type": "object", "required": ["name", "items"], "additionalProperties": false, "properties": {
            "key": { "type": ["string", "null"], "description": "the checklist to give a new version; none makes a new checklist" },
            "name": text(80), "categories": { "type": "array", "items": { "type": "string" } },
            "room_kinds": { "type": "array", "items": room_kind() },
            "items": { "type": "array", "minItems": 1, "items": schema("ChecklistItem") } },
            "description": "for some categories of asset or kinds of room (or both); item keys unique, each number's min at most its max",
            "anyOf": [{ "required": ["categories"], "properties": { "categories": { "minItems": 1 } } },
                { "required": ["room_kinds"], "properties": { "room_kinds": { "minItems": 1 } } }] },
        "Answer": { "type": "object", "required": ["key"], "properties": { "key": { "type": "string" },
            "value": { "type": "string", "description": "pass | fail | na, a number, or text" }, "note": { "type": "string" },
            "photos": { "type": "array", "items": uuid } } },
        "InspectionRequest": { "type": "object", "required": ["template_id", "answers"], "additionalProperties": false,
            "description": "of one of asset_id and room_id (the other left out or null)", "oneOf": one_subject(), "properties": {
            "id": phone_made(), "template_id": uuid,
            "asset_id": nullable(uuid.clone()), "room_id": nullable(uuid.clone()), "inspected_at": { "type": "string", "format": "date-time" },
            "answers": { "type": "array", "items": schema("Answer") }, "notes": { "type": "string" } } },
        "Inspection": { "type": "object", "properties": { "id": uuid, "template_id": uuid, "template_name": { "type": "string" },
            "template_version": { "type": "integer" }, "subject": subject, "inspector": schema("Named"),
            "inspected_at": { "type": "string" }, "answers": { "type": "array", "items": {} }, "notes": { "type": ["string", "null"] },
            "failed_items": { "type": "integer" }, "tickets": { "type": "array", "items": uuid } } },
        "DamageRequest": { "type": "object", "required": ["description"], "additionalProperties": false,
            "description": "about one of asset_id and room_id (the other left out or null)",
            "oneOf": one_subject(), "properties": {
            "id": phone_made(), "asset_id": nullable(uuid.clone()), "room_id": nullable(uuid.clone()),
            "happened_at": note(40), "description": text(500), "cause": note(500), "liable": note(200),
            "photos": { "type": "array", "items": uuid } } },
        "StepRequest": { "type": "object", "required": ["status"], "additionalProperties": false,
            "description": "a measure and a deadline only on the way to the repair; a reason to reject",
            "allOf": [
                { "if": { "required": ["status"], "properties": { "status": { "enum": ["closed", "rejected"] } } },
                  "then": { "properties": { "measure": { "pattern": "^\\s*$" }, "due_on": { "pattern": "^\\s*$" } } } },
                { "if": { "required": ["status"], "properties": { "status": { "const": "rejected" } } },
                  "then": { "required": ["reason"], "properties": { "reason": { "pattern": "\\S" } } } }],
            "properties": {
            "status": { "type": "string", "enum": ["accepted", "in_repair", "repaired", "closed", "rejected"] },
            "reason": described(note(500), "required to reject"),
            "measure": described(note(500), "how a hazard is to be put right (整改措施); on the way to the repair only, kept when empty"),
            "due_on": { "type": "string", "pattern": format!("^\\s*$|{}", day()["pattern"].as_str().unwrap_or_default()), "description": "the day it must be put right by (期限), YYYY-MM-DD; on the way to the repair only, kept when empty" } } },
        "DamageReport": { "type": "object", "properties": { "id": uuid, "source": { "type": "string", "enum": ["report", "inspection"] },
            "inspection_id": { "type": ["string", "null"] }, "asset": schema("Named"), "room": schema("Named"), "reporter": schema("Named"),
            "assignee": schema("Named"), "happened_at": { "type": ["string", "null"] }, "description": { "type": "string" },
            "cause": { "type": ["string", "null"] }, "liable": { "type": ["string", "null"] },
            "status": { "type": "string", "enum": ["reported", "accepted", "in_repair", "repaired", "closed", "rejected"] },
            "reject_reason": { "type": ["string", "null"] },
            "measure": { "type": ["string", "null"] }, "due_on": { "type": ["string", "null"], "description": "YYYY-MM-DD; a hazard from an inspection is due seven days after it is found unless set" },
            "photos": { "type": "array", "items": schema("Photo") },
            "created_at": { "type": "string" }, "updated_at": { "type": "string" } } }
    })
}

/// Compensation cases (谁损坏谁赔偿).
fn compensation_paths() -> Value {
    let one = |summary: &str, body: Option<&str>| {
        let mut o = op(summary, "compensation", "200", schema("Compensation"));
        if let Some(b) = body {
            o = with_body(o, b);
        }
        o["parameters"] = id_param();
        o
    };
    let filters = json!([
        { "name": "semester", "in": "query", "schema": { "type": "string" }, "description": "e.g. 2026-2027-1 (first term: September–January)" },
        { "name": "open", "in": "query", "schema": { "type": "string" }, "description": "any value but false or 0: only cases not yet paid or waived" }
    ]);
    let mut list = op(
        "Cases by semester and class (asset manager, admin)",
        "compensation",
        "200",
        json!({ "type": "array", "items": schema("Compensation") }),
    );
    list["parameters"] = filters.clone();
    let list = paged(list);
    let mut export = op(
        "The compensation ledger (赔偿台账): CSV (UTF-8 with BOM, the default) or XLSX (`format=xlsx`: header frozen, amounts in yuan, days as dates)",
        "compensation",
        "200",
        json!({}),
    );
    export["responses"]["200"] = json!({ "description": "CSV or XLSX", "content": {
        "text/csv": { "schema": { "type": "string" } },
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet": { "schema": { "type": "string", "format": "binary" } } } });
    export["parameters"] = filters;
    if let Some(p) = export["parameters"].as_array_mut() {
        p.push(json!({ "name": "format", "in": "query", "schema": { "type": "string", "enum": ["csv", "xlsx"], "default": "csv" } }));
    }
    let notice = download(
        one("The printable notice (赔偿通知单), A5 PDF in Chinese", None),
        "application/pdf",
    );
    json!({
        "/api/v1/compensations": { "get": list, "post": with_body(op("Open a case from a damage report; amount in yuan, or empty for the replacement value by the school's rule", "compensation", "201", schema("Compensation")), "CaseRequest") },
        "/api/v1/compensations/export": { "get": export },
        "/api/v1/compensations/rule": {
            "get": op("The replacement-value rule", "compensation", "200", schema("DepreciationRule")),
            "put": with_body(op("Change the rule (admin)", "compensation", "200", schema("DepreciationRule")), "DepreciationRule")
        },
        "/api/v1/compensations/{id}": { "get": one("One case", None) },
        "/api/v1/compensations/{id}/pay": { "post": one("Mark paid: date, receipt number, received by", Some("PayRequest")) },
        "/api/v1/compensations/{id}/waive": { "post": one("Waive, with a reason (admin only)", Some("WaiveRequest")) },
        "/api/v1/compensations/{id}/notice": { "get": notice }
    })
}

fn compensation_schemas() -> Value {
    let s = json!({ "type": "string" });
    json!({
        "CaseRequest": { "type": "object", "required": ["damage_report_id", "party_kind", "party_name", "basis"], "additionalProperties": false,
            "if": { "required": ["party_kind"], "properties": { "party_kind": { "const": "student" } } },
            "then": { "required": ["party_class"], "properties": { "party_class": text(40) } },
            "properties": {
            "damage_report_id": { "type": "string", "format": "uuid" }, "party_kind": { "type": "string", "enum": ["student", "staff", "outside"] },
            "party_name": text(60), "party_class": described(note(40), "the class (班级); required for a student"),
            "basis": { "type": "string", "enum": ["repair_cost", "replacement_value"] }, "amount": { "type": "string", "description": "yuan, at most two decimals" } } },
        "PayRequest": { "type": "object", "required": ["paid_on", "receipt_no", "received_by"], "additionalProperties": false, "properties": {
            "paid_on": day(), "receipt_no": text(40), "received_by": text(40) } },
        "WaiveRequest": { "type": "object", "required": ["reason"], "additionalProperties": false, "properties": { "reason": text(200) } },
        "DepreciationRule": { "type": "object", "additionalProperties": false, "required": ["useful_life_years", "residual_percent"], "properties": {
            "useful_life_years": { "type": "integer", "minimum": 1, "maximum": 50 }, "residual_percent": { "type": "integer", "minimum": 0, "maximum": 100 } } },
        "Compensation": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "damage_report_id": { "type": "string", "format": "uuid" },
            "asset": schema("Named"), "asset_code": { "type": ["string", "null"] }, "damage": s, "party_kind": s, "party_name": s,
            "party_class": { "type": ["string", "null"] }, "basis": s, "amount_fen": { "type": "integer", "description": "money in fen" },
            "semester": s, "status": { "type": "string", "enum": ["open", "paid", "waived"] }, "paid_on": { "type": ["string", "null"] },
            "receipt_no": { "type": ["string", "null"] }, "received_by": { "type": ["string", "null"] }, "waive_reason": { "type": ["string", "null"] },
            "created_at": s } }
    })
}

/// `/photos`: upload (multipart) and the stored image and thumbnail.
fn photo_paths() -> Value {
    let mut upload = op(
        "Upload a photo (multipart, field `file`, ≤ 15 MB, ≤ 40 MP): stored upright, without metadata, ≤ 1600 px, with a 320 px thumbnail",
        "photos",
        "201",
        schema("Photo"),
    );
    upload["requestBody"] = json!({ "required": true, "content": { "multipart/form-data": { "schema": {
        "type": "object", "required": ["file"], "properties": { "file": { "type": "string", "format": "binary" } } } } } });
    upload["responses"]["413"] = json!({ "$ref": "#/components/responses/Error" });
    let image = |summary: &str| {
        let mut get = op(summary, "photos", "200", json!({}));
        get["responses"]["200"] = json!({ "description": "JPEG", "content": { "image/jpeg": { "schema": { "type": "string", "format": "binary" } } } });
        get["parameters"] = id_param();
        get
    };
    let mut put = upload.clone();
    put["summary"] = json!("Upload a photo from the offline queue under the UUIDv7 the phone made; a photo this user sent before answers 200 unchanged (HEAD on the same path tells whether it arrived)");
    put["parameters"] = id_param();
    put["responses"]["200"] = put["responses"]["201"].clone();
    json!({
        "/api/v1/photos": { "post": upload },
        "/api/v1/photos/{id}": { "get": image("The photo (its uploader, staff, the asset manager and the admin)"), "put": put },
        "/api/v1/photos/{id}/thumb": { "get": image("Its thumbnail, 320 px on the long edge") }
    })
}

fn label_schemas() -> Value {
    let mm = json!({ "type": "number", "minimum": 0 });
    let spec = json!({
        "page_width_mm": mm, "page_height_mm": mm, "columns": { "type": "integer", "minimum": 1, "maximum": 50 },
        "rows": { "type": "integer", "minimum": 1, "maximum": 50 }, "margin_left_mm": mm, "margin_top_mm": mm,
        "gap_x_mm": mm, "gap_y_mm": mm, "label_width_mm": mm, "label_height_mm": mm
    });
    let mut stock = spec.clone();
    stock["name"] = json!({ "type": "string" });
    stock["built_in"] = json!({ "type": "boolean" });
    stock["labels_per_page"] = json!({ "type": "integer" });
    json!({
        "StockSpec": { "type": "object", "additionalProperties": false, "properties": spec,
            "required": ["page_width_mm", "page_height_mm", "columns", "rows", "label_width_mm", "label_height_mm"] },
        "LabelStock": { "type": "object", "properties": stock },
        "LabelJob": { "type": "object", "additionalProperties": false,
            "description": "What to print is one of: tags (a hand-picked list), new_tags (N new unassigned tags), reprint (a logged job's tags again), doors (rooms' door labels), shelves (every shelf of the supplies store), keys (every key of the key cabinet) or assets (the default), narrowed by building, room, category, status and never_printed.",
            "properties": {
                "stock": { "description": "a4-3x8, a4-4x10, a4-5x13, thermal-60x40, thermal-50x30, thermal-40x30, thermal-30x20, a saved stock's name, or a StockSpec", "oneOf": [{ "type": "string" }, schema("StockSpec")] },
                "skip": { "type": "integer", "minimum": 0, "description": "positions of the first sheet to leave empty" },
                "custodian": { "type": "boolean", "description": "print the custodian (责任人)" },
                "tags": { "type": "array", "items": { "type": "string" }, "maxItems": 5000 },
                "new_tags": { "type": "integer", "minimum": 1, "maximum": 5000 },
                "reprint": { "type": "string", "format": "uuid", "description": "a job id from /labels/jobs" },
                "doors": { "type": "boolean" },
                "building": { "type": "string", "format": "uuid" },
                "room": { "type": "string", "format": "uuid" },
                "category": { "type": "string" },
                "status": { "type": "string", "enum": ["in_use", "under_repair", "lost", "retired"] },
                "never_printed": { "type": "boolean" },
                "shelves": { "type": "boolean" },
                "keys": { "type": "boolean" }
            } },
        "Photo": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "width": { "type": "integer" }, "height": { "type": "integer" }, "url": { "type": "string" }, "thumb_url": { "type": "string" } } },
        "PrintJob": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "at": { "type": "string", "format": "date-time" }, "stock": { "type": "string" }, "labels": { "type": "integer" }, "by": schema("Named") } }
    })
}

fn merge(into: &mut Value, more: Value) {
    if let (Some(into), Value::Object(more)) = (into.as_object_mut(), more) {
        into.extend(more);
    }
}

pub fn spec() -> Value {
    let mut document = register_spec();
    merge(&mut document["paths"], label_paths());
    merge(&mut document["paths"], photo_paths());
    merge(&mut document["paths"], inspection_paths());
    merge(&mut document["paths"], compensation_paths());
    merge(&mut document["paths"], super::openapi_rounds::paths());
    merge(&mut document["paths"], super::openapi_stocktakes::paths());
    merge(&mut document["paths"], super::openapi_imports::paths());
    merge(&mut document["paths"], super::openapi_closings::paths());
    merge(&mut document["paths"], super::openapi_dashboard::paths());
    merge(&mut document["paths"], super::openapi_supplies::paths());
    merge(&mut document["paths"], super::openapi_purchases::paths());
    merge(&mut document["paths"], super::openapi_keys::paths());
    merge(&mut document["paths"], super::openapi_drills::paths());
    merge(
        &mut document["components"]["schemas"],
        super::openapi_drills::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_keys::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_purchases::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_supplies::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_dashboard::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_closings::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_imports::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_stocktakes::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        super::openapi_rounds::schemas(),
    );
    merge(
        &mut document["components"]["schemas"],
        compensation_schemas(),
    );
    merge(&mut document["components"]["schemas"], inspection_schemas());
    merge(&mut document["components"]["schemas"], label_schemas());
    answers_every_error(&mut document);
    empty_means_default(&mut document);
    super::openapi_examples::add_to(&mut document);
    document
}

/// `pattern`, or the empty text. JSON Schema patterns match anywhere unless anchored, so the
/// alternative is added beside the pattern whole (`\S` stays "has a non-space character").
fn or_empty(pattern: &str) -> String {
    format!("^$|{pattern}")
}

/// A text query parameter sent empty (`?scope=`) is read as not sent, so its choices and
/// pattern admit the empty text too.
fn empty_means_default(document: &mut Value) {
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    let operations = paths
        .values_mut()
        .filter_map(Value::as_object_mut)
        .flat_map(|item| item.values_mut());
    for op in operations {
        let Some(params) = op.get_mut("parameters").and_then(Value::as_array_mut) else {
            continue;
        };
        for param in params.iter_mut().filter(|p| p["in"] == "query") {
            let schema = &mut param["schema"];
            if let Some(choices) = schema.get_mut("enum").and_then(Value::as_array_mut) {
                if !choices.contains(&json!("")) {
                    choices.push(json!(""));
                }
            }
            if let Some(pattern) = schema.get("pattern").and_then(Value::as_str) {
                schema["pattern"] = json!(or_empty(pattern));
            }
        }
    }
}

/// What any operation may answer besides its own outcomes, added where an operation does not
/// say it already: 400 for a request that cannot be read (broken JSON, a form or query that
/// does not parse), 401/403 for who may ask, 404 for what does not exist, 422 for input that
/// breaks a rule; for any change 409 (taken already: a name, a code, a tag; or a step the
/// record's state does not allow now: a closed period, a repair already closed, people still
/// counting), and for a request with a body 413 (over its limit) and 415 (not the content type
/// it takes). A 204 carries no body.
fn answers_every_error(document: &mut Value) {
    let error = json!({ "$ref": "#/components/responses/Error" });
    let Some(paths) = document["paths"].as_object_mut() else {
        return;
    };
    for operation in paths.values_mut().filter_map(Value::as_object_mut) {
        for (method, op) in operation.iter_mut() {
            let has_body = op.get("requestBody").is_some();
            let changes = method != "get";
            let Some(responses) = op["responses"].as_object_mut() else {
                continue;
            };
            if let Some(empty) = responses.get_mut("204").and_then(Value::as_object_mut) {
                empty.remove("content");
            }
            for code in ["400", "401", "403", "404", "422"] {
                responses.entry(code).or_insert_with(|| error.clone());
            }
            if changes {
                responses.entry("409").or_insert_with(|| error.clone());
            }
            if has_body {
                for code in ["413", "415"] {
                    responses.entry(code).or_insert_with(|| error.clone());
                }
            }
        }
    }
}

/// A kind of room, by its code.
fn room_kind() -> Value {
    json!({ "type": "string", "enum": ["classroom", "special_room", "office", "canteen", "dormitory", "toilet", "gate", "store", "corridor", "other"] })
}

/// A change to a room: only the fields sent change; `null` is as if not sent.
fn room_patch() -> Value {
    let id = json!({ "type": ["string", "null"], "description": "uuid" });
    json!({ "type": "object", "additionalProperties": false, "properties": {
        "name": nullable(text(80)),
        "kind": nullable(room_kind()),
        "floor": { "type": ["integer", "null"], "minimum": -5, "maximum": 100 },
        "building_id": id, "custodian_id": { "type": ["string", "null"], "description": "uuid, or \"\" for none" } } })
}

/// A change to an asset: only the fields sent change; `null` is as if not sent, `""` clears
/// an optional one.
fn asset_patch() -> Value {
    json!({ "type": "object", "additionalProperties": false, "properties": {
        "category": nullable(text(40)), "name": nullable(text(80)), "model": nullable(note(80)),
        "asset_code": { "type": ["string", "null"], "pattern": "^[A-Za-z0-9_./-]{1,32}$", "description": "letters, digits and -_./, at most 32; stored upper-case" },
        "status": { "type": ["string", "null"], "enum": ["in_use", "under_repair", "lost", "retired", null] },
        "room_id": { "type": ["string", "null"], "description": "uuid, or \"\" for none" },
        "custodian_id": { "type": ["string", "null"], "description": "uuid, or \"\" for none" },
        "purchase_date": { "type": ["string", "null"], "description": "YYYY-MM-DD, or \"\" for none" },
        "value_fen": { "type": ["integer", "null"], "minimum": 0 }, "notes": nullable(note(2000)) } })
}

/// A patch's schema made a new record's: `fields` must be sent, and not as `null`.
fn required(mut patch: Value, fields: &[&str]) -> Value {
    for field in fields {
        let property = &mut patch["properties"][*field];
        property["type"] = property["type"][0].clone();
        if let Some(choices) = property.get_mut("enum").and_then(Value::as_array_mut) {
            choices.retain(|c| !c.is_null());
        }
    }
    patch["required"] = json!(fields);
    patch
}

/// `schema` with its `description`.
fn described(mut schema: Value, description: &str) -> Value {
    schema["description"] = json!(description);
    schema
}

/// `schema`, or `null`.
pub(super) fn nullable(mut schema: Value) -> Value {
    schema["type"] = json!([schema["type"].clone(), "null"]);
    if let Some(choices) = schema.get_mut("enum").and_then(Value::as_array_mut) {
        choices.push(Value::Null);
    }
    schema
}

/// Sign-in, tags and the register.
fn register_spec() -> Value {
    let (rooms, room, room_history) =
        record_paths("rooms", "register", "Room", ("NewRoom", "RoomPatch"));
    let (assets, asset, asset_history) =
        record_paths("assets", "register", "Asset", ("NewAsset", "AssetPatch"));
    let (room_patch, asset_patch) = (room_patch(), asset_patch());
    let new_room = required(room_patch.clone(), &["name", "kind", "building_id"]);
    let new_asset = required(asset_patch.clone(), &["category", "name", "asset_code"]);
    let mut tag = op(
        "Resolve a tag code (case, spaces and dashes are forgiven)",
        "tags",
        "200",
        schema("Tag"),
    );
    tag["parameters"] = json!([{ "name": "code", "in": "path", "required": true, "schema": { "type": "string",
        "pattern": TAG_CODE, "description": "8 characters of Crockford base32; case, spaces and dashes are forgiven, O reads as 0, I and L as 1" } }]);
    let mut issue = with_body(
        op(
            "Sign in and get a bearer token",
            "auth",
            "200",
            schema("Token"),
        ),
        "Credentials",
    );
    issue["security"] = json!([]);
    let named = json!({ "type": ["object", "null"], "properties": { "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" } } });
    json!({
        "openapi": "3.1.0",
        "info": { "title": "Rounds (校园巡检) API", "version": "1" },
        "servers": [{ "url": "/api/v1" }],
        "paths": {
            "/api/v1/auth/token": { "post": issue, "delete": { "summary": "Revoke the token used for this request", "tags": ["auth"], "security": [{ "bearer": [] }], "responses": { "204": { "description": "revoked" }, "401": { "$ref": "#/components/responses/Error" } } } },
            "/api/v1/auth/sessions": { "delete": { "summary": "Sign out everywhere: end every session and token of the caller, this one too", "tags": ["auth"], "security": [{ "bearer": [] }], "responses": { "200": { "description": "how many were still open", "content": { "application/json": { "schema": { "type": "object", "required": ["ended"], "properties": { "ended": { "type": "integer", "minimum": 0 } } } } } }, "401": { "$ref": "#/components/responses/Error" } } } },
            "/api/v1/me": { "get": op("The signed-in user", "auth", "200", schema("User")) },
            "/api/v1/schools": { "get": op("Every school with its figures (district admin)", "district", "200", json!({ "type": "array", "items": schema("SchoolFigures") })), "post": with_body(op("Add a school with its first admin (district admin)", "district", "201", schema("Named")), "NewSchool") },
            "/api/v1/tags/{code}": { "get": tag },
            "/api/v1/buildings": { "get": op("All buildings", "register", "200", json!({ "type": "array", "items": schema("Building") })), "post": with_body(op("Create a building", "register", "201", schema("Building")), "NewBuilding") },
            "/api/v1/rooms": rooms, "/api/v1/rooms/{id}": room, "/api/v1/rooms/{id}/history": room_history,
            "/api/v1/assets": assets, "/api/v1/assets/{id}": asset, "/api/v1/assets/{id}/history": asset_history
        },
        "components": {
            "securitySchemes": { "bearer": { "type": "http", "scheme": "bearer" } },
            "responses": { "Error": { "description": "An error", "content": { "application/json": { "schema": schema("Error") } } } },
            "schemas": {
                "Error": { "type": "object", "required": ["error"], "properties": { "error": { "type": "object", "required": ["code", "message"], "properties": {
                    "code": { "type": "string", "enum": ["unauthorized", "forbidden", "not_found", "too_many_attempts", "bad_credentials", "conflict", "invalid", "internal", "bad_request", "malformed", "label_font_missing", "too_large"] },
                    "message": { "type": "string", "description": "for people, in the Accept-Language (zh-CN unless en)" },
                    "field": { "type": ["string", "null"] } } } } },
                "Credentials": { "type": "object", "required": ["login", "password"], "properties": { "login": { "type": "string" }, "password": { "type": "string" } } },
                "Token": { "type": "object", "properties": { "token": { "type": "string" }, "user": schema("User") } },
                "User": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "login": { "type": "string" }, "display_name": { "type": "string" }, "role": { "type": "string", "enum": ["district_admin", "admin", "asset_manager", "staff", "teacher"] }, "active": { "type": "boolean" }, "school": { "type": ["string", "null"], "format": "uuid", "description": "none for a district admin" } } },
                "SchoolFigures": { "type": "object", "properties": { "school": schema("Named"), "users": { "type": "integer" }, "rooms": { "type": "integer" }, "assets": { "type": "integer" }, "inspections": { "type": "integer" }, "open_reports": { "type": "integer" } } },
                "NewSchool": { "type": "object", "required": ["name", "admin_login", "password"], "properties": { "name": { "type": "string", "maxLength": 60 }, "admin_login": { "type": "string" }, "admin_name": { "type": "string", "maxLength": 40 }, "password": { "type": "string", "minLength": 8 } } },
                "Tag": { "type": "object", "properties": { "code": { "type": "string" }, "kind": { "type": "string", "enum": ["room", "asset", "shelf", "key", "unassigned"] }, "id": { "type": ["string", "null"], "format": "uuid" }, "url": { "type": "string" } } },
                "Named": named,
                "Building": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" }, "room_count": { "type": "integer" } } },
                "NewBuilding": { "type": "object", "required": ["name"], "additionalProperties": false, "properties": { "name": text(80) } },
                "Room": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "name": { "type": "string" }, "kind": { "type": "string" }, "floor": { "type": ["integer", "null"] }, "building": schema("Named"), "custodian": schema("Named"), "tag": { "type": ["string", "null"] }, "asset_count": { "type": "integer" } } },
                "RoomPatch": room_patch, "NewRoom": new_room,
                "Asset": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "category": { "type": "string" }, "name": { "type": "string" }, "model": { "type": ["string", "null"] }, "asset_code": { "type": "string" }, "status": { "type": "string", "enum": ["in_use", "under_repair", "lost", "retired"] }, "room": schema("Named"), "building": schema("Named"), "custodian": schema("Named"), "purchase_date": { "type": ["string", "null"], "format": "date" }, "value_fen": { "type": "integer", "minimum": 0, "description": "money in fen (1/100 yuan)" }, "notes": { "type": ["string", "null"] }, "tag": { "type": ["string", "null"] }, "card": schema("AssetCard") } },
                "AssetPatch": asset_patch, "NewAsset": new_asset,
                "HistoryEntry": { "type": "object", "properties": { "id": { "type": "string", "format": "uuid" }, "at": { "type": "string", "format": "date-time" }, "actor": schema("Named"), "entity": { "type": "string" }, "entity_id": { "type": "string", "format": "uuid" }, "action": { "type": "string" }, "before": {}, "after": {} } }
            }
        }
    })
}

pub async fn document() -> Json<Value> {
    Json(spec())
}

#[cfg(test)]
mod tests {
    use super::spec;
    use regex::Regex;
    use serde_json::Value;

    /// The documented pattern of a query parameter, as a client's validator reads it.
    fn pattern(path: &str, name: &str) -> Regex {
        let doc = spec();
        let params = doc["paths"][path]["get"]["parameters"].as_array().unwrap();
        let param = params.iter().find(|p| p["name"] == name).unwrap();
        Regex::new(param["schema"]["pattern"].as_str().unwrap()).unwrap()
    }

    #[test]
    fn query_patterns_take_the_empty_text_and_still_what_they_took() {
        let checklist = pattern("/api/v1/exports/inspections", "checklist");
        assert!(checklist.is_match("fire_equipment") && checklist.is_match(""));
        assert!(!checklist.is_match("   "));
        let months = pattern("/api/v1/exports/inspections", "period");
        for ok in ["", "2026-12", "2026-w49", "2026-09..2026-12"] {
            assert!(months.is_match(ok), "{ok}");
        }
        let period = pattern("/api/v1/ledger-closings", "period");
        for ok in ["", "2026-12", "2026-W49"] {
            assert!(period.is_match(ok), "{ok}");
        }
        for bad in ["2026-13", "1999-01", "2026-W54", "x2026-12", "2026-12x"] {
            assert!(!period.is_match(bad), "{bad}");
        }
    }

    /// Every JSON request body has an example with the fields its schema requires and none it
    /// does not know; no example is left for a schema the document lost.
    #[test]
    fn every_request_body_has_an_example_that_fits_its_schema() {
        let doc = spec();
        let schemas = doc["components"]["schemas"].as_object().unwrap();
        let mut bodies = std::collections::BTreeSet::new();
        for item in doc["paths"].as_object().unwrap().values() {
            for op in item.as_object().unwrap().values() {
                let body = &op["requestBody"]["content"]["application/json"]["schema"]["$ref"];
                if let Some(name) = body.as_str().and_then(|r| r.rsplit('/').next()) {
                    bodies.insert(name.to_string());
                }
            }
        }
        assert!(bodies.len() >= 25, "{bodies:?}");
        for name in &bodies {
            let schema = &schemas[name];
            let example = schema["example"]
                .as_object()
                .unwrap_or_else(|| panic!("{name} has no example"));
            for field in schema["required"].as_array().into_iter().flatten() {
                let field = field.as_str().unwrap();
                assert!(
                    example.contains_key(field),
                    "{name}'s example lacks {field}"
                );
            }
            if schema["additionalProperties"] == false {
                let known = schema["properties"].as_object().unwrap();
                for field in example.keys() {
                    assert!(
                        known.contains_key(field),
                        "{name}'s example has {field}, unknown"
                    );
                }
            }
        }
        let Value::Object(examples) = super::super::openapi_examples::examples() else {
            panic!("examples by name")
        };
        for name in examples.keys() {
            assert!(
                bodies.contains(name),
                "an example for {name}, which no request takes"
            );
        }
    }
}
