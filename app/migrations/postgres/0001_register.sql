-- The school's register, its people, and the append-only history.
CREATE TABLE schools (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE users (
    id UUID PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'asset_manager', 'staff', 'teacher')),
    password_hash TEXT NOT NULL,
    active BOOLEAN NOT NULL DEFAULT TRUE,
    lang TEXT,
    created_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE sessions (
    token_hash BYTEA PRIMARY KEY,
    user_id UUID NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('cookie', 'token')),
    created_at TIMESTAMPTZ NOT NULL,
    last_seen TIMESTAMPTZ NOT NULL,
    revoked_at TIMESTAMPTZ
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE buildings (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE rooms (
    id UUID PRIMARY KEY,
    building_id UUID NOT NULL REFERENCES buildings(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    floor BIGINT,
    custodian_id UUID REFERENCES users(id),
    UNIQUE (building_id, name)
);
CREATE INDEX rooms_custodian ON rooms(custodian_id);

CREATE TABLE assets (
    id UUID PRIMARY KEY,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    model TEXT,
    asset_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('in_use', 'under_repair', 'lost', 'retired')),
    room_id UUID REFERENCES rooms(id),
    custodian_id UUID REFERENCES users(id),
    purchase_date TEXT,
    value_fen BIGINT NOT NULL CHECK (value_fen >= 0),
    notes TEXT
);
CREATE INDEX assets_room ON assets(room_id);
CREATE INDEX assets_custodian ON assets(custodian_id);

CREATE TABLE tags (
    code TEXT PRIMARY KEY,
    room_id UUID REFERENCES rooms(id),
    asset_id UUID REFERENCES assets(id),
    created_at TIMESTAMPTZ NOT NULL,
    CHECK (room_id IS NULL OR asset_id IS NULL)
);
CREATE UNIQUE INDEX tags_room ON tags(room_id) WHERE room_id IS NOT NULL;
CREATE UNIQUE INDEX tags_asset ON tags(asset_id) WHERE asset_id IS NOT NULL;

CREATE TABLE responsibilities (
    id UUID PRIMARY KEY,
    seq BIGINT NOT NULL,
    area TEXT NOT NULL,
    item TEXT NOT NULL,
    user_id UUID REFERENCES users(id),
    cadence TEXT
);
CREATE INDEX responsibilities_user ON responsibilities(user_id);

CREATE TABLE history (
    id UUID PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID REFERENCES users(id),
    entity TEXT NOT NULL,
    entity_id UUID NOT NULL,
    action TEXT NOT NULL,
    before JSONB,
    after JSONB
);
CREATE INDEX history_entity ON history(entity, entity_id, id);
