using Microsoft.Extensions.Logging;

namespace CrmSync.Metrics;

internal static partial class Log
{
    [LoggerMessage(5001, LogLevel.Information, "Metric run {RunId} started: as-of {AsOf:o}, window from {WindowStart:o}")]
    public static partial void RunStarted(ILogger logger, long runId, DateTimeOffset asOf, DateTimeOffset windowStart);

    [LoggerMessage(5002, LogLevel.Information, "Metric run {RunId} succeeded: {Accounts} accounts in {Elapsed}")]
    public static partial void RunSucceeded(ILogger logger, long runId, long accounts, TimeSpan elapsed);

    [LoggerMessage(5003, LogLevel.Error, "Metric run {RunId} failed")]
    public static partial void RunFailed(ILogger logger, long runId, Exception exception);

    [LoggerMessage(5004, LogLevel.Warning, "Metric run {RunId}: customer lifetime value is partly unavailable: {Problem}")]
    public static partial void ClvDegraded(ILogger logger, long runId, string problem);
}
