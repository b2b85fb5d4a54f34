-- A 盘盈 tag registered as a new asset settles that difference too: the settlement names the
-- asset made on the tag. SQLite cannot change a CHECK in place, so the table is copied.
CREATE TABLE stocktake_settlements_next (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    asset_id BLOB NOT NULL REFERENCES assets(id),
    kind TEXT NOT NULL CHECK (kind IN ('move', 'found', 'write_off', 'register')),
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'rejected')),
    room_id BLOB REFERENCES rooms(id),
    settled_by BLOB NOT NULL REFERENCES users(id),
    settled_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users(id),
    decided_at TEXT
);
INSERT INTO stocktake_settlements_next
    SELECT id, school_id, stocktake_id, asset_id, kind, state, room_id, settled_by, settled_at,
           decided_by, decided_at
    FROM stocktake_settlements;
DROP TABLE stocktake_settlements;
ALTER TABLE stocktake_settlements_next RENAME TO stocktake_settlements;
CREATE UNIQUE INDEX stocktake_settlements_once ON stocktake_settlements(stocktake_id, asset_id)
    WHERE state <> 'rejected';
