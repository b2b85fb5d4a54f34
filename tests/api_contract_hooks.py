"""schemathesis hooks for tests/api_contract.py: a request that the document calls valid names
records that exist. Schemathesis makes up a fresh UUID for every reference, and a room, an asset
or a checklist that does not exist is refused (422, or 404 in the path) however well formed the
request is; so in each positive case every reference (in the path and in a JSON body) is swapped
for a record of the demo school, picked by the made-up value, so that the same case always names
the same record. Negative cases are left as generated. The records come from the file named by
ROUNDS_CONTRACT_RECORDS (written by api_contract.py from the API before the run)."""

import json
import os

import schemathesis

RECORDS = json.load(open(os.environ["ROUNDS_CONTRACT_RECORDS"], encoding="utf-8"))

# A JSON body's field → the kind of record it names.
BODY_FIELDS = {
    "room_id": "rooms", "rooms": "rooms", "room": "rooms",
    "asset_id": "assets", "assets": "assets",
    "building_id": "buildings", "buildings": "buildings", "building": "buildings",
    "custodian_id": "people", "assignee_id": "staff", "participants": "staff", "categories": "categories",
    "template_id": "templates", "template_key": "template_keys",
    "damage_report_id": "damage_reports", "stocktake_id": "stocktakes",
    "reprint": "assets", "item_id": "supplies",
}
# A path's collection → the kind of record its {id} names; other placeholders by name.
PATH_IDS = {
    "assets": "assets", "rooms": "rooms", "checklists": "templates", "compensations": "compensations",
    "damage-reports": "damage_reports", "ledger-closings": "closings", "photos": "photos",
    "schedules": "schedules", "stocktakes": "stocktakes", "supplies": "supplies",
    "supply-requests": "supply_requests", "purchases": "purchases", "keys": "keys",
    "drills": "drills",
}
PATH_NAMES = {"room": "rooms", "code": "tags"}


def pick(kind, made_up):
    """A record of `kind`, the same one for the same made-up value; None when there is none."""
    records = RECORDS.get(kind) or []
    if not records:
        return None
    return records[sum(map(ord, str(made_up))) % len(records)]


def references(value, kind):
    """A made-up reference (or a list of them) swapped; anything else as it was."""
    if isinstance(value, list):
        return [references(v, kind) for v in value]
    if isinstance(value, str) and value:
        return pick(kind, value) or value
    return value


def real_body(body):
    """The body with its references swapped; a photo must exist and be the caller's own, so a
    positive case names none."""
    if isinstance(body, list):
        return [real_body(v) for v in body]
    if not isinstance(body, dict):
        return body
    out = {}
    for k, v in body.items():
        if k == "photos" and isinstance(v, list):
            out[k] = []
        elif k in BODY_FIELDS:
            out[k] = references(v, BODY_FIELDS[k])
        else:
            out[k] = real_body(v)
    return out


def path_kind(path, name):
    if name in PATH_NAMES:
        return PATH_NAMES[name]
    if name != "id":
        return None
    parts = [p for p in path.split("/") if p]
    at = parts.index("{id}") if "{id}" in parts else 0
    return PATH_IDS.get(parts[at - 1]) if at > 0 else None


@schemathesis.hook
def map_case(context, case):
    meta = case.meta
    if meta is None or not meta.generation.mode.is_positive:
        return case
    path = case.operation.path
    for name, value in list((case.path_parameters or {}).items()):
        kind = path_kind(path, name)
        if kind:
            case.path_parameters[name] = pick(kind, value) or value
    if isinstance(case.body, (dict, list)):
        case.body = real_body(case.body)
    return case


@schemathesis.hook
def before_add_examples(context, examples):
    """The document's examples name made-up records too: the same swap, in place."""
    for i, case in enumerate(examples):
        examples[i] = map_case(context, case)
