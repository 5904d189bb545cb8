using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using CrmSync.Clv;
using CrmSync.Clv.BgNbd;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Holdout;
using CrmSync.Clv.Rfm;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>
/// <c>clv fit --transactions FILE [--calibration-end D] [--time-unit week|day|month] [--json] [--plot FILE.svg]</c>:
/// fits BG/NBD + Gamma-Gamma on a CSV of deals, and with a calibration end compares predictions with the holdout.
/// Needs no database and no Salesforce.
/// </summary>
internal static class ClvCommand
{
    private static readonly Option<string> Transactions = new("--transactions")
    {
        Description = "CSV with a header naming customer_id, date (yyyy-MM-dd) and amount; one row per won deal.",
        Required = true,
        HelpName = "FILE",
    };

    private static readonly Option<DateOnly?> CalibrationEnd = new("--calibration-end")
    {
        Description = "Fit on deals up to this day (inclusive, yyyy-MM-dd); later deals are the holdout the predictions are checked against. Default: the last day in the file, no holdout.",
        CustomParser = result => ParseDate(result),
        HelpName = "yyyy-MM-dd",
    };

    private static readonly Option<TimeUnit> Unit = new("--time-unit")
    {
        Description = "Unit of every duration and rate: week (default), day or month (30.436875 days).",
        CustomParser = result => ParseUnit(result),
        DefaultValueFactory = _ => TimeUnit.Week,
        HelpName = "week|day|month",
    };

    private static readonly Option<bool> Json = new("--json") { Description = "Print one JSON object (keys fixed by the CLI contract) instead of tables." };

    private static readonly Option<string?> Plot = new("--plot")
    {
        Description = "With --calibration-end: write an SVG of predicted vs actual holdout purchases by calibration purchases.",
        HelpName = "FILE.svg",
    };

    public static Command Create()
    {
        var fit = new Command("fit", "Fit BG/NBD (purchases) and Gamma-Gamma (deal values) on a CSV of deals; with --calibration-end, a holdout check.")
        {
            Transactions, CalibrationEnd, Unit, Json, Plot,
        };
        fit.SetAction(FitAsync);
        return new Command("clv", "Customer lifetime value models, on files (no database needed).") { fit };
    }

    private static async Task<int> FitAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        var error = parse.InvocationConfiguration.Error;
        var calibrationEnd = parse.GetValue(CalibrationEnd);
        var plot = parse.GetValue(Plot);
        if (plot is not null && calibrationEnd is null)
        {
            await error.WriteLineAsync("--plot needs --calibration-end: the plot compares predictions with the deals after it.");
            return ExitCodes.BadUsageOrConfiguration;
        }

        List<Transaction> transactions;
        try
        {
            transactions = ClvTransactionsFile.Read(parse.GetValue(Transactions)!);
        }
        catch (ClvInputException e)
        {
            await error.WriteLineAsync(e.Message);
            return ExitCodes.BadUsageOrConfiguration;
        }

        var lastDay = transactions.Count > 0 ? transactions.Max(t => t.Date) : DateOnly.MinValue;
        var unit = parse.GetValue(Unit);
        var stopwatch = Stopwatch.StartNew();
        var summary = RfmSummary.FromTransactions(transactions, calibrationEnd ?? lastDay, unit);
        if (summary.Customers.Count == 0)
        {
            await error.WriteLineAsync($"No deals dated on or before {summary.AsOf:yyyy-MM-dd} in the file: nothing to fit.");
            return ExitCodes.Failed;
        }

        BgNbdFit purchases;
        try
        {
            purchases = BgNbdModel.Fit(summary);
        }
        catch (ClvFitException e)
        {
            await error.WriteLineAsync("Error: " + e.Message);
            return ExitCodes.Failed;
        }

        var spend = GammaGammaModel.Fit(summary);
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var holdout = calibrationEnd is not null && lastDay > calibrationEnd
            ? HoldoutComparison.Build(transactions, summary, purchases.Parameters, lastDay)
            : null;

        var output = parse.InvocationConfiguration.Output;
        if (parse.GetValue(Json))
        {
            await output.WriteLineAsync(ClvFitReport.Json(summary, purchases, spend, seconds));
        }
        else
        {
            var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output) });
            if (Console.IsOutputRedirected)
            {
                // Not a terminal: no width to read, and 80 columns would wrap the parameters.
                console.Profile.Width = 140;
            }

            ClvFitReport.Write(console, summary, purchases, spend, seconds, holdout);
        }

        if (plot is null)
        {
            return ExitCodes.Success;
        }

        if (holdout is null)
        {
            await error.WriteLineAsync($"No deals after {calibrationEnd:yyyy-MM-dd} in the file: no holdout to plot, {plot} not written.");
            return ExitCodes.Failed;
        }

        await File.WriteAllTextAsync(plot, ClvHoldoutPlot.Svg(holdout), cancellationToken);
        await error.WriteLineAsync($"Holdout plot written to {plot}.");
        return ExitCodes.Success;
    }

    private static DateOnly? ParseDate(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        result.AddError($"--calibration-end: '{text}' is not a date like 1997-09-30.");
        return null;
    }

    private static TimeUnit ParseUnit(System.CommandLine.Parsing.ArgumentResult result)
    {
        var text = result.Tokens.Count > 0 ? result.Tokens[0].Value : string.Empty;
        if (TimeUnits.TryParse(text, out var unit))
        {
            return unit;
        }

        result.AddError($"--time-unit: '{text}' is not one of week, day, month.");
        return TimeUnit.Week;
    }
}
