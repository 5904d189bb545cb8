using System.CommandLine;
using System.Globalization;
using CrmSync.Salesforce;
using CrmSync.Store.Migrations;
using CrmSync.Sync;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary><c>sync [--full] [--objects A,B]</c>: the pull, in the foreground, with progress.</summary>
internal static class SyncCommand
{
    private static readonly Option<bool> Full = new("--full") { Description = "Pull everything again (and compare Ids to find old deletions) instead of changes since the last run." };

    private static readonly Option<string[]> Objects = new("--objects")
    {
        Description = "Only these objects or sources, comma-separated (e.g. Account,Opportunity or account,deal).",
        CustomParser = result => result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToArray(),
    };

    public static Command Create()
    {
        var command = new Command("sync", "Pull the mapped Salesforce objects into PostgreSQL (changes since the last run), showing rows, rows/s and ETA.") { Full, Objects };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        // Bad mappings or object names stop the run before any database or Salesforce work.
        var mappings = MappingLoader.LoadFolder(VerbHost.MappingsFolder(VerbHost.CreateBuilder(parse).Configuration));
        IReadOnlyList<SourceMapping> sources;
        try
        {
            sources = SyncRunner.Select(mappings, parse.GetValue(Objects) ?? []);
        }
        catch (ArgumentException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadUsageOrConfiguration;
        }

        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken, services => services.AddSalesforce().AddCrmSyncSync());
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<SyncRunner>();

        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(parse.InvocationConfiguration.Output) });
        if (Console.IsOutputRedirected)
        {
            // Not a terminal: no width to read, and 80 columns would wrap the summary's object names.
            console.Profile.Width = 140;
        }

        var results = await SyncProgressDisplay.RunAsync(console, sources, progress => runner.RunAsync(sources, parse.GetValue(Full), progress, cancellationToken));

        console.Write(Summary(results));
        foreach (var warning in results.SelectMany(r => r.Warnings))
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {warning}");
        }

        return ExitCodes.Success;
    }

    private static Table Summary(IReadOnlyList<PullResult> results)
    {
        var table = new Table().AddColumns("object", "pull", "via", "rows read", "new", "changed", "deleted", "rows/s", "time");
        foreach (var r in results)
        {
            var perSecond = r.Elapsed.TotalSeconds > 0 ? (r.RowsRead / r.Elapsed.TotalSeconds).ToString("N0", CultureInfo.InvariantCulture) : "-";
            table.AddRow(r.ObjectName, r.Full ? "full" : "changes", r.Transport, N(r.RowsRead), N(r.Changes.Inserted), N(r.Changes.Updated),
                N(r.Changes.Deleted + r.Reconciled), perSecond, r.Elapsed.ToString(@"m\:ss\.f", CultureInfo.InvariantCulture));
        }

        return table;
    }

    private static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
