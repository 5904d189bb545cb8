namespace CrmSync.Salesforce.Bulk;

/// <summary>
/// A Bulk API 2.0 job as Salesforce describes it
/// (https://developer.salesforce.com/docs/atlas.en-us.api_asynch.meta/api_asynch/query_get_one_job.htm).
/// </summary>
public sealed record BulkJobInfo(string Id, string? Operation, string? Object, string State)
{
    public string? ErrorMessage { get; init; }

    public long? NumberRecordsProcessed { get; init; }

    public long? NumberRecordsFailed { get; init; }

    public int? Retries { get; init; }

    public long? TotalProcessingTime { get; init; }

    public double? ApiVersion { get; init; }

    public string? ContentType { get; init; }

    public string? ExternalIdFieldName { get; init; }

    public DateTimeOffset? CreatedDate { get; init; }

    public bool IsFinished => State is BulkJobStates.JobComplete or BulkJobStates.Failed or BulkJobStates.Aborted;
}

public static class BulkJobStates
{
    public const string Open = "Open";
    public const string UploadComplete = "UploadComplete";
    public const string InProgress = "InProgress";
    public const string JobComplete = "JobComplete";
    public const string Failed = "Failed";
    public const string Aborted = "Aborted";
}

/// <summary><c>POST /jobs/query</c> body; <see cref="Operation"/> is <c>query</c> or <c>queryAll</c>.</summary>
public sealed record BulkQueryJobRequest(string Operation, string Query)
{
    public string ContentType { get; init; } = "CSV";

    public string ColumnDelimiter { get; init; } = "COMMA";

    public string LineEnding { get; init; } = "LF";
}

/// <summary>What a Bulk ingest job does with its CSV rows.</summary>
public enum BulkIngestOperation
{
    Insert,
    Update,
    Upsert,
    Delete,
    HardDelete,
}

/// <summary><c>POST /jobs/ingest</c> body.</summary>
public sealed record BulkIngestJobRequest(string Object, string Operation)
{
    public string? ExternalIdFieldName { get; init; }

    public string ContentType { get; init; } = "CSV";

    public string ColumnDelimiter { get; init; } = "COMMA";

    public string LineEnding { get; init; } = "LF";

    public static BulkIngestJobRequest For(string objectName, BulkIngestOperation operation, string? externalIdFieldName = null) =>
        new(objectName, operation == BulkIngestOperation.HardDelete ? "hardDelete" : operation.ToString().ToLowerInvariant())
        {
            ExternalIdFieldName = externalIdFieldName,
        };
}

/// <summary><c>PATCH /jobs/{query|ingest}/{id}</c> body.</summary>
public sealed record BulkJobStateChange(string State);

/// <summary>
/// The end of an ingest job: <c>sf__Id</c>/<c>sf__Created</c> columns in <see cref="Successful"/>,
/// <c>sf__Id</c>/<c>sf__Error</c> in <see cref="Failed"/>, and the rows Salesforce never got to in <see cref="Unprocessed"/>.
/// </summary>
public sealed record BulkIngestResult(
    BulkJobInfo Job,
    IReadOnlyList<BulkRecord> Successful,
    IReadOnlyList<BulkRecord> Failed,
    IReadOnlyList<BulkRecord> Unprocessed);
