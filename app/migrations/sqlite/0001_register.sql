-- The school's register, its people, and the append-only history.
CREATE TABLE schools (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL
);

CREATE TABLE users (
    id BLOB PRIMARY KEY,
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('admin', 'asset_manager', 'staff', 'teacher')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    lang TEXT,
    created_at TEXT NOT NULL
);

CREATE TABLE sessions (
    token_hash BLOB PRIMARY KEY,
    user_id BLOB NOT NULL REFERENCES users(id),
    kind TEXT NOT NULL CHECK (kind IN ('cookie', 'token')),
    created_at TEXT NOT NULL,
    last_seen TEXT NOT NULL,
    revoked_at TEXT
);
CREATE INDEX sessions_user ON sessions(user_id);

CREATE TABLE buildings (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL UNIQUE
);

CREATE TABLE rooms (
    id BLOB PRIMARY KEY,
    building_id BLOB NOT NULL REFERENCES buildings(id),
    name TEXT NOT NULL,
    kind TEXT NOT NULL,
    floor INTEGER,
    custodian_id BLOB REFERENCES users(id),
    UNIQUE (building_id, name)
);
CREATE INDEX rooms_custodian ON rooms(custodian_id);

CREATE TABLE assets (
    id BLOB PRIMARY KEY,
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    model TEXT,
    asset_code TEXT NOT NULL UNIQUE,
    status TEXT NOT NULL CHECK (status IN ('in_use', 'under_repair', 'lost', 'retired')),
    room_id BLOB REFERENCES rooms(id),
    custodian_id BLOB REFERENCES users(id),
    purchase_date TEXT,
    value_fen BIGINT NOT NULL CHECK (value_fen >= 0),
    notes TEXT
);
CREATE INDEX assets_room ON assets(room_id);
CREATE INDEX assets_custodian ON assets(custodian_id);

CREATE TABLE tags (
    code TEXT PRIMARY KEY,
    room_id BLOB REFERENCES rooms(id),
    asset_id BLOB REFERENCES assets(id),
    created_at TEXT NOT NULL,
    CHECK (room_id IS NULL OR asset_id IS NULL)
);
CREATE UNIQUE INDEX tags_room ON tags(room_id) WHERE room_id IS NOT NULL;
CREATE UNIQUE INDEX tags_asset ON tags(asset_id) WHERE asset_id IS NOT NULL;

CREATE TABLE responsibilities (
    id BLOB PRIMARY KEY,
    seq INTEGER NOT NULL,
    area TEXT NOT NULL,
    item TEXT NOT NULL,
    user_id BLOB REFERENCES users(id),
    cadence TEXT
);
CREATE INDEX responsibilities_user ON responsibilities(user_id);

CREATE TABLE history (
    id BLOB PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BLOB REFERENCES users(id),
    entity TEXT NOT NULL,
    entity_id BLOB NOT NULL,
    action TEXT NOT NULL,
    before TEXT,
    after TEXT
);
CREATE INDEX history_entity ON history(entity, entity_id, id);
