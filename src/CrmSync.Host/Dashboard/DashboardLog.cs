namespace CrmSync.Host.Dashboard;

internal static partial class DashboardLog
{
    [LoggerMessage(7001, LogLevel.Debug, "Dashboard request from {Remote} refused: {Reason}")]
    public static partial void RemoteRefused(ILogger logger, string remote, string reason);

    [LoggerMessage(7002, LogLevel.Information, "Sync of every object triggered from the dashboard: {Jobs}")]
    public static partial void SyncAllTriggered(ILogger logger, string jobs);

    [LoggerMessage(7003, LogLevel.Information, "Pipeline run requested from the dashboard")]
    public static partial void PipelineTriggered(ILogger logger);
}
