using Microsoft.Extensions.Logging;

namespace CrmSync.Salesforce.Bulk;

internal static partial class BulkLog
{
    [LoggerMessage(5201, LogLevel.Information, "Created Bulk {Operation} job {JobId} on {Object}")]
    public static partial void Created(ILogger logger, string jobId, string? operation, string? @object);

    [LoggerMessage(5202, LogLevel.Debug, "Bulk job {JobId} is {State} ({Processed} records processed)")]
    public static partial void Polled(ILogger logger, string jobId, string state, long processed);

    [LoggerMessage(5203, LogLevel.Information, "Bulk job {JobId} completed: {Processed} records in {Elapsed}")]
    public static partial void Completed(ILogger logger, string jobId, long processed, TimeSpan elapsed);

    [LoggerMessage(5204, LogLevel.Debug, "Bulk job {JobId}: result page of {Records} records, next locator {Locator}")]
    public static partial void ResultPage(ILogger logger, string jobId, string? records, string? locator);

    [LoggerMessage(5205, LogLevel.Warning, "Aborting Bulk job {JobId} because its reader stopped before the job finished")]
    public static partial void Aborting(ILogger logger, string jobId);

    [LoggerMessage(5206, LogLevel.Warning, "Could not abort Bulk job {JobId}: {ErrorCode}")]
    public static partial void AbortFailed(ILogger logger, string jobId, string errorCode);
}
