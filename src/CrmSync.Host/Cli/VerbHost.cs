using System.CommandLine;
using CrmSync.Host.Configuration;
using CrmSync.Host.Database;
using CrmSync.Sync;
using CrmSync.Sync.Mappings;

namespace CrmSync.Host.Cli;

/// <summary>The configuration, logging and services a verb runs with (no web server).</summary>
internal static class VerbHost
{
    public static HostApplicationBuilder CreateBuilder(ParseResult parse)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(
            new HostApplicationBuilderSettings { ContentRootPath = CrmSyncConfiguration.ContentRoot });
        builder.AddCrmSyncConfiguration(GlobalOptions.SettingsFrom(parse));
        builder.Logging.AddCrmSyncLogging(builder.Configuration, LogLevel.Warning);
        return builder;
    }

    /// <summary>A host whose database is ready: the configured server, or the embedded one started now.</summary>
    public static async Task<IHost> BuildWithDatabaseAsync(ParseResult parse, CancellationToken cancellationToken, Action<IServiceCollection>? addServices = null)
    {
        var builder = CreateBuilder(parse);
        await builder.AddCrmSyncDatabaseAsync(cancellationToken);
        addServices?.Invoke(builder.Services);
        return BuildValidated(builder);
    }

    /// <summary>The mapping folder the configuration names (Sync:MappingsPath), from the repository root.</summary>
    public static string MappingsFolder(IConfiguration configuration) =>
        (configuration.GetSection(SyncOptions.Section).Get<SyncOptions>() ?? new()).MappingsFolder(CrmSyncConfiguration.ContentRoot);

    /// <summary>
    /// The mapping files of the configured folder; null after printing every error when they have
    /// errors (<paramref name="nothingDone"/> says what was therefore not done, e.g. "nothing was computed").
    /// </summary>
    public static async Task<MappingSet?> LoadValidMappingsAsync(ParseResult parse, string nothingDone)
    {
        var mappings = MappingLoader.LoadFolder(MappingsFolder(CreateBuilder(parse).Configuration));
        if (!mappings.HasErrors)
        {
            return mappings;
        }

        await parse.InvocationConfiguration.Error.WriteLineAsync($"The mapping files have errors; {nothingDone}:" + Environment.NewLine +
            string.Join(Environment.NewLine, mappings.Problems.Where(p => p.Severity == ProblemSeverity.Error)));
        return null;
    }

    public static IHost BuildValidated(HostApplicationBuilder builder)
    {
        var host = builder.Build();
        host.Services.ValidateOptionsNow();
        return host;
    }
}
