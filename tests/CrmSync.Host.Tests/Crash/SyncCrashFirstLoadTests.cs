using CrmSync.Sandbox;
using CrmSync.Sync.Mappings;
using CrmSync.Testing;
using Xunit.Abstractions;

namespace CrmSync.Host.Tests.Crash;

/// <summary>
/// Kills the real <c>crmsync sync</c> process (SIGKILL) during FIRST loads, into empty tables:
/// at random moments, as a table's rows start to be COPYed with its indexes dropped, and while
/// they are built again. Right after every kill each table has all its indexes and as many rows
/// as its sync state counts; the next run ends with exactly the rows of an uninterrupted one.
/// </summary>
public sealed class SyncCrashFirstLoadTests(PostgresServer server, ITestOutputHelper output) : IClassFixture<PostgresServer>
{
    private const int Rounds = 10;

    /// <summary>Whose loads are big enough to be caught mid-way (about 20,000, 8,000 and 8,000 rows).</summary>
    private static readonly string[] Targets = ["deal", "task", "invoice"];

    /// <summary>Bulk from 300 rows on, so most objects take the first load that drops indexes; its phases are logged.</summary>
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["Sync:BulkThresholdRows"] = "300",
        ["Sync:BatchSize"] = "500",
        ["Salesforce:BulkPollDelay"] = "00:00:00.010",
        ["Salesforce:BulkPollMaxDelay"] = "00:00:00.100",
        ["Logging:LogLevel:CrmSync.Store.Synced.EmptyTableLoad"] = "Debug",
    };

    [Fact]
    public async Task Killed_first_loads_leave_every_index_and_end_with_the_same_rows_as_an_uninterrupted_one()
    {
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 2000 });
        var empty = await SyncCrashStore.MigratedAsync(server);
        var reference = await SyncCrashStore.CopyAsync(server, empty);
        var uninterrupted = await SyncCrashProcess.RunAsync(sandbox, reference, full: false, Settings);
        Assert.Contains("rebuilding", uninterrupted.Stderr, StringComparison.Ordinal);
        var indexes = await SyncCrashStore.IndexesAsync(reference);

        var random = new Random(20261124);
        var landed = new List<string>();
        for (var round = 0; round < Rounds; round++)
        {
            var crashed = await SyncCrashStore.CopyAsync(server, empty);
            // A rebuild is caught best in the biggest table; COPYs are caught in each in turn.
            var target = round % 3 == 2 ? Targets[0] : Targets[round / 3 % Targets.Length];
            var (how, run) = (round % 3) switch
            {
                0 => RandomKill(random, uninterrupted),
                1 => ($"as the COPY into sf_{target} began", KillOn(target, "dropped")),
                _ => ($"as the indexes of sf_{target} were rebuilt", KillOn(target, "rebuilding")),
            };
            var killed = await run(sandbox, crashed);
            landed.Add(await WhereAsync(crashed, target, killed));
            output.WriteLine($"round {round}: kill {how}: {landed[^1]}");
            await AssertIntactAsync(crashed, indexes);

            // Every other round the run that picks up after the crash is killed too.
            if (round % 2 == 1)
            {
                var (again, second) = RandomKill(random, uninterrupted);
                output.WriteLine($"round {round}: its next run killed {again}: {await WhereAsync(crashed, target, await second(sandbox, crashed))}");
                await AssertIntactAsync(crashed, indexes);
            }

            await SyncCrashProcess.RunAsync(sandbox, crashed, full: false, Settings);
            await AssertSameRowsAsync(reference, crashed);
        }

        Assert.True(landed.Count(l => l.StartsWith("killed", StringComparison.Ordinal)) >= Rounds * 3 / 4, string.Join("; ", landed));
        Assert.Contains(landed, l => l.Contains("while copying", StringComparison.Ordinal));
        Assert.Contains(landed, l => l.Contains("while rebuilding", StringComparison.Ordinal));
    }

    private static (string How, Func<SandboxServer, string, Task<SyncCrashRun>> Run) RandomKill(Random random, SyncCrashRun uninterrupted)
    {
        var delay = TimeSpan.FromMilliseconds(random.Next(300, (int)uninterrupted.Elapsed.TotalMilliseconds));
        return ($"after {delay.TotalMilliseconds:0} ms", (sandbox, crashed) => SyncCrashProcess.RunAsync(sandbox, crashed, full: false, Settings, killAfter: delay));
    }

    private static Func<SandboxServer, string, Task<SyncCrashRun>> KillOn(string target, string phase) =>
        (sandbox, crashed) => SyncCrashProcess.RunAsync(sandbox, crashed, full: false, Settings,
            killOnLine: line => line.Contains($"\"sf_{target}\"", StringComparison.Ordinal) && line.Contains(phase, StringComparison.Ordinal));

    /// <summary>Where the kill landed: the last phase the process logged, and whether the target's load had committed.</summary>
    private static async Task<string> WhereAsync(string crashed, string target, SyncCrashRun run)
    {
        if (!run.Killed)
        {
            return "had finished";
        }

        var last = run.Stderr.Split('\n').LastOrDefault(l => l.Contains("First load of", StringComparison.Ordinal));
        var table = last?[last.IndexOf("crmsync.", StringComparison.Ordinal)..].Split(':')[0];
        var phase = last switch
        {
            null => "before any Bulk first load",
            _ when last.Contains("dropped", StringComparison.Ordinal) => $"while copying into {table}",
            _ when last.Contains("rebuilding", StringComparison.Ordinal) => $"while rebuilding the indexes of {table}",
            _ => $"after {table} committed",
        };
        var rows = await SyncCrashStore.ScalarAsync(crashed, $"SELECT count(*) FROM crmsync.sf_{target}");
        return $"killed {phase} (sf_{target} then held {rows} rows)";
    }

    private static async Task AssertIntactAsync(string crashed, string indexes)
    {
        Assert.Equal(indexes, await SyncCrashStore.IndexesAsync(crashed));
        foreach (var source in LogicalCatalog.Sources)
        {
            var (rows, counted) = await SyncCrashStore.CountsAsync(crashed, source);
            Assert.Equal(counted, rows);
        }
    }

    private static async Task AssertSameRowsAsync(string reference, string crashed)
    {
        foreach (var source in LogicalCatalog.Sources)
        {
            Assert.Equal(await SyncCrashStore.DumpAsync(reference, source), await SyncCrashStore.DumpAsync(crashed, source));
        }
    }
}
