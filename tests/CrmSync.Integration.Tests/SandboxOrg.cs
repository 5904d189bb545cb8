using CrmSync.Salesforce;
using CrmSync.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.Integration.Tests;

/// <summary>
/// The production client, wired by <c>AddSalesforce()</c> exactly as the host does, pointed at a freshly started
/// sandbox with its default login (only the login URL and credentials differ from a real org).
/// </summary>
public sealed class SandboxOrg : IAsyncDisposable
{
    private readonly SandboxServer _sandbox;
    private readonly ServiceProvider _services;

    private SandboxOrg(SandboxServer sandbox, ServiceProvider services)
    {
        _sandbox = sandbox;
        _services = services;
    }

    public Uri BaseUri => _sandbox.BaseUri;

    public static async Task<SandboxOrg> StartAsync(SandboxSettings settings, Dictionary<string, string?>? overrides = null)
    {
        var sandbox = await SandboxServer.StartAsync(settings);
        var configuration = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = sandbox.BaseUri.ToString(),
            ["Salesforce:ApiVersion"] = "62.0",
            ["Salesforce:AuthFlow"] = "password",
            ["Salesforce:ClientId"] = settings.ClientId,
            ["Salesforce:ClientSecret"] = settings.ClientSecret,
            ["Salesforce:Username"] = settings.Username,
            ["Salesforce:Password"] = settings.Password,
            ["Salesforce:RetryDelay"] = "00:00:00",
            ["Salesforce:BulkPollDelay"] = "00:00:00.010",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:00.100",
        };
        foreach (var (key, value) in overrides ?? [])
        {
            configuration[key] = value;
        }

        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(configuration).Build());
        services.AddLogging();
        services.AddSalesforce();
        return new SandboxOrg(sandbox, services.BuildServiceProvider(validateScopes: true));
    }

    public T Get<T>()
        where T : notnull => _services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _sandbox.DisposeAsync();
    }
}
