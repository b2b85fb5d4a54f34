-- How each difference of a finished stocktake was settled: a move, found after all, or a
-- write-off that waits for the admin. One live settlement an asset a stocktake.
CREATE TABLE stocktake_settlements (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    asset_id UUID NOT NULL REFERENCES assets(id),
    kind TEXT NOT NULL CHECK (kind IN ('move', 'found', 'write_off')),
    state TEXT NOT NULL CHECK (state IN ('done', 'pending', 'rejected')),
    room_id UUID REFERENCES rooms(id),
    settled_by UUID NOT NULL REFERENCES users(id),
    settled_at TIMESTAMPTZ NOT NULL,
    decided_by UUID REFERENCES users(id),
    decided_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX stocktake_settlements_once ON stocktake_settlements(stocktake_id, asset_id)
    WHERE state <> 'rejected';
