-- Counting a batch record (one tag, a quantity over 1) by number: the register's quantity
-- frozen with the expected list, the number counted kept with the scan (none: the whole
-- quantity), and a settlement that sets the register's quantity to the count (数量不符), naming
-- the quantity it set. SQLite cannot change a CHECK in place, so the settlements are copied.
ALTER TABLE stocktake_expected ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1);
ALTER TABLE stocktake_scans ADD COLUMN counted INTEGER CHECK (counted >= 1);

CREATE TABLE stocktake_settlements_next (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    stocktake_id BLOB NOT NULL REFERENCES stocktakes(id),
    asset_id BLOB NOT NULL REFERENCES assets(id),
    kind TEXT NOT NULL CHECK (kind IN ('move', 'found', 'write_off', 'register', 'recount')),
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'rejected')),
    room_id BLOB REFERENCES rooms(id),
    quantity INTEGER CHECK (quantity >= 1),
    settled_by BLOB NOT NULL REFERENCES users(id),
    settled_at TEXT NOT NULL,
    decided_by BLOB REFERENCES users(id),
    decided_at TEXT
);
INSERT INTO stocktake_settlements_next
    (id, school_id, stocktake_id, asset_id, kind, state, room_id, settled_by, settled_at,
     decided_by, decided_at)
    SELECT id, school_id, stocktake_id, asset_id, kind, state, room_id, settled_by, settled_at,
           decided_by, decided_at
    FROM stocktake_settlements;
DROP TABLE stocktake_settlements;
ALTER TABLE stocktake_settlements_next RENAME TO stocktake_settlements;
CREATE UNIQUE INDEX stocktake_settlements_once ON stocktake_settlements(stocktake_id, asset_id)
    WHERE state <> 'rejected';
