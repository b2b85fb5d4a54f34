-- Who is counting a stocktake on a phone that may hold scans not yet synced: opened when the
-- counting page opens, closed when the phone hands in (its queue empty) or a manager does it
-- for a lost phone. A stocktake cannot finish while one is open.
CREATE TABLE stocktake_counters (
    stocktake_id UUID NOT NULL REFERENCES stocktakes(id),
    user_id UUID NOT NULL REFERENCES users(id),
    counting_since TIMESTAMPTZ NOT NULL,
    handed_in_at TIMESTAMPTZ,
    PRIMARY KEY (stocktake_id, user_id)
);
