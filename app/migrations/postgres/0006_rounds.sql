-- Rounds: schedules that say which checklist is due on what and when, and the conflicts the
-- offline sync found (kept with the record for a manager to see, never dropped).
CREATE TABLE schedules (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL,
    -- the checklist by key: a new version of it applies from the day it is saved
    template_key TEXT NOT NULL,
    -- JSON: {"categories": [...], "room_kinds": [...], "assets": [ids], "rooms": [ids]}
    scope JSONB NOT NULL,
    -- JSON: {"every": "daily" | "weekly" | "monthly" | "months" | "once", ...}
    cadence JSONB NOT NULL,
    -- a person, or a role; neither: the responsible person from the 分工 table
    assignee_id UUID REFERENCES users(id),
    assignee_role TEXT,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID REFERENCES users(id)
);

CREATE TABLE sync_conflicts (
    id UUID PRIMARY KEY,
    record_kind TEXT NOT NULL CHECK (record_kind IN ('inspection', 'damage_report')),
    record_id UUID NOT NULL,
    -- JSON array of {"reason", "detail"}
    reasons JSONB NOT NULL,
    user_id UUID NOT NULL REFERENCES users(id),
    received_at TIMESTAMPTZ NOT NULL,
    resolved_by UUID REFERENCES users(id),
    resolved_at TIMESTAMPTZ
);
CREATE INDEX sync_conflicts_open ON sync_conflicts(resolved_at, received_at);
CREATE INDEX inspections_template ON inspections(template_id, inspected_at);
