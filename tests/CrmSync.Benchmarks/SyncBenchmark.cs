using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Rest;
using CrmSync.Sandbox;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.Store.Synced;
using CrmSync.Sync;
using CrmSync.Sync.Pull;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Benchmarks;

/// <summary>
/// A full sync of a sandbox org into PostgreSQL, next to the raw limit: the same Bulk query
/// pages fetched and the same rows binary-COPYed, as text, into a plain (logged, unindexed) table,
/// nothing else done.
/// API calls are counted by the sandbox.
/// </summary>
internal sealed class SyncBenchmark : IBenchmark
{
    public string Name => "sync";

    public string Description => "full sync vs raw fetch+COPY for --accounts N (default 100000), --objects (default account,deal), --repeat N (default 1)";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        var objects = Option(args, "--objects", "account,deal").Split(',');
        var repeat = BenchmarkArguments.Int(args, "--repeat", 1);
        var generation = Stopwatch.StartNew();
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);
        await output.WriteLineAsync($"sandbox: {accounts:N0} accounts generated and served in {generation.Elapsed.TotalSeconds:0.0} s");
        await using var database = await BenchmarkDatabase.StartAsync(cancellationToken);
        await MeasureAsync(sandbox, database, objects, repeat, output, cancellationToken);
    }

    /// <summary>Raw fetch+COPY and the full sync of each object, --repeat times; prints a row per object and returns the totals (fastest of each).</summary>
    internal static async Task<(TimeSpan Raw, TimeSpan Sync, int RawCalls, int SyncCalls)> MeasureAsync(
        SandboxServer sandbox, BenchmarkDatabase database, IReadOnlyCollection<string> objects, int repeat, TextWriter output, CancellationToken cancellationToken)
    {
        var phaseClock = new SyncPhaseClock();
        using var host = BuildHost(sandbox, database.ConnectionString, phaseClock);
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<SyncRunner>();
        var sources = SyncRunner.Select(runner.LoadMappings(), objects);
        var salesforce = host.Services.GetRequiredService<ISalesforceClient>();
        var bulk = host.Services.GetRequiredService<IBulkQueries>();
        var stats = new SandboxStats(sandbox.BaseUri);

        // Each object is measured --repeat times (raw, then the sync into an emptied table), so
        // that a machine shared with other work still shows the undisturbed figure (the fastest).
        // CPU seconds (this process, sandbox included, plus the PostgreSQL server) stay meaningful when the wall clock does not.
        var cpu = await CpuClock.StartAsync(database.ConnectionString, cancellationToken);
        await output.WriteLineAsync("| object | rows | raw fetch+COPY s (min / median) | CrmSync full sync s (min / median) | ratio of mins | raw API calls | sync API calls | CPU s raw / sync (min) | fastest sync: before first row / rows in / indexes + commit / after, s |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|---|---|");
        var total = (Raw: TimeSpan.Zero, Sync: TimeSpan.Zero, RawCalls: 0, SyncCalls: 0);
        foreach (var source in sources)
        {
            var plan = PullPlan.Create(source, await salesforce.DescribeAsync(source.ObjectName, cancellationToken));
            var raws = new List<TimeSpan>();
            var syncs = new List<TimeSpan>();
            var (rawCpu, syncCpu) = (new List<double>(), new List<double>());
            long rows = 0, synced = 0;
            int rawCalls = 0, syncCalls = 0;
            var fastestPhases = "";
            for (var run = 0; run < repeat; run++)
            {
                await EmptyAsync(database.ConnectionString, plan, cancellationToken);
                var callsBefore = await stats.CallsAsync();
                var (raw, cpuBefore) = (Stopwatch.StartNew(), cpu.Seconds());
                rows = await RawCopyAsync(bulk, plan, database.ConnectionString, cancellationToken);
                raws.Add(raw.Elapsed);
                rawCpu.Add(cpu.Seconds() - cpuBefore);
                rawCalls = await stats.CallsAsync() - callsBefore;

                (var sync, cpuBefore) = (Stopwatch.StartNew(), cpu.Seconds());
                phaseClock.Start();
                synced = (await runner.RunAsync([source], full: true, progress: null, cancellationToken)).Single().RowsRead;
                syncs.Add(sync.Elapsed);
                if (syncs[^1] == syncs.Min())
                {
                    fastestPhases = phaseClock.Phases();
                }

                syncCpu.Add(cpu.Seconds() - cpuBefore);
                syncCalls = await stats.CallsAsync() - callsBefore - rawCalls;
            }

            total = (total.Raw + raws.Min(), total.Sync + syncs.Min(), total.RawCalls + rawCalls, total.SyncCalls + syncCalls);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {source.ObjectName} | {synced:N0} ({rows:N0} raw) | {Seconds(raws)} | {Seconds(syncs)} | {syncs.Min() / raws.Min():0.00} | {rawCalls} | {syncCalls} | {rawCpu.Min():0.0} / {syncCpu.Min():0.0} | {fastestPhases} |"));
        }

        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"| all | | {total.Raw.TotalSeconds:0.00} | {total.Sync.TotalSeconds:0.00} | {total.Sync / total.Raw:0.00} | {total.RawCalls} | {total.SyncCalls} | | |"));
        await output.WriteLineAsync($"peak working set of this process (sandbox + CrmSync): {Process.GetCurrentProcess().PeakWorkingSet64 / 1024.0 / 1024:N0} MiB");
        return total;
    }

    private static string Seconds(List<TimeSpan> times) =>
        string.Create(CultureInfo.InvariantCulture, $"{times.Min().TotalSeconds:0.00} / {times.Order().ElementAt(times.Count / 2).TotalSeconds:0.00}");

    /// <summary>Before each measured sync: no rows and no sync state, as on the first run.</summary>
    private static async Task EmptyAsync(string connectionString, PullPlan plan, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var empty = new NpgsqlBatch(connection)
        {
            BatchCommands =
            {
                new($"TRUNCATE {plan.Table.QualifiedName}"),
                new("DELETE FROM crmsync.sync_state WHERE source = $1") { Parameters = { new() { Value = plan.Mapping.Source } } },
            },
        };
        await empty.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>The limit: fetch the pull's own Bulk query and COPY every cell as text, no conversion, no merge.</summary>
    private static async Task<long> RawCopyAsync(IBulkQueries bulk, PullPlan plan, string connectionString, CancellationToken cancellationToken)
    {
        var soql = SoqlBuilder.Select(plan, since: null);
        var columns = soql["SELECT ".Length..soql.IndexOf(" FROM ", StringComparison.Ordinal)].Split(", ");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        var table = $"raw_{plan.Mapping.Source}";
        await using (var create = new NpgsqlCommand(
            $"DROP TABLE IF EXISTS {table}; CREATE TABLE {table} ({string.Join(", ", columns.Select(c => $"\"{c}\" text"))})", connection))
        {
            await create.ExecuteNonQueryAsync(cancellationToken);
        }

        long rows = 0;
        await using var copy = await connection.BeginBinaryImportAsync($"COPY {table} FROM STDIN (FORMAT BINARY)", cancellationToken);
        await foreach (var record in bulk.QueryAsync(soql, includeDeleted: true, cancellationToken))
        {
            await copy.StartRowAsync(cancellationToken);
            for (var i = 0; i < columns.Length; i++)
            {
                await copy.WriteAsync(record[i], NpgsqlDbType.Text, cancellationToken);
            }

            rows++;
        }

        await copy.CompleteAsync(cancellationToken);
        return rows;
    }

    private static IHost BuildHost(SandboxServer sandbox, string connectionString, SyncPhaseClock phaseClock)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Testing.RepositoryRoot.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Testing.SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = connectionString,
        });
        builder.Configuration.AddEnvironmentVariables("CRMSYNC_");
        builder.Services.AddLogging(logging => logging.AddFilter(typeof(EmptyTableLoad).FullName, LogLevel.Debug).AddProvider(phaseClock)).AddCrmSyncStore().AddSalesforce().AddCrmSyncSync();
        return builder.Build();
    }

    private static string Option(IReadOnlyList<string> args, string name, string fallback)
    {
        var at = args.ToList().IndexOf(name);
        return at >= 0 && at + 1 < args.Count ? args[at + 1] : fallback;
    }

    /// <summary>The sandbox's count of API calls so far (test controls excluded).</summary>
    internal sealed class SandboxStats(Uri baseUri)
    {
        private readonly HttpClient http = new() { BaseAddress = baseUri };

        public async Task<int> CallsAsync()
        {
            using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri("/__sandbox/stats", UriKind.Relative)));
            return stats.RootElement.GetProperty("usage").GetProperty("callsByEndpoint").EnumerateObject().Sum(p => p.Value.GetInt32());
        }
    }
}

/// <summary>CPU time used so far by this process and by the (local) PostgreSQL server: its postmaster and every backend, live or ended.</summary>
internal sealed class CpuClock(int postmaster)
{
    private const double TicksPerSecond = 100;

    public static async Task<CpuClock> StartAsync(string connectionString, CancellationToken cancellationToken)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        return new CpuClock(int.Parse(Stat(connection.ProcessID)![1], CultureInfo.InvariantCulture));
    }

    public double Seconds()
    {
        var server = Stat(postmaster) is { } main ? Ticks(main, 11) + Ticks(main, 12) + Ticks(main, 13) + Ticks(main, 14) : 0;
        foreach (var folder in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(folder), out var pid) && Stat(pid) is { } child && child[1] == postmaster.ToString(CultureInfo.InvariantCulture))
            {
                server += Ticks(child, 11) + Ticks(child, 12);
            }
        }

        return Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds + server / TicksPerSecond;
    }

    private static long Ticks(string[] stat, int field) => long.Parse(stat[field], CultureInfo.InvariantCulture);

    /// <summary>The fields of /proc/PID/stat after the command name: [0] state, [1] parent, [11..14] utime, stime, cutime, cstime.</summary>
    private static string[]? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            return text[(text.LastIndexOf(')') + 2)..].Split(' ');
        }
        catch (IOException)
        {
            return null;
        }
    }
}

/// <summary>CRMSYNC_TEST_POSTGRES when set, else a private embedded cluster in a temporary folder.</summary>
internal sealed class BenchmarkDatabase : IAsyncDisposable
{
    private readonly Store.Postgres.EmbeddedPostgres? embedded;
    private readonly string? folder;

    private BenchmarkDatabase(string connectionString, Store.Postgres.EmbeddedPostgres? embedded, string? folder) =>
        (ConnectionString, this.embedded, this.folder) = (connectionString, embedded, folder);

    public string ConnectionString { get; }

    public static async Task<BenchmarkDatabase> StartAsync(CancellationToken cancellationToken)
    {
        if (Environment.GetEnvironmentVariable("CRMSYNC_TEST_POSTGRES") is { Length: > 0 } configured)
        {
            return new BenchmarkDatabase(configured, null, null);
        }

        var folder = Path.Combine(Path.GetTempPath(), "crmsync-bench-" + Guid.NewGuid().ToString("N")[..8]);
        var embedded = StoreServiceCollectionExtensions.CreateEmbeddedPostgres(
            new DatabaseOptions { EmbeddedDirectory = folder }, Path.GetTempPath(), TimeProvider.System, NullLoggerFactory.Instance);
        var instance = await embedded.StartAsync(cancellationToken);
        return new BenchmarkDatabase(instance.ConnectionString, embedded, folder);
    }

    public async ValueTask DisposeAsync()
    {
        if (embedded is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await embedded.StopAsync(CancellationToken.None);
            Directory.Delete(folder!, recursive: true);
        }
    }
}
