using System.CommandLine;
using System.Globalization;
using CrmSync.Salesforce;
using CrmSync.Store.Migrations;
using CrmSync.Sync.Mappings;
using CrmSync.WriteBack;
using CrmSync.WriteBack.Targets;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary><c>writeback [--dry-run] [--csv FILE]</c>: the latest metric run's changed values into Salesforce.</summary>
internal static class WriteBackCommand
{
    private const int TableRows = 100;

    private static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Show what would be written (record, field, old → new) without writing; Salesforce is asked at most for a describe.",
    };

    private static readonly Option<FileInfo?> Csv = new("--csv")
    {
        Description = "With --dry-run: also write every change to this CSV file (target,object,record,field,old,new).",
        HelpName = "FILE",
    };

    public static Command Create()
    {
        var command = new Command("writeback", "Write the latest metric run's changed KPI and CLV values to Salesforce (Account fields and KPI snapshots).") { DryRun, Csv };
        command.Validators.Add(result =>
        {
            if (result.GetValue(Csv) is not null && !result.GetValue(DryRun))
            {
                result.AddError("--csv goes with --dry-run (it lists what would be written).");
            }
        });
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (await VerbHost.LoadValidMappingsAsync(parse, "nothing was written") is not { } mappings)
        {
            return ExitCodes.BadUsageOrConfiguration;
        }

        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken, services => services.AddSalesforce().AddCrmSyncWriteBack());
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var runner = host.Services.GetRequiredService<WriteBackRunner>();
        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var dryRun = parse.GetValue(DryRun);
        WriteBackReport report;
        try
        {
            report = await console.Status().StartAsync(dryRun ? "comparing" : "writing back", context =>
                runner.RunAsync(Pipeline.MappingViews.WriteTargets(mappings), dryRun, new Progress<WriteBackProgress>(p => context.Status(Describe(p))), cancellationToken));
        }
        catch (WriteBackException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
            return ExitCodes.Failed;
        }

        if (dryRun)
        {
            await WriteBackPrinter.WriteChangesAsync(console, report, TableRows, parse.GetValue(Csv), cancellationToken);
        }

        WriteBackPrinter.WriteSummary(console, report);
        return report.Failed > 0 ? ExitCodes.Failed : ExitCodes.Success;
    }

    private static string Describe(WriteBackProgress progress) => progress.Total > 0
        ? string.Create(CultureInfo.InvariantCulture, $"{progress.Target}: {progress.Phase} {progress.Done:N0} of {progress.Total:N0} records")
        : string.Create(CultureInfo.InvariantCulture, $"{progress.Target}: {progress.Phase} {progress.Done:N0} records");
}
