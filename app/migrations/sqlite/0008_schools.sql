-- Many schools on one server: every record that belongs to a school says which; a user belongs
-- to one school, or (a district admin) to none. Names and codes are unique within a school;
-- tag codes stay unique across the server, so a label scanned anywhere finds its school.
-- Rows already here belong to the school already here. SQLite cannot change a table's
-- constraints in place, so the tables whose uniqueness changes are rebuilt; migrations run on
-- a connection with foreign keys off (SQLite's way to rebuild a table), and the keys are
-- checked once they have run.

-- A server with users but no school (users added before any school): they get one.
INSERT INTO schools (id, name)
SELECT randomblob(16), 'School' WHERE NOT EXISTS (SELECT 1 FROM schools) AND EXISTS (SELECT 1 FROM users);
CREATE TEMP TABLE first_school AS SELECT id FROM schools ORDER BY id LIMIT 1;

CREATE TABLE new_users (
    id BLOB PRIMARY KEY,
    -- none for the district's admins
    school_id BLOB REFERENCES schools(id),
    login TEXT NOT NULL UNIQUE,
    display_name TEXT NOT NULL,
    role TEXT NOT NULL CHECK (role IN ('district_admin', 'admin', 'asset_manager', 'staff', 'teacher')),
    password_hash TEXT NOT NULL,
    active INTEGER NOT NULL DEFAULT 1,
    lang TEXT,
    created_at TEXT NOT NULL,
    CHECK ((role = 'district_admin') = (school_id IS NULL))
);
INSERT INTO new_users (id, school_id, login, display_name, role, password_hash, active, lang, created_at)
SELECT id, (SELECT id FROM first_school), login, display_name, role, password_hash, active, lang, created_at FROM users;
DROP TABLE users;
ALTER TABLE new_users RENAME TO users;
CREATE INDEX users_school ON users(school_id, role, login);

CREATE TABLE new_buildings (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    UNIQUE (school_id, name)
);
INSERT INTO new_buildings (id, school_id, name) SELECT id, (SELECT id FROM first_school), name FROM buildings;
DROP TABLE buildings;
ALTER TABLE new_buildings RENAME TO buildings;

CREATE TABLE new_assets (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    category TEXT NOT NULL,
    name TEXT NOT NULL,
    model TEXT,
    asset_code TEXT NOT NULL,
    status TEXT NOT NULL CHECK (status IN ('in_use', 'under_repair', 'lost', 'retired')),
    room_id BLOB REFERENCES rooms(id),
    custodian_id BLOB REFERENCES users(id),
    purchase_date TEXT,
    value_fen BIGINT NOT NULL CHECK (value_fen >= 0),
    notes TEXT,
    UNIQUE (school_id, asset_code)
);
INSERT INTO new_assets (id, school_id, category, name, model, asset_code, status, room_id, custodian_id, purchase_date, value_fen, notes)
SELECT id, (SELECT id FROM first_school), category, name, model, asset_code, status, room_id, custodian_id, purchase_date, value_fen, notes FROM assets;
DROP TABLE assets;
ALTER TABLE new_assets RENAME TO assets;
CREATE INDEX assets_room ON assets(room_id);
CREATE INDEX assets_custodian ON assets(custodian_id);

CREATE TABLE new_label_stocks (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    page_width INTEGER NOT NULL,
    page_height INTEGER NOT NULL,
    columns INTEGER NOT NULL,
    rows INTEGER NOT NULL,
    margin_left INTEGER NOT NULL,
    margin_top INTEGER NOT NULL,
    gap_x INTEGER NOT NULL,
    gap_y INTEGER NOT NULL,
    label_width INTEGER NOT NULL,
    label_height INTEGER NOT NULL,
    updated_at TEXT NOT NULL,
    UNIQUE (school_id, name)
);
INSERT INTO new_label_stocks (id, school_id, name, page_width, page_height, columns, rows, margin_left, margin_top, gap_x, gap_y, label_width, label_height, updated_at)
SELECT id, (SELECT id FROM first_school), name, page_width, page_height, columns, rows, margin_left, margin_top, gap_x, gap_y, label_width, label_height, updated_at FROM label_stocks;
DROP TABLE label_stocks;
ALTER TABLE new_label_stocks RENAME TO label_stocks;

CREATE TABLE new_checklist_templates (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    key TEXT NOT NULL,
    version INTEGER NOT NULL,
    name TEXT NOT NULL,
    categories TEXT NOT NULL,
    room_kinds TEXT NOT NULL,
    items TEXT NOT NULL,
    is_current INTEGER NOT NULL,
    created_at TEXT NOT NULL,
    created_by BLOB REFERENCES users(id),
    UNIQUE (school_id, key, version)
);
INSERT INTO new_checklist_templates (id, school_id, key, version, name, categories, room_kinds, items, is_current, created_at, created_by)
SELECT id, (SELECT id FROM first_school), key, version, name, categories, room_kinds, items, is_current, created_at, created_by FROM checklist_templates;
DROP TABLE checklist_templates;
ALTER TABLE new_checklist_templates RENAME TO checklist_templates;

CREATE TABLE new_settings (
    school_id BLOB NOT NULL REFERENCES schools(id),
    key TEXT NOT NULL,
    value TEXT NOT NULL,
    PRIMARY KEY (school_id, key)
);
INSERT INTO new_settings (school_id, key, value) SELECT (SELECT id FROM first_school), key, value FROM settings;
DROP TABLE settings;
ALTER TABLE new_settings RENAME TO settings;

-- The other tables only gain their school.
ALTER TABLE rooms ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE tags ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE responsibilities ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE history ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE label_jobs ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE photos ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE inspections ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE damage_reports ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE compensations ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE schedules ADD COLUMN school_id BLOB REFERENCES schools(id);
ALTER TABLE sync_conflicts ADD COLUMN school_id BLOB REFERENCES schools(id);
UPDATE rooms SET school_id = (SELECT id FROM first_school);
UPDATE tags SET school_id = (SELECT id FROM first_school);
UPDATE responsibilities SET school_id = (SELECT id FROM first_school);
UPDATE history SET school_id = (SELECT id FROM first_school);
UPDATE label_jobs SET school_id = (SELECT id FROM first_school);
UPDATE photos SET school_id = (SELECT id FROM first_school);
UPDATE inspections SET school_id = (SELECT id FROM first_school);
UPDATE damage_reports SET school_id = (SELECT id FROM first_school);
UPDATE compensations SET school_id = (SELECT id FROM first_school);
UPDATE schedules SET school_id = (SELECT id FROM first_school);
UPDATE sync_conflicts SET school_id = (SELECT id FROM first_school);
CREATE INDEX rooms_school ON rooms(school_id, building_id);
CREATE INDEX tags_school ON tags(school_id);
CREATE INDEX responsibilities_school ON responsibilities(school_id, seq);
CREATE INDEX label_jobs_school ON label_jobs(school_id, at);
CREATE INDEX inspections_school ON inspections(school_id, inspected_at);
CREATE INDEX damage_reports_school ON damage_reports(school_id, status);
CREATE INDEX compensations_school ON compensations(school_id, semester);
CREATE INDEX schedules_school ON schedules(school_id);
CREATE INDEX sync_conflicts_school ON sync_conflicts(school_id, resolved_at);

DROP TABLE first_school;
