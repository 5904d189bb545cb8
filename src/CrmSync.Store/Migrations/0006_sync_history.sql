-- One row per pull of one source, by whichever process ran it: when it started and ended, what it
-- read and changed, and how it ended. Lets an operator (and the two-server test) see which server
-- pulled what, and that no source was pulled by two at once.

CREATE TABLE crmsync.sync_history (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    source      text        NOT NULL,
    process     text        NOT NULL,  -- host:pid of the process that pulled
    started_at  timestamptz NOT NULL,
    finished_at timestamptz NOT NULL,
    outcome     text        NOT NULL CHECK (outcome IN ('succeeded', 'failed')),
    full_pull   boolean,
    transport   text,
    rows_read   bigint,
    inserted    bigint,
    updated     bigint,
    deleted     bigint,
    error       text
);

CREATE INDEX sync_history_source_started ON crmsync.sync_history (source, started_at DESC);
