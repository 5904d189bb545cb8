using CrmSync.Sandbox;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.Crash;

/// <summary>
/// Kills the real <c>crmsync sync</c> process (SIGKILL) at random moments, then lets a last run
/// finish: the store must equal the one an uninterrupted run builds, no row lost or doubled.
/// </summary>
public sealed class SyncCrashTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int Kills = 12;

    private static readonly Dictionary<string, string?> SmallBatches = new() { ["Sync:BatchSize"] = "200" };

    [Fact]
    public async Task Killed_syncs_end_with_the_same_rows_as_an_uninterrupted_one()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 400 });
        var crashed = await server.CreateDatabaseAsync("crash");
        var first = await SyncCrashProcess.RunAsync(sandbox, crashed, full: false, SmallBatches);

        // Every crashed run re-pulls everything (--full), so each one has COPY and merge work to be
        // killed in; now and then the org changes in between, with deletes.
        // A run that finishes before its kill is not counted: on a loaded machine some will, so
        // runs go on (twice the planned number at most) until enough of them were killed.
        var random = new Random(20261123);
        var killedMidway = 0;
        for (var i = 0; i < Kills * 2 && killedMidway < Kills; i++)
        {
            if (i % 4 == 1)
            {
                using var http = new HttpClient();
                (await http.PostAsync(new Uri(sandbox.BaseUri, "/__sandbox/advance?days=5"), null)).EnsureSuccessStatusCode();
            }

            var delay = TimeSpan.FromMilliseconds(random.Next(300, (int)(first.Elapsed.TotalMilliseconds * 0.9)));
            var run = await SyncCrashProcess.RunAsync(sandbox, crashed, full: true, SmallBatches, killAfter: delay);
            killedMidway += run.Killed ? 1 : 0;
            output.WriteLine($"run {i}: kill after {delay.TotalMilliseconds:0} ms: {(run.Killed ? "killed" : "had finished")}");
        }

        var last = await SyncCrashProcess.RunAsync(sandbox, crashed, full: false, SmallBatches);
        var reference = await server.CreateDatabaseAsync("crash_ref");
        await SyncCrashProcess.RunAsync(sandbox, reference, full: false, SmallBatches);

        Assert.Equal(0, last.ExitCode);
        Assert.True(killedMidway >= 10, $"only {killedMidway} runs were killed before they finished");
        foreach (var source in LogicalCatalog.Sources)
        {
            Assert.Equal(await SyncCrashStore.DumpAsync(reference, source), await SyncCrashStore.DumpAsync(crashed, source));
            var (rows, counted) = await SyncCrashStore.CountsAsync(crashed, source);
            Assert.Equal(rows, counted);
        }
    }
}
