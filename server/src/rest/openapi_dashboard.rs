//! The OpenAPI description of the dashboard (看板).

use super::openapi::{op, schema};
use serde_json::{json, Value};

pub(super) fn paths() -> Value {
    let dashboard = op(
        "The dashboard as of the school's today (asset manager, admin): each schedule's current round counted \
         (done, open, due today, overdue) and summed for this week (daily and weekly rounds) and this month; open \
         repairs by age and by category; damage reports of the last six months by month and by category; hazards \
         not put right and those past their deadline; compensation owed in fen, by class; the ledgers whose last \
         week or last month is not closed. Labels are in the caller's language; every bar names the list it counts",
        "dashboard",
        "200",
        schema("Dashboard"),
    );
    json!({ "/api/v1/dashboard": { "get": dashboard } })
}

pub(super) fn schemas() -> Value {
    let count = json!({ "type": "integer", "minimum": 0 });
    let text = json!({ "type": "string" });
    let bars = json!({ "type": "array", "items": schema("Bar") });
    json!({
        "Progress": { "type": "object", "properties": {
            "done": count, "open": count, "due_today": count, "overdue": count } },
        "Bar": { "type": "object", "properties": {
            "label": text, "value": { "type": "integer", "description": "a count, or fen for compensation" },
            "text": { "type": "string", "description": "the figure as shown" },
            "href": { "type": "string", "description": "the list the bar counts" } } },
        "Dashboard": { "type": "object", "properties": {
            "today": { "type": "string", "format": "date" },
            "checks": { "type": "object", "properties": {
                "week": schema("Progress"), "month": schema("Progress"),
                "schedules": { "type": "array", "items": { "type": "object", "properties": {
                    "schedule_id": { "type": "string", "format": "uuid" }, "name": text,
                    "span": { "type": "string", "enum": ["week", "month"] },
                    "due": { "type": "string", "format": "date" }, "progress": schema("Progress") } } } } },
            "tickets": { "type": "object", "properties": {
                "open_repairs": count, "hazards_open": count, "hazards_overdue": count,
                "repairs_by_age": bars, "repairs_by_category": bars,
                "reports_by_month": bars, "reports_by_category": bars } },
            "owed_fen": count,
            "owed_by_class": bars,
            "supplies_low": count, "supplies_waiting": count, "purchasing": schema("Spending"),
            "unclosed": { "type": "array", "items": { "type": "object", "properties": {
                "ledger": text, "title": text, "period": text, "href": text } } } } }
    })
}
