using System.Diagnostics;
using System.Text;
using CrmSync.Sandbox;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Npgsql;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.Crash;

/// <summary>
/// Kills the real <c>crmsync sync</c> process (SIGKILL) at random moments, then lets a last run
/// finish: the store must equal the one an uninterrupted run builds, no row lost or doubled.
/// </summary>
public sealed class SyncCrashTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int Kills = 12;

    [Fact]
    public async Task Killed_syncs_end_with_the_same_rows_as_an_uninterrupted_one()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 400 });
        var crashed = await server.CreateDatabaseAsync("crash");
        var first = await RunSyncAsync(sandbox, crashed, killAfter: null, full: false);

        // Every crashed run re-pulls everything (--full), so each one has COPY and merge work to be
        // killed in; now and then the org changes in between, with deletes.
        var random = new Random(20261123);
        var killedMidway = 0;
        for (var i = 0; i < Kills; i++)
        {
            if (i % 4 == 1)
            {
                using var http = new HttpClient();
                (await http.PostAsync(new Uri(sandbox.BaseUri, "/__sandbox/advance?days=5"), null)).EnsureSuccessStatusCode();
            }

            var delay = TimeSpan.FromMilliseconds(random.Next(300, (int)first.Elapsed.TotalMilliseconds));
            var run = await RunSyncAsync(sandbox, crashed, delay, full: true);
            killedMidway += run.Killed ? 1 : 0;
            output.WriteLine($"run {i}: kill after {delay.TotalMilliseconds:0} ms: {(run.Killed ? "killed" : "had finished")}");
        }

        var last = await RunSyncAsync(sandbox, crashed, killAfter: null, full: false);
        var reference = await server.CreateDatabaseAsync("crash_ref");
        await RunSyncAsync(sandbox, reference, killAfter: null, full: false);

        Assert.Equal(0, last.ExitCode);
        Assert.True(killedMidway >= Kills * 3 / 4, $"only {killedMidway} of {Kills} runs were killed before they finished");
        foreach (var source in LogicalCatalog.Sources)
        {
            Assert.Equal(await DumpAsync(reference, source), await DumpAsync(crashed, source));
            Assert.Equal(await CountAsync(crashed, $"SELECT count(*) FROM crmsync.sf_{source.Name}"),
                await CountAsync(crashed, $"SELECT rows_stored FROM crmsync.sync_state WHERE source = '{source.Name}'"));
        }
    }

    private static async Task<(int ExitCode, bool Killed, TimeSpan Elapsed)> RunSyncAsync(SandboxServer sandbox, string connectionString, TimeSpan? killAfter, bool full)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = RepositoryRoot.Path;
        string[] verb = full ? ["sync", "--full"] : ["sync"];
        foreach (var argument in verb.Prepend(Path.Combine(AppContext.BaseDirectory, "crmsync.dll")).Concat(Settings(sandbox, connectionString)))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var killed = false;
        if (killAfter is { } delay && await Task.WhenAny(exited, Task.Delay(delay)) != exited)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        await exited;
        await Task.WhenAll(stdout, stderr);
        if (!killed && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"crmsync sync exited {process.ExitCode}: {await stderr}");
        }

        return (killed ? -9 : process.ExitCode, killed, clock.Elapsed);
    }

    private static IEnumerable<string> Settings(SandboxServer sandbox, string connectionString) => new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
    {
        ["ConnectionStrings:CrmSync"] = connectionString,
        ["Sync:BatchSize"] = "200",
    }.SelectMany(setting => new[] { "--set", $"{setting.Key}={setting.Value}" });

    /// <summary>
    /// Every stored row of a source, in Id order: its content, not bookkeeping. system_modstamp is
    /// left out: a change to fields CrmSync does not read is not rewritten, so it may be older.
    /// </summary>
    private static async Task<string> DumpAsync(string connectionString, LogicalEntity source)
    {
        var columns = string.Join(", ", source.Fields.Select(f => f.Name));
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT id, {columns}, raw FROM crmsync.sf_{source.Name} ORDER BY id", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var dump = new StringBuilder();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                dump.Append(reader.IsDBNull(i) ? "∅" : Convert.ToString(reader.GetValue(i), System.Globalization.CultureInfo.InvariantCulture)).Append('|');
            }

            dump.AppendLine();
        }

        return dump.ToString();
    }

    private static async Task<long> CountAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
