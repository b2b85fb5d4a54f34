-- Photos taken on phones: re-encoded (upright, no metadata, ≤ 1600 px and a 320 px thumbnail)
-- and kept under the data folder by content hash; a row per upload, attached later to the
-- inspection or damage report it belongs to, which decides who may see it.
CREATE TABLE photos (
    id BLOB PRIMARY KEY,
    sha256 TEXT NOT NULL,
    width INTEGER NOT NULL,
    height INTEGER NOT NULL,
    bytes INTEGER NOT NULL,
    uploaded_by BLOB NOT NULL REFERENCES users(id),
    uploaded_at TEXT NOT NULL,
    owner_kind TEXT,
    owner_id BLOB
);
CREATE INDEX photos_owner ON photos(owner_kind, owner_id);
