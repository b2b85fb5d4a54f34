-- Rounds: schedules that say which checklist is due on what and when, and the conflicts the
-- offline sync found (kept with the record for a manager to see, never dropped).
CREATE TABLE schedules (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL,
    -- the checklist by key: a new version of it applies from the day it is saved
    template_key TEXT NOT NULL,
    -- JSON: {"categories": [...], "room_kinds": [...], "assets": [ids], "rooms": [ids]}
    scope TEXT NOT NULL,
    -- JSON: {"every": "daily" | "weekly" | "monthly" | "months" | "once", ...}
    cadence TEXT NOT NULL,
    -- a person, or a role; neither: the responsible person from the 分工 table
    assignee_id BLOB REFERENCES users(id),
    assignee_role TEXT,
    active INTEGER NOT NULL DEFAULT 1,
    created_at TEXT NOT NULL,
    created_by BLOB REFERENCES users(id)
);

CREATE TABLE sync_conflicts (
    id BLOB PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('inspection', 'damage_report')),
    record_id BLOB NOT NULL,
    -- JSON array of {"reason", "detail"}
    reasons TEXT NOT NULL,
    user_id BLOB NOT NULL REFERENCES users(id),
    received_at TEXT NOT NULL,
    resolved_by BLOB REFERENCES users(id),
    resolved_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, received_at);
CREATE INDEX inspections_template ON inspections(template_id, inspected_at);
