-- Drills and safety education (附件3 安全教育行事历): the semester's drills, planned from the
-- calendar (plan_key names the calendar's entry, so a semester is planned once) or by the school,
-- and each one's record; the problems (findings) a drill found, each with the repair it opened.
CREATE TABLE drills (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    semester TEXT NOT NULL,
    plan_key TEXT,
    kind TEXT NOT NULL,
    title TEXT,
    month TEXT NOT NULL,
    held_on TEXT,
    participants BIGINT CHECK (participants > 0),
    minutes BIGINT CHECK (minutes > 0),
    summary TEXT,
    recorded_by UUID REFERENCES users(id),
    recorded_at TIMESTAMPTZ,
    created_at TIMESTAMPTZ NOT NULL
);
CREATE UNIQUE INDEX drills_planned ON drills(school_id, semester, plan_key) WHERE plan_key IS NOT NULL;
CREATE INDEX drills_semester ON drills(school_id, semester, month);

CREATE TABLE drill_findings (
    id UUID PRIMARY KEY,
    school_id UUID NOT NULL REFERENCES schools(id),
    drill_id UUID NOT NULL REFERENCES drills(id),
    position BIGINT NOT NULL,
    description TEXT NOT NULL,
    asset_id UUID REFERENCES assets(id),
    room_id UUID REFERENCES rooms(id),
    report_id UUID REFERENCES damage_reports(id)
);
CREATE INDEX drill_findings_drill ON drill_findings(drill_id, position);
