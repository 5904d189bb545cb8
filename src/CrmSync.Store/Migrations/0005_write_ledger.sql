-- What `crmsync writeback` has put into Salesforce. The ledger holds, per record and field, the
-- last value Salesforce confirmed (per-record success), in the form it was sent: rounded to the
-- field's scale, Percent fields as 0-100. A value is sent again only when it differs from this.

CREATE TABLE crmsync.write_ledger (
    object_name text        NOT NULL,  -- Salesforce object, e.g. Account
    record_key  text        NOT NULL,  -- the record's Id, or its external id (snapshots)
    field_name  text        NOT NULL,  -- Salesforce API name of the field
    value       text,                  -- canonical text of the value written; null = written as null
    written_at  timestamptz NOT NULL,
    write_run   bigint      NOT NULL,  -- crmsync.write_run.id
    PRIMARY KEY (object_name, record_key, field_name)
);

-- The last failure per record, until the record is written or its values change. Retryable
-- failures (lock contention, an unavailable server, a failed call) wait until next_retry_at;
-- permanent ones (a deleted record, a value the field refuses) wait for different values.
CREATE TABLE crmsync.write_error (
    object_name    text        NOT NULL,
    record_key     text        NOT NULL,
    fields         text[]      NOT NULL,  -- fields Salesforce named in the error (may be empty)
    code           text        NOT NULL,  -- e.g. UNABLE_TO_LOCK_ROW, STRING_TOO_LONG
    message        text        NOT NULL,
    retryable      boolean     NOT NULL,
    attempts       integer     NOT NULL,
    attempted      jsonb       NOT NULL,  -- field -> canonical value sent in the failed attempt
    first_failed_at timestamptz NOT NULL,
    last_failed_at timestamptz NOT NULL,
    next_retry_at  timestamptz,           -- null for permanent failures
    write_run      bigint      NOT NULL,
    PRIMARY KEY (object_name, record_key)
);

-- One row per `crmsync writeback` (or dry run).
CREATE TABLE crmsync.write_run (
    id            bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    metric_run_id bigint,                 -- the metric run whose values were written
    dry_run       boolean     NOT NULL,
    status        text        NOT NULL CHECK (status IN ('running', 'succeeded', 'failed')),
    started_at    timestamptz NOT NULL,
    finished_at   timestamptz,
    outcomes      jsonb       NOT NULL DEFAULT '{}',  -- outcome -> records (written, failed, deferred, blocked, …)
    error_codes   jsonb       NOT NULL DEFAULT '{}',  -- error code -> records
    api_calls     integer     NOT NULL DEFAULT 0,
    elapsed_ms    bigint,
    error         text
);

-- The describe of each target object as last read, so a run with nothing to send needs no API call.
CREATE TABLE crmsync.write_target_describe (
    object_name text        PRIMARY KEY,
    fields      jsonb       NOT NULL,
    fetched_at  timestamptz NOT NULL
);
