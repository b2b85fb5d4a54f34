-- Photos taken on phones: re-encoded (upright, no metadata, ≤ 1600 px and a 320 px thumbnail)
-- and kept under the data folder by content hash; a row per upload, attached later to the
-- inspection or damage report it belongs to, which decides who may see it.
CREATE TABLE photos (
    id UUID PRIMARY KEY,
    sha256 TEXT NOT NULL,
    width BIGINT NOT NULL,
    height BIGINT NOT NULL,
    bytes BIGINT NOT NULL,
    uploaded_by UUID NOT NULL REFERENCES users(id),
    uploaded_at TIMESTAMPTZ NOT NULL,
    owner_kind TEXT,
    owner_id UUID
);
CREATE INDEX photos_owner ON photos(owner_kind, owner_id);
