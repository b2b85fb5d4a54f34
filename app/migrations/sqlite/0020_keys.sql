-- The key cabinet (钥匙管理): keys and key sets of rooms, cabinets and equipment, each with a tag
-- of its own on its fob, and every lending of one. A key is out on one loan at most: the partial
-- unique index refuses a second open loan however two lendings race.
CREATE TABLE keys (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    room_id BLOB REFERENCES rooms(id),
    hook TEXT,
    pieces INTEGER NOT NULL DEFAULT 1 CHECK (pieces > 0),
    note TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX keys_name ON keys(school_id, name);
CREATE INDEX keys_room ON keys(room_id);
ALTER TABLE tags ADD COLUMN key_id BLOB REFERENCES keys(id);
CREATE UNIQUE INDEX tags_key ON tags(key_id) WHERE key_id IS NOT NULL;

CREATE TABLE key_loans (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    key_id BLOB NOT NULL REFERENCES keys(id),
    borrower TEXT NOT NULL,
    note TEXT,
    lent_by BLOB NOT NULL REFERENCES users(id),
    lent_at TEXT NOT NULL,
    due_at TEXT NOT NULL,
    returned_by BLOB REFERENCES users(id),
    returned_at TEXT
);
CREATE UNIQUE INDEX key_loans_open ON key_loans(key_id) WHERE returned_at IS NULL;
CREATE INDEX key_loans_key ON key_loans(key_id, lent_at);
CREATE INDEX key_loans_due ON key_loans(school_id, due_at) WHERE returned_at IS NULL;
