using System.Globalization;
using System.Text.Json;
using CrmSync.Host.Cli;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Cli;

/// <summary><c>clv fit</c> on files: no database, no Salesforce.</summary>
public sealed class ClvCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("crmsync-clv-").FullName;

    [Fact]
    public async Task Json_on_cdnow_has_the_contract_keys_and_the_published_fit()
    {
        var (code, output, error) = await Cli.RunAsync("clv", "fit", "--transactions", CdnowCsv(), "--calibration-end", "1997-09-30", "--json",
            "--set", "Database:PostgresBinDir=/nonexistent");

        Assert.True(code == ExitCodes.Success, error);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(["customers", "repeaters", "bgnbd", "gamma_gamma", "fit_seconds"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(["r", "alpha", "a", "b", "log_likelihood"], root.GetProperty("bgnbd").EnumerateObject().Select(p => p.Name));
        Assert.Equal(["p", "q", "gamma", "log_likelihood"], root.GetProperty("gamma_gamma").EnumerateObject().Select(p => p.Name));
        Assert.Equal(2357, root.GetProperty("customers").GetInt32());
        Assert.Equal(946, root.GetProperty("repeaters").GetInt32());
        AssertRelative(0.24260, root.GetProperty("bgnbd").GetProperty("r").GetDouble());
        AssertRelative(4.4137, root.GetProperty("bgnbd").GetProperty("alpha").GetDouble());
        AssertRelative(-9582.43, root.GetProperty("bgnbd").GetProperty("log_likelihood").GetDouble());
        AssertRelative(15.448, root.GetProperty("gamma_gamma").GetProperty("gamma").GetDouble());
        AssertRelative(-4055.92, root.GetProperty("gamma_gamma").GetProperty("log_likelihood").GetDouble());
        Assert.InRange(root.GetProperty("fit_seconds").GetDouble(), 0, 30);
    }

    [Fact]
    public async Task Tables_show_the_holdout_and_the_plot_is_an_svg_of_both_series()
    {
        var plot = Path.Combine(folder, "holdout.svg");

        var (code, output, error) = await Cli.RunAsync("clv", "fit", "--transactions", CdnowCsv(), "--calibration-end", "1997-09-30", "--plot", plot);

        Assert.True(code == ExitCodes.Success, error);
        Assert.Contains("Holdout 1997-09-30 → 1998-06-30 (39 weeks)", output, StringComparison.Ordinal);
        Assert.Contains("1,411", output, StringComparison.Ordinal);   // customers without repeat purchases in the calibration period
        var svg = await File.ReadAllTextAsync(plot);
        Assert.StartsWith("<svg", svg, StringComparison.Ordinal);
        Assert.Equal(2, svg.Split("<polyline").Length - 1);
        Assert.Contains("predicted (BG/NBD)", svg, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("customer_id,date,amount\na,2025-01-01,10\na,2025-01-02,12,5\n", "line 3: 4 field(s)")]
    [InlineData("customer_id,date,amount\na,2025-01-01,10\na,2025-01-02,\"12,5\"\n", "tx.csv line 3: 'amount' is not a number ('12,5')")]
    [InlineData("customer_id,date,amount\na,01/02/2025,10\n", "tx.csv line 2: 'date' is not a date like 2025-01-31 ('01/02/2025')")]
    [InlineData("id,day,value\na,2025-01-01,10\n", "tx.csv line 1: the header must name the columns customer_id, date and amount")]
    public async Task A_bad_file_exits_2_naming_file_line_and_field(string csv, string message)
    {
        var path = Path.Combine(folder, "tx.csv");
        await File.WriteAllTextAsync(path, csv);

        var (code, _, error) = await Cli.RunAsync("clv", "fit", "--transactions", path);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--time-unit", "fortnight", "--time-unit: 'fortnight' is not one of week, day, month.")]
    [InlineData("--calibration-end", "30.09.1997", "--calibration-end: '30.09.1997' is not a date like 1997-09-30.")]
    public async Task Bad_options_exit_2_naming_the_option(string option, string value, string message)
    {
        var (code, _, error) = await Cli.RunAsync("clv", "fit", "--transactions", CdnowCsv(), option, value);

        Assert.Equal(ExitCodes.BadUsageOrConfiguration, code);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Data_that_cannot_be_fitted_exits_1_with_the_data_summary()
    {
        var path = Path.Combine(folder, "few.csv");
        await File.WriteAllTextAsync(path, "customer_id,date,amount\na,2025-01-01,10\na,2025-02-01,10\nb,2025-01-05,3\n");

        var (code, _, error) = await Cli.RunAsync("clv", "fit", "--transactions", path, "--time-unit", "day");

        Assert.Equal(ExitCodes.Failed, code);
        Assert.Contains("2 customers (1 with repeat purchases)", error, StringComparison.Ordinal);
        Assert.Contains("days", error, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The shipped CDNOW sample (tests/CrmSync.Clv.Tests/Data) as the verb's CSV.</summary>
    private string CdnowCsv()
    {
        var path = Path.Combine(folder, "cdnow.csv");
        var rows = File.ReadLines(RepositoryRoot.Combine("tests", "CrmSync.Clv.Tests", "Data", "CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => string.Create(CultureInfo.InvariantCulture,
                $"{int.Parse(f[1], CultureInfo.InvariantCulture)},{DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture):yyyy-MM-dd},{f[4]}"));
        File.WriteAllLines(path, ["customer_id,date,amount", .. rows]);
        return path;
    }

    private static void AssertRelative(double expected, double actual) =>
        Assert.True(Math.Abs(actual - expected) <= 1e-3 * Math.Abs(expected), $"expected {expected} within 1e-3 relative, got {actual}");
}
