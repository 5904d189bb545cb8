using Microsoft.Extensions.Logging;

namespace CrmSync.WriteBack;

internal static partial class Log
{
    [LoggerMessage(9001, LogLevel.Information, "Write-back {WriteRun} started for metric run {MetricRun} (dry run: {DryRun})")]
    public static partial void RunStarted(ILogger logger, long writeRun, long metricRun, bool dryRun);

    [LoggerMessage(9002, LogLevel.Information, "Write-back {WriteRun} finished: {Written} records written, {Failed} failed, {Calls} API calls in {Elapsed}")]
    public static partial void RunFinished(ILogger logger, long writeRun, int written, int failed, long calls, TimeSpan elapsed);

    [LoggerMessage(9003, LogLevel.Warning, "{Problem}")]
    public static partial void TargetProblem(ILogger logger, string problem);

    [LoggerMessage(9004, LogLevel.Information, "The describe of {Object} changed since it was stored; values are compared again with the new one")]
    public static partial void DescribeChanged(ILogger logger, string @object);

    [LoggerMessage(9005, LogLevel.Information, "Sending {Records} changed {Object} records by {Transport}")]
    public static partial void Sending(ILogger logger, int records, string @object, string transport);

    [LoggerMessage(9006, LogLevel.Information, "Recorded answers for {Records} {Object} records ({Written} written)")]
    public static partial void Answered(ILogger logger, int records, string @object, int written);
}
