using Microsoft.Extensions.Logging;

namespace CrmSync.Store;

internal static partial class Log
{
    [LoggerMessage(1001, LogLevel.Information, "Creating the embedded PostgreSQL cluster in {Directory} from {BinDirectory}")]
    public static partial void EmbeddedInitializing(ILogger logger, string directory, string binDirectory);

    [LoggerMessage(1002, LogLevel.Information, "The postgres OS user cannot reach {Directory}; its data lives in {Storage}, linked from there")]
    public static partial void EmbeddedRelocated(ILogger logger, string directory, string storage);

    [LoggerMessage(1003, LogLevel.Information, "Embedded PostgreSQL started on 127.0.0.1:{Port} ({Directory})")]
    public static partial void EmbeddedStarted(ILogger logger, int port, string directory);

    [LoggerMessage(1004, LogLevel.Information, "Embedded PostgreSQL stopped ({Directory})")]
    public static partial void EmbeddedStopped(ILogger logger, string directory);

    [LoggerMessage(1101, LogLevel.Information, "Applying migration {Version:0000} {Name}")]
    public static partial void ApplyingMigration(ILogger logger, int version, string name);

    [LoggerMessage(1102, LogLevel.Information, "Database schema is current: {Applied} migrations applied, {New} new")]
    public static partial void MigrationsCurrent(ILogger logger, int applied, int @new);

    [LoggerMessage(1103, LogLevel.Warning, "The database has migration {Version:0000} {Name}, which this build of CrmSync does not know (a newer version ran here?)")]
    public static partial void UnknownMigration(ILogger logger, int version, string name);

    [LoggerMessage(1201, LogLevel.Debug, "First load of {Table}: {Indexes} indexes dropped until its rows are in")]
    public static partial void FirstLoadStarted(ILogger logger, string table, int indexes);

    [LoggerMessage(1202, LogLevel.Debug, "First load of {Table}: {Rows} rows copied, rebuilding {Indexes} indexes")]
    public static partial void RebuildingIndexes(ILogger logger, string table, long rows, int indexes);

    [LoggerMessage(1203, LogLevel.Debug, "First load of {Table}: {Rows} rows committed")]
    public static partial void FirstLoadCommitted(ILogger logger, string table, long rows);

    [LoggerMessage(1204, LogLevel.Warning, "First load of {Table}: {Rows} rows had an Id already loaded; the newest version of each was kept")]
    public static partial void DuplicatesDropped(ILogger logger, string table, long rows);
}
