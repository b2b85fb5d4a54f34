-- Checklists (versioned: an edit makes a new version, old inspections keep the wording they
-- were filled with), inspections from a record, and damage reports / repair tickets.
CREATE TABLE checklist_templates (
    id UUID PRIMARY KEY,
    key TEXT NOT NULL,
    version BIGINT NOT NULL,
    name TEXT NOT NULL,
    -- JSON arrays: the asset categories and room kinds the checklist applies to
    categories JSONB NOT NULL,
    room_kinds JSONB NOT NULL,
    -- JSON array of items: key, label, kind (pass_fail | number | text), unit, min, max, photo_required
    items JSONB NOT NULL,
    is_current BOOLEAN NOT NULL,
    created_at TIMESTAMPTZ NOT NULL,
    created_by UUID REFERENCES users(id),
    UNIQUE (key, version)
);

CREATE TABLE inspections (
    -- UUIDv7, made where the inspection is recorded (the phone, when offline)
    id UUID PRIMARY KEY,
    template_id UUID NOT NULL REFERENCES checklist_templates(id),
    asset_id UUID REFERENCES assets(id),
    room_id UUID REFERENCES rooms(id),
    inspector_id UUID NOT NULL REFERENCES users(id),
    inspected_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    -- JSON array: each item's wording as filled, the answer, note, photos, and whether it failed
    answers JSONB NOT NULL,
    notes TEXT,
    failed_items BIGINT NOT NULL,
    CHECK ((asset_id IS NULL) <> (room_id IS NULL))
);
CREATE INDEX inspections_asset ON inspections(asset_id, inspected_at);
CREATE INDEX inspections_room ON inspections(room_id, inspected_at);

-- A damage report (someone saw damage) or a repair ticket (a failed checklist item): both go
-- reported → accepted → in_repair → repaired → closed, or rejected with a reason.
CREATE TABLE damage_reports (
    id UUID PRIMARY KEY,
    source TEXT NOT NULL CHECK (source IN ('report', 'inspection')),
    inspection_id UUID REFERENCES inspections(id),
    item_key TEXT,
    asset_id UUID REFERENCES assets(id),
    room_id UUID REFERENCES rooms(id),
    reporter_id UUID NOT NULL REFERENCES users(id),
    assignee_id UUID REFERENCES users(id),
    happened_at TEXT,
    description TEXT NOT NULL,
    cause TEXT,
    liable TEXT,
    status TEXT NOT NULL CHECK (status IN ('reported', 'accepted', 'in_repair', 'repaired', 'closed', 'rejected')),
    reject_reason TEXT,
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL,
    CHECK ((asset_id IS NULL) <> (room_id IS NULL))
);
CREATE INDEX damage_reports_reporter ON damage_reports(reporter_id);
CREATE INDEX damage_reports_assignee ON damage_reports(assignee_id, status);
CREATE INDEX damage_reports_asset ON damage_reports(asset_id);
CREATE INDEX damage_reports_room ON damage_reports(room_id);
