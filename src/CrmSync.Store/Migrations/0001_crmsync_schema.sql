-- CrmSync keeps its own tables in the "crmsync" schema; Hangfire keeps its tables in "hangfire".
-- Later migrations add the synced Salesforce objects (sf_*), watermarks, metric runs and the
-- write-back ledger to this schema.
CREATE SCHEMA IF NOT EXISTS crmsync;

COMMENT ON SCHEMA crmsync IS 'CrmSync: synced Salesforce records, KPI runs and write-back ledger';
