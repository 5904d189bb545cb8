using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmSync.Sandbox;
using Npgsql;

namespace CrmSync.Benchmarks;

/// <summary>
/// The end-to-end figures in one run, one table: full sync against the raw limit; then the real <c>crmsync</c>
/// process for each phase (full sync, compute, first write-back, a run with no change, sync / compute / write-back
/// after about 1 % of the org changed, a write-back with nothing changed): wall time, API calls, peak memory, goal.
/// </summary>
internal sealed class SuiteBenchmark : IBenchmark
{
    private const string AsOf = "2026-11-01";

    /// <summary>Simulated days after which about 1 % of the opportunities have changed (measured: see the notes column).</summary>
    private const int ChangeDays = 28;

    public string Name => "suite";

    public string Description => "everything end to end in one table: --accounts N (default 100000)";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        Phases.EnsureReady();
        await output.WriteLineAsync($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {Environment.ProcessorCount} cores, {Memory()} RAM, load average before: {LoadAverage()}");
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);

        await output.WriteLineAsync("Full sync vs the raw limit (same process, same Bulk pages; raw = fetch and COPY as text, nothing else):");
        await using (var scratch = await BenchmarkDatabase.StartAsync(cancellationToken))
        {
            var limit = await SyncBenchmark.MeasureAsync(sandbox, scratch, [], 1, output, cancellationToken);
            Rows.Add(new Row("full sync, every object, vs raw limit", limit.Sync.TotalSeconds, limit.SyncCalls,
                "≤ 1.5 × raw", limit.Sync / limit.Raw <= 1.5, null, string.Create(CultureInfo.InvariantCulture, $"raw {limit.Raw.TotalSeconds:0.0} s ({limit.RawCalls} calls): ratio {limit.Sync / limit.Raw:0.00}")));
        }

        await using var database = await BenchmarkDatabase.StartAsync(cancellationToken);
        await Phases.CrmSyncAsync(sandbox, database.ConnectionString, ["db", "migrate"], cancellationToken);
        var phases = new Phases(sandbox, database.ConnectionString, output);
        await phases.RunAsync("crmsync sync (first, full)", ["sync"], null, null, cancellationToken);
        var sources = await SourceCountAsync(database.ConnectionString);
        await phases.RunAsync("crmsync sync (nothing changed)", ["sync"], $"{sources + 1} calls (1 per object + 1 COUNT), 0 rows written",
            r => r.ApiCalls <= sources + 1, cancellationToken, changedRows: true);
        await phases.RunAsync("crmsync compute (all KPIs + CLV)", ["compute", "--as-of", AsOf], "≤ 30 s, ≤ 400 MiB", r => r.Seconds <= 30 && r.PeakMiB <= 400, cancellationToken);
        var first = await phases.RunAsync("crmsync writeback (first time)", ["writeback"], null, null, cancellationToken);
        var firstWritten = await WrittenAsync(database.ConnectionString);
        Describe(first, firstWritten);
        first.Goal = $"⌈records/200⌉ per object + a describe each = {firstWritten.CollectionCalls + firstWritten.Objects} (fewer with Bulk ingest above WriteBack:BulkThresholdRecords)";
        first.Met = first.ApiCalls <= firstWritten.CollectionCalls + firstWritten.Objects;
        // Every account was just written by CrmSync (SystemModstamp moved): read again, taken for no change.
        await phases.RunAsync("crmsync sync (after its own write-back)", ["sync"], "0 rows written", _ => true, cancellationToken, changedRows: true);

        await AdvanceAsync(sandbox, ChangeDays, cancellationToken);
        var incremental = await phases.RunAsync($"crmsync sync (after {ChangeDays} days of changes in the org)", ["sync"], null, null, cancellationToken, changedRows: true);
        var deals = await ScalarAsync(database.ConnectionString, "SELECT count(*) FROM crmsync.sf_deal");
        var dealChanges = await ScalarAsync(database.ConnectionString,
            "SELECT coalesce(inserted + updated + deleted, 0) FROM crmsync.sync_history WHERE source = 'deal' ORDER BY id DESC LIMIT 1");
        incremental.Notes += string.Create(CultureInfo.InvariantCulture, $"; opportunities: {dealChanges:N0} of {deals:N0} changed ({(double)dealChanges / Math.Max(1, deals):P1})");
        await phases.RunAsync("crmsync compute (after the change)", ["compute", "--as-of", AsOf], "≤ 30 s, ≤ 400 MiB", r => r.Seconds <= 30 && r.PeakMiB <= 400, cancellationToken);
        var changed = await phases.RunAsync("crmsync writeback (after the change)", ["writeback"], null, null, cancellationToken);
        var written = await WrittenAsync(database.ConnectionString);
        Describe(changed, written);
        changed.Goal = $"⌈changed/200⌉ per object + a describe each = {written.CollectionCalls + written.Objects} (or Bulk jobs)";
        changed.Met = changed.ApiCalls <= written.CollectionCalls + written.Objects;
        var none = await phases.RunAsync("crmsync writeback (nothing changed)", ["writeback"], "0 calls, 0 writes", r => r.ApiCalls == 0, cancellationToken);
        Describe(none, await WrittenAsync(database.ConnectionString));

        await output.WriteLineAsync();
        await output.WriteLineAsync($"{accounts:N0} accounts; {DateTime.UtcNow:yyyy-MM-dd} on {Environment.ProcessorCount} cores / {Memory()}; load average after: {LoadAverage()}");
        await output.WriteLineAsync("| phase | wall s | API calls | peak RSS MiB | goal | met | notes |");
        await output.WriteLineAsync("|---|---|---|---|---|---|---|");
        foreach (var row in Rows.Concat(phases.Rows))
        {
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"| {row.Phase} | {row.Seconds:0.0} | {row.ApiCalls:N0} | {(row.PeakMiB is { } m ? m.ToString("N0", CultureInfo.InvariantCulture) : "(in-process)")} | {row.Goal ?? ""} | {(row.Met is { } met ? met ? "yes" : "**no**" : "")} | {row.Notes ?? ""} |"));
        }
    }

    private List<Row> Rows { get; } = [];

    private static void Describe(Row row, Written written) =>
        row.Notes = string.Create(CultureInfo.InvariantCulture, $"{written.Records:N0} records written");

    /// <summary>Simulated days pass in the org: customers buy, cases and activities appear, records change and go.</summary>
    private static async Task AdvanceAsync(SandboxServer sandbox, int days, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        (await http.PostAsync(new Uri($"/__sandbox/advance?days={days}", UriKind.Relative), null, cancellationToken)).EnsureSuccessStatusCode();
    }

    /// <summary>The last write run: records written, and the collection calls they need (⌈records/200⌉ per object) plus one describe per object.</summary>
    private static async Task<Written> WrittenAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT coalesce(sum(l.records), 0)::bigint, coalesce(sum(ceil(l.records / 200.0)), 0)::bigint, count(l.object_name)
            FROM (SELECT object_name, count(DISTINCT record_key) AS records
                  FROM crmsync.write_ledger
                  WHERE write_run = (SELECT max(id) FROM crmsync.write_run)
                  GROUP BY object_name) l
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return new Written(reader.GetInt64(0), reader.GetInt64(1), reader.GetInt64(2));
    }

    private static async Task<int> SourceCountAsync(string connectionString) => (int)await ScalarAsync(connectionString, "SELECT count(*) FROM crmsync.sync_state");

    private static async Task<long> ScalarAsync(string connectionString, string sql) => Convert.ToInt64(await ScalarTextAsync(connectionString, sql), CultureInfo.InvariantCulture);

    private static async Task<string> ScalarTextAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToString(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture) ?? "0";
    }

    private static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";

    private static string Memory() => $"{GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1024.0 / 1024 / 1024:0} GiB";

    private sealed record Written(long Records, long CollectionCalls, long Objects);

    internal sealed class Row(string phase, double seconds, long apiCalls, string? goal, bool? met, double? peakMiB, string? notes)
    {
        public string Phase { get; } = phase;

        public double Seconds { get; } = seconds;

        public long ApiCalls { get; } = apiCalls;

        public double? PeakMiB { get; } = peakMiB;

        public string? Goal { get; set; } = goal;

        public bool? Met { get; set; } = met;

        public string? Notes { get; set; } = notes;
    }
}
