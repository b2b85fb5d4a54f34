-- Label printing: custom stocks saved by name, and the print log (which tags were printed,
-- when, by whom, in which job).
CREATE TABLE label_stocks (
    id BLOB PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- lengths in hundredths of a millimetre
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
    updated_at TEXT NOT NULL
);

CREATE TABLE label_jobs (
    id BLOB PRIMARY KEY,
    at TEXT NOT NULL,
    actor_id BLOB REFERENCES users(id),
    stock TEXT NOT NULL,
    skip INTEGER NOT NULL,
    labels INTEGER NOT NULL,
    -- the job as asked (JSON), to reprint the same selection
    request TEXT NOT NULL
);

CREATE TABLE label_prints (
    job_id BLOB NOT NULL REFERENCES label_jobs(id),
    seq INTEGER NOT NULL,
    tag_code TEXT NOT NULL REFERENCES tags(code),
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX label_prints_tag ON label_prints(tag_code);
