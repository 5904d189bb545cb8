namespace CrmSync.WriteBack;

/// <summary>How results are written back to Salesforce (section <c>WriteBack</c>); checked by <see cref="WriteBackOptionsValidator"/>.</summary>
public sealed class WriteBackOptions
{
    public const string Section = "WriteBack";

    /// <summary>
    /// Above this many changed records of one object, Bulk API 2.0 ingest is used instead of
    /// sObject Collections (200 records a call). Bulk costs about 6 calls a job whatever its size.
    /// </summary>
    public int BulkThresholdRecords { get; set; } = 2_000;

    /// <summary>Collection calls in flight at once (the client's Salesforce:MaxConcurrency caps them too).</summary>
    public int ParallelCalls { get; set; } = 4;

    /// <summary>Wait before the first retry of a record that failed for a reason retrying can fix; doubles per attempt.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The longest wait between two retries of one record.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(6);
}
