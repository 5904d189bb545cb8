using System.Diagnostics;
using System.Globalization;
using CrmSync.Sandbox;
using Npgsql;

namespace CrmSync.Benchmarks;

/// <summary>Runs the real <c>crmsync</c> process for one phase under /usr/bin/time: wall seconds, peak RSS, the sandbox's API calls.</summary>
internal sealed class Phases(SandboxServer sandbox, string connectionString, TextWriter output)
{
    private readonly SyncBenchmark.SandboxStats stats = new(sandbox.BaseUri);

    public List<SuiteBenchmark.Row> Rows { get; } = [];

    public async Task<SuiteBenchmark.Row> RunAsync(
        string phase, string[] verb, string? goal, Func<SuiteBenchmark.Row, bool>? met, CancellationToken cancellationToken, bool changedRows = false)
    {
        var callsBefore = await stats.CallsAsync();
        var historyBefore = await ScalarAsync("SELECT coalesce(max(id), 0) FROM crmsync.sync_history");
        var timed = await CrmSyncAsync(sandbox, connectionString, ["/usr/bin/time", "-f", "time: %e %M", .. verb], cancellationToken);
        var line = timed.Split('\n').Last(l => l.StartsWith("time: ", StringComparison.Ordinal))["time: ".Length..].Split(' ');
        var row = new SuiteBenchmark.Row(phase, double.Parse(line[0], CultureInfo.InvariantCulture), await stats.CallsAsync() - callsBefore, goal, null,
            long.Parse(line[1], CultureInfo.InvariantCulture) / 1024.0, null);
        if (changedRows)
        {
            var written = await ScalarAsync($"SELECT coalesce(sum(inserted + updated + deleted), 0) FROM crmsync.sync_history WHERE id > {historyBefore}");
            row.Notes = string.Create(CultureInfo.InvariantCulture, $"{written:N0} rows written");
            row.Met = goal is null ? null : met?.Invoke(row) == true && written == 0;
        }
        else
        {
            row.Met = met?.Invoke(row);
        }

        Rows.Add(row);
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{phase}: {row.Seconds:0.0} s, {row.ApiCalls} API calls, {row.PeakMiB:N0} MiB {row.Notes}"));
        return row;
    }

    private static string CrmSyncDll => Testing.RepositoryRoot.Combine("src", "CrmSync.Host", "bin", "Release", "net10.0", "crmsync.dll");

    /// <summary>What the phases need before anything is measured, each missing piece named with what to do.</summary>
    public static void EnsureReady()
    {
        if (!File.Exists("/usr/bin/time"))
        {
            throw new InvalidOperationException("The benchmark reads wall time and peak memory from /usr/bin/time, which is missing (Debian/Ubuntu: apt-get install time).");
        }

        if (!File.Exists(CrmSyncDll))
        {
            throw new InvalidOperationException($"{CrmSyncDll} is not built: run 'dotnet build -c Release src/CrmSync.Host' (or any './crmsync' command) first.");
        }
    }

    /// <summary>
    /// Runs the built crmsync (Release) against the sandbox and the database; <paramref name="command"/> may start
    /// with a wrapper (/usr/bin/time …) before the verb. Returns what it printed; throws when it fails.
    /// </summary>
    public static async Task<string> CrmSyncAsync(SandboxServer sandbox, string connectionString, string[] command, CancellationToken cancellationToken)
    {
        var wrapper = command.TakeWhile(a => a is "/usr/bin/time" or "-f" or "time: %e %M").ToList();
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = Testing.RepositoryRoot.Path;
        var arguments = wrapper.Skip(1).Concat(wrapper.Count > 0 ? ["dotnet"] : []).Append(CrmSyncDll).Concat(command.Skip(wrapper.Count))
            .Concat(new Dictionary<string, string?>(Testing.SandboxLogin.Settings(sandbox.BaseUri)) { ["ConnectionStrings:CrmSync"] = connectionString }
                .SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" }));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var printed = await stdout + await stderr;
        return process.ExitCode == 0 ? printed : throw new InvalidOperationException($"crmsync {string.Join(' ', command)} exited {process.ExitCode}: {printed}");
    }

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }
}
