using System.Globalization;
using System.Text;
using System.Text.Json;
using CrmSync.Clv;
using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Holdout;
using CrmSync.Clv.Rfm;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>What <c>clv fit</c> prints: the contract's JSON object, or tables.</summary>
internal static class ClvFitReport
{
    /// <summary>The object of the CLI contract; Gamma-Gamma values are null when there is no fit (too few repeaters).</summary>
    public static string Json(RfmSummary summary, BgNbdFit purchases, GammaGammaFit spend, double fitSeconds)
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            json.WriteNumber("customers", summary.Customers.Count);
            json.WriteNumber("repeaters", purchases.Repeaters);
            json.WriteStartObject("bgnbd");
            json.WriteNumber("r", purchases.Parameters.R);
            json.WriteNumber("alpha", purchases.Parameters.Alpha);
            json.WriteNumber("a", purchases.Parameters.A);
            json.WriteNumber("b", purchases.Parameters.B);
            json.WriteNumber("log_likelihood", purchases.LogLikelihood);
            json.WriteEndObject();
            json.WriteStartObject("gamma_gamma");
            WriteNumberOrNull(json, "p", spend.Parameters?.P);
            WriteNumberOrNull(json, "q", spend.Parameters?.Q);
            WriteNumberOrNull(json, "gamma", spend.Parameters?.Gamma);
            WriteNumberOrNull(json, "log_likelihood", spend.LogLikelihood);
            json.WriteEndObject();
            json.WriteNumber("fit_seconds", Math.Round(fitSeconds, 6));
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    public static void Write(IAnsiConsole console, RfmSummary summary, BgNbdFit purchases, GammaGammaFit spend, double fitSeconds, HoldoutComparison? holdout)
    {
        console.WriteLine(summary.Describe());
        var p = purchases.Parameters;
        var table = new Table().AddColumns("model", "parameters", "log-likelihood", "iterations", "customers");
        table.AddRow("BG/NBD", $"r = {G(p.R)}, α = {G(p.Alpha)}, a = {G(p.A)}, b = {G(p.B)}", F(purchases.LogLikelihood), N(purchases.Iterations), N(purchases.Customers));
        table.AddRow("Gamma-Gamma", Markup.Escape(spend.Parameters is { } s ? $"p = {G(s.P)}, q = {G(s.Q)}, γ = {G(s.Gamma)}" : "(not fitted)"),
            spend.LogLikelihood is { } ll ? F(ll) : "-", N(spend.Iterations), N(spend.Repeaters));
        console.Write(table);
        console.MarkupLineInterpolated($"Rates are per {summary.Unit.Name()}; fitted in {fitSeconds:0.000} s.");
        if (spend.Problem is not null)
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {spend.Problem}");
        }
        else if (spend.Parameters is { } fitted)
        {
            console.MarkupLineInterpolated($"Expected value of a purchase of a customer without repeat purchases: {fitted.P * fitted.Gamma / (fitted.Q - 1):0.00}.");
        }

        if (holdout is not null)
        {
            WriteHoldout(console, holdout);
        }
    }

    private static void WriteHoldout(IAnsiConsole console, HoldoutComparison holdout)
    {
        console.MarkupLineInterpolated(
            $"Holdout {holdout.CalibrationEnd:yyyy-MM-dd} → {holdout.HoldoutEnd:yyyy-MM-dd} ({holdout.HoldoutLength:0.##} {holdout.Unit.Name()}s): purchases per customer by repeat purchases in the calibration period.");
        var table = new Table().AddColumns("calibration repeat purchases", "customers", "actual", "predicted");
        foreach (var row in holdout.Rows)
        {
            table.AddRow(row.RepeatPurchases + (row.AndMore ? "+" : string.Empty), N(row.Customers), row.ActualMean.ToString("0.000", CultureInfo.InvariantCulture),
                row.PredictedMean.ToString("0.000", CultureInfo.InvariantCulture));
        }

        table.AddRow("all (total purchases)", N(holdout.Rows.Sum(r => r.Customers)), F(holdout.ActualTotal), F(holdout.PredictedTotal));
        console.Write(table);
    }

    private static void WriteNumberOrNull(Utf8JsonWriter json, string name, double? value)
    {
        if (value is { } number)
        {
            json.WriteNumber(name, number);
        }
        else
        {
            json.WriteNull(name);
        }
    }

    private static string G(double value) => value.ToString("G5", CultureInfo.InvariantCulture);

    private static string F(double value) => value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
