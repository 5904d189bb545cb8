namespace CrmSync.Host.Dashboard;

/// <summary>Every query of the CrmSync dashboard page.</summary>
internal static class DashboardSql
{
    public const string SyncStates = """
        SELECT source, object_name, last_success_at, rows_stored, watermark, full_pull_complete
        FROM crmsync.sync_state
        ORDER BY source
        """;

    public const string LastMetricRun = """
        SELECT id, as_of, status, started_at, finished_at, timings::text, error
        FROM crmsync.metric_run
        ORDER BY id DESC
        LIMIT 1
        """;

    public const string MetricQuality = """
        SELECT metric, configured, records_used, records_skipped, reasons::text
        FROM crmsync.metric_quality
        WHERE run_id = $1
        ORDER BY metric
        """;

    public const string WriteRuns = """
        SELECT id, metric_run_id, dry_run, status, started_at, elapsed_ms, api_calls, outcomes::text, error_codes::text, error
        FROM crmsync.write_run
        ORDER BY id DESC
        LIMIT 5
        """;

    public const string WriteErrors = """
        SELECT object_name, record_key, array_to_string(fields, ', '), code, message, retryable, attempts, last_failed_at, next_retry_at,
               count(*) OVER () AS total
        FROM crmsync.write_error
        ORDER BY last_failed_at DESC, object_name, record_key
        LIMIT 50
        """;

    public const string PipelineRuns = """
        SELECT id, trigger, as_of, status, started_at, finished_at, error
        FROM crmsync.pipeline_run
        ORDER BY id DESC
        LIMIT 10
        """;

    public const string PipelineSteps = """
        SELECT step, status, attempts, job_id, started_at, finished_at, summary, error
        FROM crmsync.pipeline_step
        WHERE run_id = $1
        ORDER BY position
        """;
}
