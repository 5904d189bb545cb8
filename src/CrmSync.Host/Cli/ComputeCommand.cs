using System.CommandLine;
using System.Globalization;
using CrmSync.Metrics;
using CrmSync.Metrics.Runs;
using CrmSync.Store.Migrations;
using CrmSync.Sync.Mappings;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary><c>compute [--as-of T]</c>: every KPI (and CLV) from the synced tables into a new metric run.</summary>
internal static class ComputeCommand
{
    private static readonly Option<DateTimeOffset?> AsOf = CreateAsOfOption("Default: now.");

    public static Command Create()
    {
        var command = new Command("compute", "Compute all KPIs and customer lifetime value from the synced data into a new metric run.") { AsOf };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (await VerbHost.LoadValidMappingsAsync(parse, "nothing was computed") is not { } mappings)
        {
            return ExitCodes.BadUsageOrConfiguration;
        }

        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken, services => services.AddCrmSyncMetrics());
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<MetricRunner>();
        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var summary = await console.Status().StartAsync("computing", context =>
            runner.RunAsync(parse.GetValue(AsOf), Pipeline.MappingViews.MappedFields(mappings), new Progress<string>(step => context.Status($"computing: {step}")), cancellationToken));

        console.MarkupLineInterpolated($"Metric run [bold]{summary.RunId}[/]: {summary.Accounts:N0} accounts, as-of {summary.Window.AsOf:u}, window from {summary.Window.WindowStart:u}.");
        var table = new Table().AddColumns("step", "ms");
        foreach (var (step, ms) in summary.TimingsMilliseconds)
        {
            table.AddRow(step, ms.ToString("N0", CultureInfo.InvariantCulture));
        }

        console.Write(table);
        if (summary.Accounts == 0)
        {
            console.MarkupLine("[yellow]No synced accounts yet:[/] run './crmsync sync' first (every metric of this run is empty).");
        }
        else if (summary.NotConfigured.Count > 0)
        {
            console.MarkupLineInterpolated($"[yellow]not configured[/] (stored as null; map their sources in mappings/ and sync): {string.Join(", ", summary.NotConfigured)}");
        }

        return ExitCodes.Success;
    }

    /// <summary>The <c>--as-of</c> option; <paramref name="defaultText"/> says what happens without it.</summary>
    internal static Option<DateTimeOffset?> CreateAsOfOption(string defaultText) => new("--as-of")
    {
        Description = "The instant the run describes, e.g. 2026-11-01 or 2026-11-01T12:00:00Z (UTC unless an offset is given). " + defaultText,
        CustomParser = ParseAsOf,
    };

    private static DateTimeOffset? ParseAsOf(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Single().Value;
        if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var value))
        {
            return value;
        }

        result.AddError($"--as-of: '{text}' is not a date or date-time (e.g. 2026-11-01 or 2026-11-01T12:00:00Z).");
        return null;
    }
}
