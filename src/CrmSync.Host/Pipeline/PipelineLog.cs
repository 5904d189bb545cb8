namespace CrmSync.Host.Pipeline;

internal static partial class PipelineLog
{
    [LoggerMessage(2101, LogLevel.Information, "Pipeline {RunId} started by {Trigger} (as-of {AsOf:u}, {Owner})")]
    public static partial void Started(ILogger logger, long runId, string trigger, DateTimeOffset asOf, string owner);

    [LoggerMessage(2102, LogLevel.Information, "Pipeline {RunId} is still running; resuming it ({Reset} step(s) handed out again)")]
    public static partial void Resumed(ILogger logger, long runId, int reset);

    [LoggerMessage(2103, LogLevel.Information, "Pipeline {RunId}: {Step} started (attempt {Attempt})")]
    public static partial void StepStarted(ILogger logger, long runId, string step, int attempt);

    [LoggerMessage(2104, LogLevel.Information, "Pipeline {RunId}: {Step} done: {Summary}")]
    public static partial void StepFinished(ILogger logger, long runId, string step, string summary);

    [LoggerMessage(2105, LogLevel.Warning, "Pipeline {RunId}: {Step} failed (attempt {Attempt})")]
    public static partial void StepFailed(ILogger logger, long runId, string step, int attempt, Exception exception);

    [LoggerMessage(2106, LogLevel.Debug, "Pipeline {RunId}: {Step} was already done")]
    public static partial void StepAlreadyDone(ILogger logger, long runId, string step);

    [LoggerMessage(2107, LogLevel.Error, "Pipeline {RunId} failed: {Step}: {Reason}")]
    public static partial void RunFailed(ILogger logger, long runId, string step, string reason);

    [LoggerMessage(2108, LogLevel.Information, "Pipeline {RunId} finished")]
    public static partial void Finished(ILogger logger, long runId);

    [LoggerMessage(2109, LogLevel.Information, "A foreground pipeline ({RunId}, crmsync run) is in progress; the server leaves it alone")]
    public static partial void ForegroundBusy(ILogger logger, long runId);

    [LoggerMessage(2110, LogLevel.Information, "Pipeline {RunId}: {Step} handed to job {JobId} (queue {Queue})")]
    public static partial void Enqueued(ILogger logger, long runId, string step, string jobId, string queue);

    [LoggerMessage(2111, LogLevel.Information, "Scheduled the pipeline ({Cron}, queue {Queue})")]
    public static partial void Scheduled(ILogger logger, string cron, string queue);
}
