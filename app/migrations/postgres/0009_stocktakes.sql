-- Stocktakes (资产盘点): the expected list frozen at the start, the rooms with who counts each,
-- and every scan, counted once per tag (a repeat is kept, marked, and counts for nothing).
CREATE TABLE stocktakes (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    -- JSON: {"buildings": [ids], "rooms": [ids], "categories": [...]}; empty lists limit nothing
    scope JSONB NOT NULL,
    due TEXT,
    status TEXT NOT NULL CHECK (status IN ('counting', 'finished')),
    started_by UUID REFERENCES users(id),
    started_at TIMESTAMPTZ NOT NULL,
    finished_by UUID REFERENCES users(id),
    finished_at TIMESTAMPTZ
);
CREATE INDEX stocktakes_school ON stocktakes(school_id, started_at);

CREATE TABLE stocktake_participants (
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    user_id UUID NOT NULL REFERENCES users(id),
    PRIMARY KEY (stocktake_id, user_id)
);

-- The register as it was when the stocktake started: the report stays reproducible.
CREATE TABLE stocktake_expected (
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    asset_id UUID NOT NULL REFERENCES assets(id),
    name TEXT NOT NULL,
    asset_code TEXT NOT NULL,
    category TEXT NOT NULL,
    tag TEXT,
    room_id UUID REFERENCES rooms(id),
    status TEXT NOT NULL,
    custodian_id UUID REFERENCES users(id),
    custodian_name TEXT,
    PRIMARY KEY (stocktake_id, asset_id)
);
CREATE INDEX stocktake_expected_tag ON stocktake_expected(stocktake_id, tag);

CREATE TABLE stocktake_rooms (
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    room_id UUID NOT NULL REFERENCES rooms(id),
    building TEXT NOT NULL,
    room TEXT NOT NULL,
    counter_id UUID REFERENCES users(id),
    PRIMARY KEY (stocktake_id, room_id)
);

CREATE TABLE stocktake_scans (
    -- made by the phone (UUIDv7): a resend is the same scan
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    room_id UUID NOT NULL REFERENCES rooms(id),
    code TEXT NOT NULL,
    asset_id UUID REFERENCES assets(id),
    class TEXT NOT NULL CHECK (class IN ('found', 'misplaced', 'surplus', 'out_of_scope', 'repeat')),
    scanned_by UUID NOT NULL REFERENCES users(id),
    scanned_at TIMESTAMPTZ NOT NULL,
    recorded_at TIMESTAMPTZ NOT NULL,
    undone_by UUID REFERENCES users(id),
    undone_at TIMESTAMPTZ
);
-- Two phones scanning one tag: the second is a repeat.
CREATE UNIQUE INDEX stocktake_scans_once ON stocktake_scans(stocktake_id, code)
    WHERE undone_at IS NULL AND class <> 'repeat';
CREATE INDEX stocktake_scans_of ON stocktake_scans(stocktake_id, scanned_at);
