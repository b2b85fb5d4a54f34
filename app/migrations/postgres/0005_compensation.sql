-- Compensation (谁损坏谁赔偿): a case opened from a damage report, its amount in fen, and how it
-- ended (paid, or waived by the admin). Settings hold the replacement-value rule.
CREATE TABLE settings (
    key TEXT PRIMARY KEY,
    value TEXT NOT NULL
);

CREATE TABLE compensations (
    id UUID PRIMARY KEY,
    damage_report_id UUID NOT NULL UNIQUE REFERENCES damage_reports(id),
    party_kind TEXT NOT NULL CHECK (party_kind IN ('student', 'staff', 'outside')),
    party_name TEXT NOT NULL,
    party_class TEXT,
    basis TEXT NOT NULL CHECK (basis IN ('repair_cost', 'replacement_value')),
    amount_fen BIGINT NOT NULL CHECK (amount_fen >= 0),
    semester TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('open', 'paid', 'waived')),
    paid_on TEXT,
    receipt_no TEXT,
    received_by TEXT,
    waive_reason TEXT,
    created_by UUID REFERENCES users(id),
    created_at TIMESTAMPTZ NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);
CREATE INDEX compensations_semester ON compensations(semester, party_class);
