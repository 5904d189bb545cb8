using System.CommandLine;
using CrmSync.Host.Jobs;
using CrmSync.Host.Pipeline;
using CrmSync.Store.Migrations;
using CrmSync.Sync;
using CrmSync.Sync.Mappings;
using CrmSync.WriteBack;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>
/// <c>run [--as-of T] [--dry-run]</c>: one pipeline run (sync → compute → write back) in the foreground, recorded
/// like the server's; a run this command left unfinished (killed, Ctrl+C) is resumed at its first unfinished step.
/// </summary>
internal static class RunCommand
{
    private const int DryRunTableRows = 50;

    private static readonly Option<DateTimeOffset?> AsOf = ComputeCommand.CreateAsOfOption("Default: as Jobs:PipelineAsOf says (the last UTC midnight).");

    private static readonly Option<bool> DryRun = new("--dry-run")
    {
        Description = "Sync and compute as usual, but only show what write-back would change in Salesforce.",
    };

    public static Command Create()
    {
        var command = new Command("run", "Run the whole pipeline once in the foreground: sync every mapped object, compute KPIs and CLV, write back what changed.") { AsOf, DryRun };
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        if (await VerbHost.LoadValidMappingsAsync(parse, "nothing was run") is not { } mappings)
        {
            return ExitCodes.BadUsageOrConfiguration;
        }

        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken, services => services.AddCrmSyncPipeline().AddJobsOptions());
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        var store = host.Services.GetRequiredService<PipelineStore>();
        var error = parse.InvocationConfiguration.Error;
        await using var foreground = await store.TryForegroundLockAsync(cancellationToken);
        if (foreground is null)
        {
            await error.WriteLineAsync("Another 'crmsync run' is running against this database; nothing was started.");
            return ExitCodes.Failed;
        }

        var console = CliConsole.For(parse.InvocationConfiguration.Output);
        var run = await StartOrResumeAsync(host.Services, console, parse.GetValue(AsOf), parse.GetValue(DryRun), cancellationToken);
        if (run is null)
        {
            var other = await store.RunningAsync(cancellationToken);
            await error.WriteLineAsync($"Pipeline {other?.Id} (started by {other?.Trigger} at {other?.StartedAt:u}) is running on a CrmSync server; wait for it, or follow it on the dashboard's CrmSync page.");
            return ExitCodes.Failed;
        }

        var failedRecords = await RunStepsAsync(host.Services, console, run, mappings, cancellationToken);
        var steps = await store.StepsAsync(run.Id, cancellationToken);
        var table = new Table().AddColumns("step", "status", "summary");
        foreach (var step in steps)
        {
            table.AddRow(Markup.Escape(step.Step), Markup.Escape(step.Status), Markup.Escape(step.Summary ?? step.Error ?? string.Empty));
        }

        console.MarkupLineInterpolated($"Pipeline [bold]{run.Id}[/] (as-of {run.AsOf:u}{(run.DryRun ? ", dry run" : string.Empty)}) finished.");
        console.Write(table);
        if (failedRecords.Count == 0)
        {
            return ExitCodes.Success;
        }

        await error.WriteLineAsync(
            $"{failedRecords.Values.Sum()} records were not written ({string.Join(", ", failedRecords.Select(e => $"{e.Key}: {e.Value}"))}); " +
            "they are in crmsync.write_error and on the dashboard, and the next run retries those that can be retried.");
        return ExitCodes.Failed;
    }

    /// <summary>This command's unfinished run, resumed; or a new one; null when a server's run is in progress.</summary>
    private static async Task<PipelineRunInfo?> StartOrResumeAsync(IServiceProvider services, IAnsiConsole console, DateTimeOffset? asOf, bool dryRun, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PipelineStore>();
        if (await store.RunningAsync(cancellationToken) is { } running)
        {
            if (running.Owner != PipelineStatus.CliOwner)
            {
                return null;
            }

            await store.ResetUnfinishedAsync(running.Id, cancellationToken);
            console.MarkupLineInterpolated($"Resuming pipeline {running.Id}, left unfinished by an earlier 'crmsync run' (as-of {running.AsOf:u}); finished steps are kept.");
            return running;
        }

        return await services.GetRequiredService<PipelineCoordinator>().StartAsync("cli", PipelineStatus.CliOwner, asOf, dryRun, cancellationToken);
    }

    /// <summary>Claims and runs due steps until the run is finished; returns the records write-back could not write, by error code.</summary>
    private static async Task<IReadOnlyDictionary<string, int>> RunStepsAsync(IServiceProvider services, IAnsiConsole console, PipelineRunInfo run, MappingSet mappings, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<PipelineStore>();
        var steps = services.GetRequiredService<PipelineSteps>();
        IReadOnlyDictionary<string, int> failedRecords = new Dictionary<string, int>();
        while (await store.ClaimAsync(run.Id, cancellationToken) is { Finished: false } claim)
        {
            if (claim.Steps.Count == 0)
            {
                throw new InvalidOperationException($"Pipeline {run.Id} has nothing due but is not finished; see its steps on the dashboard.");
            }

            var current = claim.Steps[0];
            try
            {
                var sources = claim.Steps.Select(PipelineStatus.SourceOf).OfType<string>().ToList();
                if (sources.Count > 0)
                {
                    var mapped = SyncRunner.Select(mappings, sources);
                    await SyncProgressDisplay.RunAsync(console, mapped, async progress =>
                    {
                        foreach (var source in sources)
                        {
                            current = PipelineStatus.SyncStep(source);
                            await steps.SyncAsync(run.Id, source, progress, cancellationToken);
                        }

                        return sources.Count;
                    });
                }
                else if (current == PipelineStatus.ComputeStep)
                {
                    await console.Status().StartAsync("computing", context =>
                        steps.ComputeAsync(run.Id, new Progress<string>(step => context.Status($"computing: {step}")), cancellationToken));
                }
                else
                {
                    WriteBackReport? report = null;
                    await console.Status().StartAsync(run.DryRun ? "comparing" : "writing back", context =>
                        steps.WriteBackAsync(run.Id, new Progress<WriteBackProgress>(p => context.Status($"{p.Target}: {p.Phase} {p.Done:N0} of {p.Total:N0}")), r => report = r, cancellationToken));
                    if (report is not null)
                    {
                        if (run.DryRun)
                        {
                            await WriteBackPrinter.WriteChangesAsync(console, report, DryRunTableRows, csv: null, cancellationToken);
                        }

                        WriteBackPrinter.WriteSummary(console, report);
                        failedRecords = report.Failed == 0 ? new Dictionary<string, int>()
                            : report.ErrorCodes.Count > 0 ? report.ErrorCodes : new Dictionary<string, int> { ["failed"] = report.Failed };
                    }
                }
            }
            catch (OperationCanceledException)
            {
                console.MarkupLineInterpolated($"Pipeline {run.Id} interrupted at {current}; 'crmsync run' resumes it there.");
                throw;
            }
            catch (Exception e)
            {
                await services.GetRequiredService<PipelineCoordinator>().FailAsync(run.Id, current, e.Message, CancellationToken.None);
                throw;
            }
        }

        return failedRecords;
    }
}
