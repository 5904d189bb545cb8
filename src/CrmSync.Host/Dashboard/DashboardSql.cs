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
}
