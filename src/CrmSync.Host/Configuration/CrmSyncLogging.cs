using Microsoft.Extensions.Logging.Console;

namespace CrmSync.Host.Configuration;

public static class CrmSyncLogging
{
    /// <summary>
    /// Console logs on standard error (standard output carries the verbs' results), levels from
    /// the <c>Logging</c> section; <c>Logging:Console:FormatterName=json</c> gives structured lines.
    /// </summary>
    public static ILoggingBuilder AddCrmSyncLogging(this ILoggingBuilder logging, IConfiguration configuration, LogLevel defaultLevel)
    {
        logging.ClearProviders();
        logging.SetMinimumLevel(defaultLevel);
        logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        logging.AddFilter("Hangfire", LogLevel.Warning);
        logging.AddFilter("Npgsql", LogLevel.Warning);
        logging.AddConfiguration(configuration.GetSection("Logging"));
        logging.AddConsole(options => options.LogToStandardErrorThreshold = LogLevel.Trace);
        // Without a formatter name the console logger falls back to its legacy options and ignores the ones below.
        logging.Services.PostConfigure<ConsoleLoggerOptions>(options => options.FormatterName ??= ConsoleFormatterNames.Simple);
        logging.Services.Configure<SimpleConsoleFormatterOptions>(options =>
        {
            options.SingleLine = true;
            options.TimestampFormat = "HH:mm:ss ";
        });
        return logging;
    }
}
