-- The logical fields a source's mapping feeds but the org lacked at its last pull (deleted, or hidden from the
-- integration user). Compute treats the metrics that need them as not configured until they are back.

ALTER TABLE crmsync.sync_state ADD COLUMN missing_fields text[] NOT NULL DEFAULT '{}';
