using System.Diagnostics;
using System.Globalization;
using CrmSync.Salesforce;
using CrmSync.Sandbox;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.Sync;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Npgsql;

namespace CrmSync.Benchmarks;

/// <summary>
/// <c>crmsync compute</c> (all KPIs and CLV) over a synced sandbox org: wall time and peak memory
/// of the compute process (from /usr/bin/time), and the run's own step timings.
/// </summary>
internal sealed class ComputeBenchmark : IBenchmark
{
    public string Name => "compute";

    public string Description => "crmsync compute over a full sync of --accounts N (default 100000); --runs R (default 2)";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var accounts = BenchmarkArguments.Int(args, "--accounts", 100_000);
        var runs = BenchmarkArguments.Int(args, "--runs", 2);
        await using var sandbox = await SandboxServer.StartAsync(new SandboxSettings { Accounts = accounts, DailyApiLimit = int.MaxValue }, cancellationToken);
        await using var database = await BenchmarkDatabase.StartAsync(cancellationToken);
        var sync = Stopwatch.StartNew();
        await SyncAllAsync(sandbox, database.ConnectionString, cancellationToken);
        var deals = await CountAsync(database.ConnectionString, "sf_deal");
        await output.WriteLineAsync($"synced {accounts:N0} accounts ({deals:N0} opportunities) in {sync.Elapsed.TotalSeconds:0.0} s");

        await output.WriteLineAsync("| run | wall s | peak RSS MiB (crmsync process) | steps (ms) |");
        await output.WriteLineAsync("|---|---|---|---|");
        for (var run = 1; run <= runs; run++)
        {
            var (wall, peakKib) = await TimeComputeAsync(database.ConnectionString, cancellationToken);
            var timings = await TimingsAsync(database.ConnectionString);
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"| {run} | {wall:0.00} | {peakKib / 1024.0:N0} | {timings} |"));
        }
    }

    private static async Task SyncAllAsync(SandboxServer sandbox, string connectionString, CancellationToken cancellationToken)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = Testing.RepositoryRoot.Path });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>(Testing.SandboxLogin.Settings(sandbox.BaseUri)) { ["ConnectionStrings:CrmSync"] = connectionString });
        builder.Services.AddLogging().AddCrmSyncStore().AddSalesforce().AddCrmSyncSync();
        using var host = builder.Build();
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<SyncRunner>();
        await runner.RunAsync(SyncRunner.Select(runner.LoadMappings(), []), full: true, progress: null, cancellationToken);
    }

    /// <summary>Runs <c>./crmsync compute</c> under /usr/bin/time: wall seconds and maximum resident set (KiB).</summary>
    private static async Task<(double Wall, long PeakKib)> TimeComputeAsync(string connectionString, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/usr/bin/time")
        {
            WorkingDirectory = Testing.RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in new[] { "-f", "time: %e %M", "./crmsync", "compute", "--as-of", "2026-11-01", "--set", "ConnectionStrings:CrmSync=" + connectionString })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = await process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var line = stderr.Split('\n').LastOrDefault(l => l.StartsWith("time: ", StringComparison.Ordinal))
            ?? throw new InvalidOperationException($"compute failed (exit {process.ExitCode}): {stderr}{await stdout}");
        var parts = line["time: ".Length..].Split(' ');
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), long.Parse(parts[1], CultureInfo.InvariantCulture));
    }

    private static async Task<string> TimingsAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT timings::text FROM crmsync.metric_run WHERE status = 'succeeded' ORDER BY id DESC LIMIT 1", connection);
        return (string?)await command.ExecuteScalarAsync() ?? "";
    }

    private static async Task<long> CountAsync(string connectionString, string table)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"SELECT count(*) FROM crmsync.{table}", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
