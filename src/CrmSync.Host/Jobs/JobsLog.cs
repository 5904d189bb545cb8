namespace CrmSync.Host.Jobs;

internal static partial class JobsLog
{
    [LoggerMessage(2001, LogLevel.Warning, "Sync of {Source} stopped by the API budget: {Reason}")]
    public static partial void BudgetStop(ILogger logger, string source, string reason);

    [LoggerMessage(2002, LogLevel.Information, "Scheduled sync of {Source} ({Cron}, queue {Queue})")]
    public static partial void Scheduled(ILogger logger, string source, string cron, string queue);

    [LoggerMessage(2003, LogLevel.Warning, "Salesforce is not configured (no Salesforce section): no sync jobs are scheduled")]
    public static partial void NoSalesforce(ILogger logger);

    [LoggerMessage(2004, LogLevel.Error, "The mapping files have errors; no sync jobs are scheduled: {Problems}")]
    public static partial void MappingsInvalid(ILogger logger, string problems);
}
