-- The key cabinet (钥匙管理): keys and key sets of rooms, cabinets and equipment, each with a tag
-- of its own on its fob, and every lending of one. A key is out on one loan at most: the partial
-- unique index refuses a second open loan however two lendings race.
CREATE TABLE keys (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    room_id UUID REFERENCES rooms(id),
    hook TEXT,
    pieces BIGINT NOT NULL DEFAULT 1 CHECK (pieces > 0),
    note TEXT,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX keys_name ON keys(school_id, name);
CREATE INDEX keys_room ON keys(room_id);
ALTER TABLE tags ADD COLUMN key_id UUID REFERENCES keys(id);
CREATE UNIQUE INDEX tags_key ON tags(key_id) WHERE key_id IS NOT NULL;

CREATE TABLE key_loans (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    key_id UUID NOT NULL REFERENCES keys(id),
    borrower TEXT NOT NULL,
    note TEXT,
    lent_by UUID NOT NULL REFERENCES users(id),
    lent_at TIMESTAMPTZ NOT NULL,
    due_at TIMESTAMPTZ NOT NULL,
    returned_by UUID REFERENCES users(id),
    returned_at TIMESTAMPTZ
);
CREATE UNIQUE INDEX key_loans_open ON key_loans(key_id) WHERE returned_at IS NULL;
CREATE INDEX key_loans_key ON key_loans(key_id, lent_at);
CREATE INDEX key_loans_due ON key_loans(school_id, due_at) WHERE returned_at IS NULL;
