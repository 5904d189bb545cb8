using Microsoft.Extensions.Logging;

namespace CrmSync.Sync;

internal static partial class Log
{
    [LoggerMessage(3001, LogLevel.Information, "Pulled {Source}: {Rows} rows read, {Inserted} new, {Updated} changed, {Deleted} deleted via {Transport} in {Elapsed}")]
    public static partial void Pulled(ILogger logger, string source, long rows, long inserted, long updated, long deleted, string transport, TimeSpan elapsed);

    [LoggerMessage(3002, LogLevel.Warning, "{Problem}")]
    public static partial void FieldGone(ILogger logger, string problem);
}
