using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.Benchmarks;

/// <summary>
/// The production Salesforce client (as <c>AddSalesforce()</c> wires it) reading every opportunity of a sandbox
/// org over HTTP: REST paging (nextRecordsUrl, batchSize 2000, rows as JsonElement) and a Bulk API 2.0 query
/// (CSV pages by Sforce-Locator). Rows per second include the client's parsing; allocation is the client process's.
/// </summary>
internal sealed class SalesforceClientBenchmark : IBenchmark
{
    private const string Soql = "SELECT Id, Amount, CloseDate FROM Opportunity";

    public string Name => "client";

    public string Description => "Salesforce client rows/s for REST paging and Bulk 2.0 over all opportunities of --accounts N (default 100000)";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);
        await using var services = CreateClient(server);

        await MeasureAsync(output, "REST query (JsonElement rows)",
            services.GetRequiredService<ISalesforceClient>().QueryAsync<JsonElement>(Soql, cancellationToken));
        await MeasureAsync(output, "Bulk 2.0 query (CSV rows)",
            services.GetRequiredService<IBulkQueries>().QueryAsync(Soql, ct: cancellationToken));
    }

    private static async Task MeasureAsync<T>(TextWriter output, string label, IAsyncEnumerable<T> rows)
    {
        var allocatedBefore = GC.GetTotalAllocatedBytes();
        var watch = Stopwatch.StartNew();
        long count = 0;
        await foreach (var _ in rows)
        {
            count++;
        }

        watch.Stop();
        var allocated = GC.GetTotalAllocatedBytes() - allocatedBefore;
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"{label}: {count:N0} rows in {watch.Elapsed.TotalSeconds:0.00} s = {count / watch.Elapsed.TotalSeconds:N0} rows/s; " +
            $"{allocated / (double)Math.Max(count, 1):N0} bytes allocated per row (client and sandbox share the process); " +
            $"peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:N0} MiB"));
    }

    private static ServiceProvider CreateClient(SandboxServer server)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Salesforce:LoginUrl"] = server.BaseUri.ToString(),
            ["Salesforce:AuthFlow"] = "password",
            ["Salesforce:ClientId"] = "crmsync-sandbox",
            ["Salesforce:ClientSecret"] = "sandbox-secret",
            ["Salesforce:Username"] = "admin@sandbox.crmsync",
            ["Salesforce:Password"] = "sandbox",
            ["Salesforce:BulkPollDelay"] = "00:00:00.100",
            ["Salesforce:BulkPollMaxDelay"] = "00:00:01",
        };
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        services.AddLogging();
        services.AddSalesforce();
        return services.BuildServiceProvider();
    }
}
