-- Pipeline runs: sync every mapped source, then compute, then write back. Started by the
-- server's schedule, the dashboard's button, `crmsync run` or `crmsync demo`; each step is
-- recorded so a run interrupted anywhere resumes at the step it had not finished.
-- (This migration landed after 0005, whose tables it does not touch.)

CREATE TABLE crmsync.pipeline_run (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    trigger     text        NOT NULL,  -- schedule, dashboard, cli, demo
    owner       text        NOT NULL CHECK (owner IN ('server', 'cli')),  -- who drives its steps: Hangfire jobs, or a foreground process
    as_of       timestamptz NOT NULL,  -- the instant the metrics describe
    dry_run     boolean     NOT NULL,  -- write-back only compares
    status      text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at  timestamptz NOT NULL,
    finished_at timestamptz,
    error       text
);

-- One pipeline at a time per database, whichever process starts it.
CREATE UNIQUE INDEX pipeline_run_one_running ON crmsync.pipeline_run ((true)) WHERE status = 'running';

CREATE TABLE crmsync.pipeline_step (
    run_id      bigint      NOT NULL REFERENCES crmsync.pipeline_run (id) ON DELETE CASCADE,
    step        text        NOT NULL,  -- sync:<source>, compute, writeback
    position    integer     NOT NULL,  -- display order
    status      text        NOT NULL CHECK (status IN ('pending', 'enqueued', 'running', 'succeeded', 'skipped', 'failed')),
    job_id      text,                  -- the Hangfire job running it (server-driven runs)
    started_at  timestamptz,
    finished_at timestamptz,
    attempts    integer     NOT NULL DEFAULT 0,
    summary     text,                  -- one line for people, e.g. "Opportunity: 1,204 read, 12 new, 3 changed"
    detail      jsonb       NOT NULL DEFAULT '{}',  -- the step's figures (rows, changes, metric_run_id, write_run_id, …)
    error       text,
    PRIMARY KEY (run_id, step)
);
