//! The OpenAPI description of the key cabinet (钥匙管理): keys and key sets, and their loans.

use super::openapi::{id_param, note, nullable, op, page_of, paged, schema, text, with_body};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let tag = "keys";
    let flag = json!({ "type": "string", "enum": ["true", "false", "1", "0"] });
    let mut list = op(
        "The keys by hook and name, each with the loan it is out on (everyone of the school); `out=true` lists \
         only those lent now, `room` those of one room",
        tag,
        "200",
        page_of("Key"),
    );
    list["parameters"] = json!([
        { "name": "q", "in": "query", "schema": { "type": "string", "pattern": "^[^\\u0000]*$" },
            "description": "words of the name, the hook or the room" },
        { "name": "out", "in": "query", "schema": flag },
        { "name": "room", "in": "query", "schema": { "type": "string", "format": "uuid" } }
    ]);
    let add = with_body(
        op(
            "Register a key or key set with a tag of its own (the asset manager or the admin); print its label with \
             `POST /labels` `{keys: true}`; 409 when the cabinet has a key of that name",
            tag,
            "201",
            schema("Key"),
        ),
        "KeyInput",
    );
    let mut get_one = op(
        "One key and whom it is lent to (everyone of the school)",
        tag,
        "200",
        schema("Key"),
    );
    get_one["parameters"] = id_param();
    let mut edit = with_body(
        op(
            "Change a key's name, kind, room, hook, pieces and note (the asset manager or the admin)",
            tag,
            "200",
            schema("Key"),
        ),
        "KeyInput",
    );
    edit["parameters"] = id_param();
    let mut lend = with_body(
        op(
            "Lend the key to someone until a due time, the end of the school day by default (the staff, the asset \
             manager or the admin); 409 (`already_lent` on `key`, naming the holder) when it is out",
            tag,
            "201",
            schema("Key"),
        ),
        "LendInput",
    );
    lend["parameters"] = id_param();
    let mut take_back = op(
        "Take the key back into the cabinet (the staff, the asset manager or the admin); 409 when it is in",
        tag,
        "200",
        schema("Key"),
    );
    take_back["parameters"] = id_param();
    let loans_of = json!({ "type": "array", "items": schema("KeyLoan") });
    let mut key_loans = op(
        "The key's loans, newest first (everyone of the school)",
        tag,
        "200",
        loans_of.clone(),
    );
    key_loans["parameters"] = id_param();
    let mut loans = op(
        "Every key's loans, newest first (everyone of the school): `open=true` only those out now, `overdue=true` \
         only those out past their due time",
        tag,
        "200",
        loans_of,
    );
    loans["parameters"] = json!([
        { "name": "open", "in": "query", "schema": flag },
        { "name": "overdue", "in": "query", "schema": flag }
    ]);
    let (list, key_loans, loans) = (paged(list), paged(key_loans), paged(loans));
    json!({
        "/api/v1/keys": { "get": list, "post": add },
        "/api/v1/keys/{id}": { "get": get_one, "put": edit },
        "/api/v1/keys/{id}/lend": { "post": lend },
        "/api/v1/keys/{id}/return": { "post": take_back },
        "/api/v1/keys/{id}/loans": { "get": key_loans },
        "/api/v1/key-loans": { "get": loans }
    })
}

pub(super) fn schemas() -> Value {
    let kind = json!({ "type": "string", "enum": ["door", "cabinet", "equipment", "other"] });
    let textual = json!({ "type": "string" });
    let maybe = json!({ "type": ["string", "null"] });
    let uuid = json!({ "type": "string", "format": "uuid" });
    let maybe_named = json!({ "anyOf": [{ "type": "null" }, schema("Named")] });
    json!({
        "KeyInput": { "type": "object", "required": ["name", "kind"], "additionalProperties": false,
            "properties": {
                "name": text(60), "kind": kind,
                "room_id": { "type": ["string", "null"], "format": "uuid" },
                "hook": nullable(note(20)),
                "pieces": { "type": ["integer", "null"], "minimum": 1, "maximum": app::keys::MAX_PIECES },
                "note": nullable(note(200)) } },
        "LendInput": { "type": "object", "required": ["borrower"], "additionalProperties": false,
            "properties": {
                "borrower": text(40),
                "due_at": { "type": ["string", "null"], "pattern": "^$|^\\d{4}-\\d{2}-\\d{2}([T ]\\d{2}:\\d{2}(:\\d{2})?)?$",
                    "description": "school time (2026-12-08 17:00, or a date meaning its 18:00), after now and at \
                        most 90 days on; the end of the school day when empty" },
                "note": nullable(note(200)) } },
        "KeyLoan": { "type": "object", "properties": {
            "id": uuid, "key": schema("Named"), "borrower": textual, "lent_by": schema("Named"),
            "lent_at": textual, "due_at": textual, "overdue": { "type": "boolean" },
            "returned_by": maybe_named, "returned_at": maybe, "note": maybe } },
        "Key": { "type": "object", "properties": {
            "id": uuid, "name": textual, "kind": kind,
            "room": { "anyOf": [{ "type": "null" }, schema("Named")] }, "hook": maybe,
            "pieces": { "type": "integer", "minimum": 1 }, "note": maybe, "tag": textual,
            "loan": { "anyOf": [{ "type": "null" }, schema("KeyLoan")] } } }
    })
}
