using CrmSync.Salesforce.Limits;

namespace CrmSync.Host.Dashboard;

/// <summary>What the CrmSync page shows, read at once by <see cref="DashboardStatusReader"/>.</summary>
internal sealed record DashboardStatus(
    IReadOnlyList<ObjectStatus> Objects,
    ApiBudgetSnapshot? Budget,
    MetricRunStatus? LastRun,
    WriteBackStatus? WriteBack,
    DateTimeOffset ReadAt);

/// <summary>One source: its <c>crmsync.sync_state</c> row (null fields before its first pull) and its recurring job.</summary>
internal sealed record ObjectStatus(
    string Source,
    string? ObjectName,
    DateTimeOffset? LastSuccessAt,
    long? RowsStored,
    DateTimeOffset? Watermark,
    bool FullPullComplete,
    DateTime? NextRun,
    string? Cron,
    string? LastJobState);

/// <summary>The newest <c>crmsync.metric_run</c>, with its step timings (milliseconds) and <c>metric_quality</c> rows.</summary>
internal sealed record MetricRunStatus(
    long Id,
    DateTimeOffset AsOf,
    string Status,
    DateTimeOffset StartedAt,
    DateTimeOffset? FinishedAt,
    IReadOnlyList<KeyValuePair<string, double>> Timings,
    string? Error,
    IReadOnlyList<QualityRow> Quality);

internal sealed record QualityRow(string Metric, bool Configured, long RecordsUsed, long RecordsSkipped, IReadOnlyList<KeyValuePair<string, long>> Reasons);

/// <summary>
/// WRITE-BACK: the place for write-back results (last write run, records and fields written, the error table).
/// Nothing fills it yet; <see cref="DashboardStatusReader"/> returns null and the page says so.
/// </summary>
internal sealed record WriteBackStatus;
