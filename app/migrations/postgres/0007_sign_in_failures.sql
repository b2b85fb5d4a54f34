-- Failed sign-ins in a row per account and per address, kept in the database so that every
-- server process sharing it counts them together.
CREATE TABLE sign_in_failures (
    key TEXT PRIMARY KEY,
    failures BIGINT NOT NULL,
    last_at TIMESTAMPTZ NOT NULL
);
