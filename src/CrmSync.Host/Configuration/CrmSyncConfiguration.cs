using Microsoft.Extensions.Options;

namespace CrmSync.Host.Configuration;

/// <summary>
/// One configuration order for every verb and the server: appsettings.json, user secrets,
/// <c>CRMSYNC_</c> environment variables, the chosen org's section (<see cref="OrgSelection"/>), then values
/// given on the command line.
/// </summary>
public static class CrmSyncConfiguration
{
    public const string EnvironmentPrefix = "CRMSYNC_";

    /// <summary>Set by the <c>./crmsync</c> wrapper to the repository root, so appsettings.json and .crmsync/ are found from any folder.</summary>
    public const string ContentRootVariable = "CRMSYNC_CONTENT_ROOT";

    public static string ContentRoot =>
        Environment.GetEnvironmentVariable(ContentRootVariable) is { Length: > 0 } root ? root : Directory.GetCurrentDirectory();

    public static IHostApplicationBuilder AddCrmSyncConfiguration(
        this IHostApplicationBuilder builder, IEnumerable<KeyValuePair<string, string?>> commandLineValues)
    {
        var configuration = builder.Configuration;
        var commandLine = commandLineValues.ToList();
        configuration.Sources.Clear();
        configuration.SetBasePath(builder.Environment.ContentRootPath)
            .AddJsonFile("appsettings.json", optional: true, reloadOnChange: false)
            .AddJsonFile($"appsettings.{builder.Environment.EnvironmentName}.json", optional: true, reloadOnChange: false)
            .AddUserSecrets(typeof(CrmSyncConfiguration).Assembly, optional: true)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .AddInMemoryCollection(commandLine);

        // The chosen org's section lies between the shared values and the command line.
        var org = OrgSelection.Overlay(configuration, commandLine);
        if (org.Count > 0)
        {
            configuration.Sources.Insert(configuration.Sources.Count - 1, new Microsoft.Extensions.Configuration.Memory.MemoryConfigurationSource { InitialData = org });
        }

        return builder;
    }

    /// <summary>
    /// Runs every <c>ValidateOnStart</c> validator now. Hangfire resolves its storage while the
    /// dashboard is mapped, before the host would validate, so a bad value must be caught first
    /// to be reported by its key.
    /// </summary>
    public static void ValidateOptionsNow(this IServiceProvider services) =>
        services.GetRequiredService<IStartupValidator>().Validate();
}
