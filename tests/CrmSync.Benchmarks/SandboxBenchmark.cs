using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CrmSync.Sandbox;

namespace CrmSync.Benchmarks;

/// <summary>
/// Sandbox at benchmark scale: generation time and memory for 100,000 accounts (about 1,000,000
/// opportunities), then rows per second served over real HTTP for a full REST query (following
/// nextRecordsUrl) and a Bulk API 2.0 query of every opportunity.
/// </summary>
internal sealed class SandboxBenchmark : IBenchmark
{
    private const string Fields = "Id, AccountId, Amount, CloseDate, IsClosed, IsWon, StageName, Type, CreatedDate, SystemModstamp, IsDeleted";

    public string Name => "sandbox";

    public string Description => "generation time/memory for --accounts N (default 100000) and REST + Bulk 2.0 rows/s for all opportunities";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
        var watch = Stopwatch.StartNew();
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);
        var startup = watch.Elapsed;
        var memory = GC.GetTotalMemory(forceFullCollection: true) - memoryBefore;

        using var http = await LoginAsync(server, cancellationToken);
        using var stats = JsonDocument.Parse(await http.GetStringAsync("/__sandbox/stats", cancellationToken));
        var objects = stats.RootElement.GetProperty("objects");
        var opportunities = objects.GetProperty("Opportunity").GetInt32();
        var records = objects.EnumerateObject().Sum(o => o.Value.GetInt64());
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"generation: {accounts:N0} accounts, {opportunities:N0} opportunities, {records:N0} records in {stats.RootElement.GetProperty("generationSeconds").GetDouble():0.00} s (start incl. Kestrel {startup.TotalSeconds:0.00} s)"));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"memory: {memory / 1024.0 / 1024:N0} MiB managed heap for the org, working set {Process.GetCurrentProcess().WorkingSet64 / 1024.0 / 1024:N0} MiB"));

        // The first pass includes the query itself and the JIT warming up; the second is the steady state.
        foreach (var pass in (string[])["cold", "warm"])
        {
            var (restRows, restTime, pages) = await RestQueryAsync(http, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"REST query ({pass}): {restRows:N0} rows in {pages} pages, {restTime.TotalSeconds:0.00} s, {restRows / restTime.TotalSeconds:N0} rows/s (batchSize=2000, client parses each page)"));

            var (bulkRows, bulkTime, chunks) = await BulkQueryAsync(http, cancellationToken);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"Bulk 2.0 query ({pass}): {bulkRows:N0} rows in {chunks} result pages, {bulkTime.TotalSeconds:0.00} s, {bulkRows / bulkTime.TotalSeconds:N0} rows/s (maxRecords=100000, client reads every CSV line)"));
        }
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"process: CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:0.0} s, GC pauses {GC.GetTotalPauseDuration().TotalSeconds:0.00} s, gen2 collections {GC.CollectionCount(2)}, load average (1 min) {LoadAverage()}"));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "n/a";

    private static async Task<(long Rows, TimeSpan Elapsed, int Pages)> RestQueryAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        var url = $"/services/data/v62.0/query?q={Uri.EscapeDataString($"SELECT {Fields} FROM Opportunity")}";
        long rows = 0;
        var pages = 0;
        while (true)
        {
            await using var stream = await http.GetStreamAsync(url, cancellationToken);
            using var page = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
            rows += page.RootElement.GetProperty("records").GetArrayLength();
            pages++;
            if (page.RootElement.GetProperty("done").GetBoolean())
            {
                return (rows, watch.Elapsed, pages);
            }
            url = page.RootElement.GetProperty("nextRecordsUrl").GetString()!;
        }
    }

    private static async Task<(long Rows, TimeSpan Elapsed, int Pages)> BulkQueryAsync(HttpClient http, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        using var created = await http.PostAsJsonAsync("/services/data/v62.0/jobs/query", new { operation = "query", query = $"SELECT {Fields} FROM Opportunity" }, cancellationToken);
        using var job = JsonDocument.Parse(await created.Content.ReadAsStringAsync(cancellationToken));
        var id = job.RootElement.GetProperty("id").GetString();
        while (true)
        {
            using var info = JsonDocument.Parse(await http.GetStringAsync($"/services/data/v62.0/jobs/query/{id}", cancellationToken));
            if (info.RootElement.GetProperty("state").GetString() == "JobComplete")
            {
                break;
            }
        }
        long rows = 0;
        var pages = 0;
        var locator = "";
        while (locator != "null")
        {
            using var response = await http.GetAsync($"/services/data/v62.0/jobs/query/{id}/results?maxRecords=100000{(locator.Length > 0 ? "&locator=" + locator : "")}",
                HttpCompletionOption.ResponseHeadersRead, cancellationToken);
            using var reader = new StreamReader(await response.Content.ReadAsStreamAsync(cancellationToken));
            await reader.ReadLineAsync(cancellationToken);
            while (await reader.ReadLineAsync(cancellationToken) is not null)
            {
                rows++;
            }
            pages++;
            locator = response.Headers.GetValues("Sforce-Locator").Single();
        }
        return (rows, watch.Elapsed, pages);
    }

    private static async Task<HttpClient> LoginAsync(SandboxServer server, CancellationToken cancellationToken)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri, Timeout = TimeSpan.FromMinutes(10) };
        using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "crmsync-sandbox",
            ["client_secret"] = "sandbox-secret",
            ["username"] = "admin@sandbox.crmsync",
            ["password"] = "sandbox",
        }), cancellationToken);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        return http;
    }
}
