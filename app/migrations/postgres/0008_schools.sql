-- Many schools on one server: every record that belongs to a school says which; a user belongs
-- to one school, or (a district admin) to none. Names and codes are unique within a school;
-- tag codes stay unique across the server, so a label scanned anywhere finds its school.
-- Rows already here belong to the school already here.

-- A server with users but no school (users added before any school): they get one.
INSERT INTO schools (id, name)
SELECT gen_random_uuid(), 'School' WHERE NOT EXISTS (SELECT 1 FROM schools) AND EXISTS (SELECT 1 FROM users);

ALTER TABLE users ADD COLUMN school_id UUID REFERENCES schools(id);
UPDATE users SET school_id = (SELECT id FROM schools ORDER BY id LIMIT 1);
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
    CHECK (role IN ('district_admin', 'admin', 'asset_manager', 'staff', 'teacher'));
ALTER TABLE users ADD CONSTRAINT users_school_check CHECK ((role = 'district_admin') = (school_id IS NULL));
CREATE INDEX users_school ON users(school_id, role, login);

DO $$
DECLARE t TEXT;
BEGIN
    FOREACH t IN ARRAY ARRAY['buildings', 'rooms', 'assets', 'tags', 'responsibilities', 'history',
        'label_stocks', 'label_jobs', 'photos', 'checklist_templates', 'inspections', 'damage_reports',
        'settings', 'compensations', 'schedules', 'sync_conflicts']
    LOOP
        EXECUTE format('ALTER TABLE %I ADD COLUMN school_id UUID REFERENCES schools(id)', t);
        EXECUTE format('UPDATE %I SET school_id = (SELECT id FROM schools ORDER BY id LIMIT 1)', t);
        -- history also keeps what the district did, which is of no school
        IF t <> 'history' THEN
            EXECUTE format('ALTER TABLE %I ALTER COLUMN school_id SET NOT NULL', t);
        END IF;
    END LOOP;
END $$;

ALTER TABLE buildings DROP CONSTRAINT buildings_name_key, ADD UNIQUE (school_id, name);
ALTER TABLE assets DROP CONSTRAINT assets_asset_code_key, ADD UNIQUE (school_id, asset_code);
ALTER TABLE label_stocks DROP CONSTRAINT label_stocks_name_key, ADD UNIQUE (school_id, name);
ALTER TABLE checklist_templates DROP CONSTRAINT checklist_templates_key_version_key,
    ADD UNIQUE (school_id, key, version);
ALTER TABLE settings DROP CONSTRAINT settings_pkey, ADD PRIMARY KEY (school_id, key);

CREATE INDEX rooms_school ON rooms(school_id, building_id);
CREATE INDEX tags_school ON tags(school_id);
CREATE INDEX responsibilities_school ON responsibilities(school_id, seq);
CREATE INDEX label_jobs_school ON label_jobs(school_id, at);
CREATE INDEX inspections_school ON inspections(school_id, inspected_at);
CREATE INDEX damage_reports_school ON damage_reports(school_id, status);
CREATE INDEX compensations_school ON compensations(school_id, semester);
CREATE INDEX schedules_school ON schedules(school_id);
CREATE INDEX sync_conflicts_school ON sync_conflicts(school_id, resolved_at);
