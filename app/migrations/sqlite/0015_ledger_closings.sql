-- Closing a period (周周清、月月清): a ledger's week or month closed by its 分工 person or a
-- manager, with what was still open (JSON list) and the SHA-256 of the ledger's CSV as it
-- stood; reopened only by the admin, with a reason. One closing in force per ledger and period.
CREATE TABLE ledger_closings (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    ledger TEXT NOT NULL,
    period TEXT NOT NULL,
    -- the period's days, first_day up to (not including) next_day, YYYY-MM-DD
    first_day TEXT NOT NULL,
    next_day TEXT NOT NULL,
    closed_by BLOB NOT NULL REFERENCES users(id),
    closed_at TEXT NOT NULL,
    open_items TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    reopened_by BLOB REFERENCES users(id),
    reopened_at TEXT,
    reopen_reason TEXT
);
CREATE UNIQUE INDEX ledger_closings_in_force ON ledger_closings(school_id, ledger, period)
    WHERE reopened_at IS NULL;
CREATE INDEX ledger_closings_days ON ledger_closings(school_id, ledger, first_day);

-- An inspection recorded after its period closed names that period: it shows as late.
ALTER TABLE inspections ADD COLUMN late_for TEXT;
