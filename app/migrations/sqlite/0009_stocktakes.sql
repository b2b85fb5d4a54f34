-- Stocktakes (资产盘点): the expected list frozen at the start, the rooms with who counts each,
-- and every scan, counted once per tag (a repeat is kept, marked, and counts for nothing).
CREATE TABLE stocktakes (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    -- JSON: {"buildings": [ids], "rooms": [ids], "categories": [...]}; empty lists limit nothing
    scope TEXT NOT NULL,
    due TEXT,
    status TEXT NOT NULL CHECK (status IN ('counting', 'finished')),
    started_by BLOB REFERENCES users(id),
    started_at TEXT NOT NULL,
    finished_by BLOB REFERENCES users(id),
    finished_at TEXT
);
CREATE INDEX stocktakes_school ON stocktakes(school_id, started_at);

CREATE TABLE stocktake_participants (
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    user_id BLOB NOT NULL REFERENCES users(id),
    PRIMARY KEY (stocktake_id, user_id)
);

-- The register as it was when the stocktake started: the report stays reproducible.
CREATE TABLE stocktake_expected (
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    asset_id BLOB NOT NULL REFERENCES assets(id),
    name TEXT NOT NULL,
    asset_code TEXT NOT NULL,
    category TEXT NOT NULL,
    tag TEXT,
    room_id BLOB REFERENCES rooms(id),
    status TEXT NOT NULL,
    custodian_id BLOB REFERENCES users(id),
    custodian_name TEXT,
    PRIMARY KEY (stocktake_id, asset_id)
);
CREATE INDEX stocktake_expected_tag ON stocktake_expected(stocktake_id, tag);

CREATE TABLE stocktake_rooms (
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    room_id BLOB NOT NULL REFERENCES rooms(id),
    building TEXT NOT NULL,
    room TEXT NOT NULL,
    counter_id BLOB REFERENCES users(id),
    PRIMARY KEY (stocktake_id, room_id)
);

CREATE TABLE stocktake_scans (
    -- made by the phone (BLOBv7): a resend is the same scan
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    room_id BLOB NOT NULL REFERENCES rooms(id),
    code TEXT NOT NULL,
    asset_id BLOB REFERENCES assets(id),
    class TEXT NOT NULL CHECK (class IN ('found', 'misplaced', 'surplus', 'out_of_scope', 'repeat')),
    scanned_by BLOB NOT NULL REFERENCES users(id),
    scanned_at TEXT NOT NULL,
    recorded_at TEXT NOT NULL,
    undone_by BLOB REFERENCES users(id),
    undone_at TEXT
);
-- Two phones scanning one tag: the second is a repeat.
CREATE UNIQUE INDEX stocktake_scans_once ON stocktake_scans(stocktake_id, code)
    WHERE undone_at IS NULL AND class <> 'repeat';
CREATE INDEX stocktake_scans_of ON stocktake_scans(stocktake_id, scanned_at);
