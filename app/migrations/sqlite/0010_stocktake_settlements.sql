-- How each difference of a finished stocktake was settled: a move, found after all, or a
-- write-off that waits for the admin. One live settlement an asset a stocktake.
CREATE TABLE stocktake_settlements (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    asset_id BLOB NOT NULL REFERENCES assets(id),
    kind TEXT NOT NULL CHECK (kind IN ('move', 'found', 'write_off')),
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'rejected')),
    room_id BLOB REFERENCES rooms(id),
    settled_by BLOB NOT NULL REFERENCES users(id),
    settled_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users(id),
    decided_at TEXT
);
CREATE UNIQUE INDEX stocktake_settlements_once ON stocktake_settlements(stocktake_id, asset_id)
    WHERE state <> 'rejected';
