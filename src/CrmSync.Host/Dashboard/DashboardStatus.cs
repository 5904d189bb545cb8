using CrmSync.Salesforce.Limits;

namespace CrmSync.Host.Dashboard;

/// <summary>What the CrmSync page shows, read at once by <see cref="DashboardStatusReader"/>.</summary>
internal sealed record DashboardStatus(
    IReadOnlyList<ObjectStatus> Objects,
    ApiBudgetSnapshot? Budget,
    MetricRunStatus? LastRun,
    WriteBackStatus WriteBack,
    PipelineView Pipeline,
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

/// <summary>The newest write runs (<c>crmsync.write_run</c>) and the records still failing (<c>crmsync.write_error</c>), newest first.</summary>
internal sealed record WriteBackStatus(IReadOnlyList<WriteRunRow> Runs, IReadOnlyList<WriteErrorRow> Errors, long ErrorCount);

internal sealed record WriteRunRow(
    long Id, long? MetricRunId, bool DryRun, string Status, DateTimeOffset StartedAt, long? ElapsedMs, int ApiCalls,
    IReadOnlyList<KeyValuePair<string, long>> Outcomes, IReadOnlyList<KeyValuePair<string, long>> ErrorCodes, string? Error);

internal sealed record WriteErrorRow(
    string ObjectName, string Record, string Fields, string Code, string Message, bool Retryable, int Attempts, DateTimeOffset LastFailedAt, DateTimeOffset? NextRetryAt);

/// <summary>Whether the pipeline can be triggered here, its newest runs, and the steps of the newest one.</summary>
internal sealed record PipelineView(bool Scheduled, IReadOnlyList<PipelineRunRow> Runs, IReadOnlyList<PipelineStepRow> Steps);

internal sealed record PipelineRunRow(long Id, string Trigger, DateTimeOffset AsOf, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt, string? Error);

internal sealed record PipelineStepRow(string Step, string Status, int Attempts, string? JobId, DateTimeOffset? StartedAt, DateTimeOffset? FinishedAt, string? Summary, string? Error);
