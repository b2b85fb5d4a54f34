-- Label printing: custom stocks saved by name, and the print log (which tags were printed,
-- when, by whom, in which job).
CREATE TABLE label_stocks (
    id UUID PRIMARY KEY,
    name TEXT NOT NULL UNIQUE,
    -- lengths in hundredths of a millimetre
    page_width BIGINT NOT NULL,
    page_height BIGINT NOT NULL,
    columns BIGINT NOT NULL,
    rows BIGINT NOT NULL,
    margin_left BIGINT NOT NULL,
    margin_top BIGINT NOT NULL,
    gap_x BIGINT NOT NULL,
    gap_y BIGINT NOT NULL,
    label_width BIGINT NOT NULL,
    label_height BIGINT NOT NULL,
    updated_at TIMESTAMPTZ NOT NULL
);

CREATE TABLE label_jobs (
    id UUID PRIMARY KEY,
    at TIMESTAMPTZ NOT NULL,
    actor_id UUID REFERENCES users(id),
    stock TEXT NOT NULL,
    skip BIGINT NOT NULL,
    labels BIGINT NOT NULL,
    -- the job as asked (JSON), to reprint the same selection
    request JSONB NOT NULL
);

CREATE TABLE label_prints (
    job_id UUID NOT NULL REFERENCES label_jobs(id),
    seq BIGINT NOT NULL,
    tag_code TEXT NOT NULL REFERENCES tags(code),
    PRIMARY KEY (job_id, seq)
);
CREATE INDEX label_prints_tag ON label_prints(tag_code);
