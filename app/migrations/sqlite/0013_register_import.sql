-- Bringing a school's register in from Excel. The asset card (资产卡片) keeps what the register
-- says beyond our own fields: the national classification code (GB/T 14885) as given, brand,
-- unit, quantity (a batch record counts more than one), the department, the 使用人 as written
-- when no user has that name, the financial booking date and voucher number.
ALTER TABLE assets ADD COLUMN class_code TEXT;
ALTER TABLE assets ADD COLUMN brand TEXT;
ALTER TABLE assets ADD COLUMN unit TEXT;
ALTER TABLE assets ADD COLUMN quantity INTEGER NOT NULL DEFAULT 1 CHECK (quantity >= 1);
ALTER TABLE assets ADD COLUMN department TEXT;
ALTER TABLE assets ADD COLUMN keeper TEXT;
ALTER TABLE assets ADD COLUMN booked_on TEXT;
ALTER TABLE assets ADD COLUMN voucher TEXT;

-- A manager's corrections to the column mapping, kept by name for next year's file:
-- JSON {"header as the file writes it": "column" or null for ignored}.
CREATE TABLE import_profiles (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    name TEXT NOT NULL,
    mapping TEXT NOT NULL,
    saved_by BLOB NOT NULL REFERENCES users(id),
    saved_at TEXT NOT NULL,
    UNIQUE (school_id, name)
);

-- Every committed import: who, when, which file (its SHA-256) and what it did.
CREATE TABLE register_imports (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    file_name TEXT NOT NULL,
    sha256 TEXT NOT NULL,
    quantities TEXT NOT NULL CHECK (quantities IN ('each', 'batch')),
    imported_by BLOB NOT NULL REFERENCES users(id),
    imported_at TEXT NOT NULL,
    row_count INTEGER NOT NULL,
    created_buildings INTEGER NOT NULL,
    created_rooms INTEGER NOT NULL,
    created_assets INTEGER NOT NULL,
    changed_assets INTEGER NOT NULL,
    unchanged_assets INTEGER NOT NULL
);
CREATE INDEX register_imports_school ON register_imports(school_id, imported_at);
CREATE INDEX register_imports_file ON register_imports(school_id, sha256);
