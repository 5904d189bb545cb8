using System.CommandLine;
using CrmSync.Metrics;
using CrmSync.Metrics.Explain;
using CrmSync.Store.Migrations;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary><c>kpi explain &lt;AccountId&gt; &lt;metric&gt; [--run N]</c>: the records and arithmetic behind one stored number.</summary>
internal static class KpiCommand
{
    private static readonly Argument<string> Account = new("AccountId") { Description = "The Salesforce Id of the account (18 characters)." };

    private static readonly Argument<string> Metric = new("metric") { Description = "A per-account metric: " + string.Join(", ", KpiExplainer.Metrics) + "." };

    private static readonly Option<long?> Run = new("--run") { Description = "The metric run to explain (default: the latest that succeeded)." };

    public static Command Create()
    {
        var explain = new Command("explain", "Show where one account's metric comes from: definition, records used and skipped, arithmetic, stored value.") { Account, Metric, Run };
        explain.SetAction(ExplainAsync);
        return new Command("kpi", "Look into computed KPIs.") { explain };
    }

    private static async Task<int> ExplainAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken, services => services.AddCrmSyncMetrics());
        await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        Explanation explanation;
        try
        {
            explanation = await host.Services.GetRequiredService<KpiExplainer>().ExplainAsync(parse.GetValue(Account)!, parse.GetValue(Metric)!, parse.GetValue(Run), cancellationToken);
        }
        catch (ExplainException e)
        {
            await parse.InvocationConfiguration.Error.WriteLineAsync(e.Message);
            return ExitCodes.BadUsageOrConfiguration;
        }

        Print(CliConsole.For(parse.InvocationConfiguration.Output), explanation);
        return ExitCodes.Success;
    }

    private static void Print(IAnsiConsole console, Explanation e)
    {
        console.MarkupLineInterpolated($"[bold]#{e.Number} {e.Title}[/] ({e.Metric}) of account {e.AccountId}, metric run {e.RunId}");
        console.MarkupLineInterpolated($"definition: {e.Definition}");
        console.MarkupLineInterpolated($"window: {e.Window}");
        if (e.Records.Count > 0)
        {
            var table = new Table().AddColumns("record", "kind", "date", "value", "entered", "why");
            foreach (var r in e.Records)
            {
                table.AddRow(Markup.Escape(r.Id), r.Kind, r.Date, Markup.Escape(r.Value), r.Entered ? "[green]yes[/]" : "no", Markup.Escape(r.Note));
            }

            console.Write(table);
        }
        else
        {
            console.WriteLine("records: none");
        }

        foreach (var line in e.Arithmetic)
        {
            console.MarkupLineInterpolated($"  {line}");
        }

        console.MarkupLineInterpolated($"stored value: [bold]{e.Stored}[/]{(e.Agrees ? "" : $" (recomputed here: {e.Computed}; the records changed since the run?)")}");
    }
}
