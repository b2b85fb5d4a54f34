-- Drills and safety education (附件3 安全教育行事历): the semester's drills, planned from the
-- calendar (plan_key names the calendar's entry, so a semester is planned once) or by the school,
-- and each one's record; the problems (findings) a drill found, each with the repair it opened.
CREATE TABLE drills (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    semester TEXT NOT NULL,
    plan_key TEXT,
    kind TEXT NOT NULL,
    title TEXT,
    month TEXT NOT NULL,
    held_on TEXT,
    participants INTEGER CHECK (participants > 0),
    minutes INTEGER CHECK (minutes > 0),
    summary TEXT,
    recorded_by BLOB REFERENCES users(id),
    recorded_at TEXT,
    created_at TEXT NOT NULL
);
CREATE UNIQUE INDEX drills_planned ON drills(school_id, semester, plan_key) WHERE plan_key IS NOT NULL;
CREATE INDEX drills_semester ON drills(school_id, semester, month);

CREATE TABLE drill_findings (
    id BLOB PRIMARY KEY,
    school_id BLOB NOT NULL REFERENCES schools(id),
    drill_id BLOB NOT NULL REFERENCES drills(id),
    position INTEGER NOT NULL,
    description TEXT NOT NULL,
    asset_id BLOB REFERENCES assets(id),
    room_id BLOB REFERENCES rooms(id),
    report_id BLOB REFERENCES damage_reports(id)
);
CREATE INDEX drill_findings_drill ON drill_findings(drill_id, position);
