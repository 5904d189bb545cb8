using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using CrmSync.Clv;
using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Predictions;
using CrmSync.Clv.Rfm;
using CrmSync.Clv.Simulation;
using CrmSync.Testing;

namespace CrmSync.Benchmarks;

/// <summary>
/// CLV fit time on CDNOW (2,357 customers, weeks) and on a population 100× larger simulated from the CDNOW estimates
/// (235,700 customers, purchase days as in real data), side by side with Python lifetimes on the same summaries when
/// <c>python3</c> can import it (<c>--python</c> names another interpreter; PYTHONPATH is passed through).
/// </summary>
internal sealed class ClvBenchmark : IBenchmark
{
    public string Name => "clv";

    public string Description => "BG/NBD + Gamma-Gamma fit time on CDNOW and 100x CDNOW vs Python lifetimes; --scale N (default 100), --repeats N (default 5)";

    public async Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var scale = BenchmarkArguments.Int(args, "--scale", 100);
        var repeats = BenchmarkArguments.Int(args, "--repeats", 5);
        var python = args.SkipWhile(a => a != "--python").Skip(1).FirstOrDefault() ?? "python3";

        var cdnow = RfmSummary.FromTransactions(ReadCdnow(), new DateOnly(1997, 9, 30), TimeUnit.Week);
        var cdnowFit = BgNbdModel.Fit(cdnow);
        var spendFit = GammaGammaModel.Fit(cdnow);
        var large = Simulate(cdnow, cdnowFit.Parameters, spendFit.Parameters!, scale);

        foreach (var (name, histories) in new[] { ("CDNOW", cdnow.Histories), ($"CDNOW x{scale} (simulated)", large) })
        {
            cancellationToken.ThrowIfCancellationRequested();
            var ours = TimeOurs(histories, repeats);
            var theirs = await TimeLifetimesAsync(python, histories, repeats, cancellationToken);
            await output.WriteLineAsync(Report(name, histories, ours, theirs));
        }

        var scoring = Stopwatch.StartNew();
        var summary = SyntheticSummary(large);
        ClvScoring.Score(summary, BgNbdModel.Fit(summary), GammaGammaModel.Fit(summary), new ClvOptions(TimeUnit.Week));
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"scoring {large.Length:N0} customers (P(alive), 12-month purchases, value, discounted CLV, tiers, actions): {scoring.Elapsed.TotalSeconds:0.00} s"));
        using var process = Process.GetCurrentProcess();
        await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
            $"process: peak working set {process.PeakWorkingSet64 / 1024.0 / 1024:N0} MiB, CPU {process.TotalProcessorTime.TotalSeconds:0.0} s, {Environment.ProcessorCount} cores"));
    }

    internal static IReadOnlyList<Transaction> ReadCdnow() =>
        File.ReadLines(RepositoryRoot.Combine("tests", "CrmSync.Clv.Tests", "Data", "CDNOW_sample.txt"))
            .Select(line => line.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Select(f => new Transaction(f[1], DateOnly.ParseExact(f[2], "yyyyMMdd", CultureInfo.InvariantCulture), decimal.Parse(f[4], CultureInfo.InvariantCulture)))
            .ToArray();

    /// <summary>Each CDNOW customer's T repeated <paramref name="scale"/> times; purchases drawn from the CDNOW estimates, on whole days.</summary>
    private static PurchaseHistory[] Simulate(RfmSummary cdnow, BgNbdParameters purchases, GammaGammaParameters spend, int scale)
    {
        var ages = cdnow.Histories.SelectMany(h => Enumerable.Repeat(h.Age, scale)).ToArray();
        return BtydSimulator.Simulate(purchases, spend, ages, new Random(1997), resolution: 1.0 / 7);
    }

    /// <summary>The simulated histories as a summary, for scoring (ids and dates are placeholders).</summary>
    private static RfmSummary SyntheticSummary(IReadOnlyList<PurchaseHistory> histories)
    {
        var asOf = new DateOnly(1997, 9, 30);
        var deals = new List<Transaction>();
        for (var i = 0; i < histories.Count; i++)
        {
            var h = histories[i];
            var id = i.ToString(CultureInfo.InvariantCulture);
            var first = asOf.AddDays(-(int)Math.Round(h.Age * 7));
            deals.Add(new Transaction(id, first, 10m));
            for (var k = 1; k <= h.RepeatPurchases; k++)
            {
                // Repeat days spread up to tx; only x, tx, T and the mean value matter to the models.
                deals.Add(new Transaction(id, first.AddDays((int)Math.Round(h.Recency * 7 * k / h.RepeatPurchases)), (decimal)Math.Max(h.MeanRepeatValue, 0.01)));
            }
        }

        return RfmSummary.FromTransactions(deals, asOf, TimeUnit.Week);
    }

    private static (double BgNbd, double BgNbdFirst, double GammaGamma, BgNbdParameters Parameters) TimeOurs(IReadOnlyList<PurchaseHistory> histories, int repeats)
    {
        var bgnbd = new List<double>();
        var gammaGamma = new List<double>();
        BgNbdParameters? parameters = null;
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            parameters = BgNbdModel.Fit(histories, TimeUnit.Week).Parameters;
            bgnbd.Add(watch.Elapsed.TotalSeconds);
            watch.Restart();
            GammaGammaModel.Fit(histories);
            gammaGamma.Add(watch.Elapsed.TotalSeconds);
        }

        return (Median(bgnbd), bgnbd[0], Median(gammaGamma), parameters!);
    }

    private static async Task<JsonDocument?> TimeLifetimesAsync(string python, IReadOnlyList<PurchaseHistory> histories, int repeats, CancellationToken cancellationToken)
    {
        var file = Path.Combine(Path.GetTempPath(), $"crmsync-clv-{Environment.ProcessId}.csv");
        await File.WriteAllLinesAsync(file, ["frequency,recency,T,monetary_value", .. histories.Select(h =>
            string.Create(CultureInfo.InvariantCulture, $"{h.RepeatPurchases},{h.Recency:R},{h.Age:R},{h.MeanRepeatValue:R}"))], cancellationToken);
        try
        {
            var script = RepositoryRoot.Combine("tests", "CrmSync.Benchmarks", "clv_lifetimes.py");
            using var process = Process.Start(new ProcessStartInfo(python, [script, file, repeats.ToString(CultureInfo.InvariantCulture)]) { RedirectStandardOutput = true })!;
            var text = await process.StandardOutput.ReadToEndAsync(cancellationToken);
            await process.WaitForExitAsync(cancellationToken);
            return text.Length > 0 ? JsonDocument.Parse(text) : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static string Report(string name, IReadOnlyList<PurchaseHistory> histories, (double BgNbd, double BgNbdFirst, double GammaGamma, BgNbdParameters Parameters) ours, JsonDocument? theirs)
    {
        var p = ours.Parameters;
        var lines = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture, $"{name}: {PurchaseHistories.Describe(histories, TimeUnit.Week)}"),
            string.Create(CultureInfo.InvariantCulture,
                $"  CrmSync.Clv: BG/NBD {ours.BgNbd * 1000:0.0} ms (first call {ours.BgNbdFirst * 1000:0.0} ms), Gamma-Gamma {ours.GammaGamma * 1000:0.0} ms; r={p.R:0.0000} α={p.Alpha:0.0000} a={p.A:0.0000} b={p.B:0.0000}"),
        };
        if (theirs is null || theirs.RootElement.TryGetProperty("error", out _))
        {
            lines.Add($"  lifetimes: not available ({(theirs is null ? "no python3" : theirs.RootElement.GetProperty("error").GetString())})");
            return string.Join(Environment.NewLine, lines);
        }

        var root = theirs.RootElement;
        double bg = root.GetProperty("bgnbd_seconds").GetDouble(), gg = root.GetProperty("gamma_gamma_seconds").GetDouble();
        var their = root.GetProperty("bgnbd");
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"  lifetimes {root.GetProperty("version").GetString()}: BG/NBD {bg * 1000:0.0} ms, Gamma-Gamma {gg * 1000:0.0} ms; r={their.GetProperty("r").GetDouble():0.0000} α={their.GetProperty("alpha").GetDouble():0.0000} a={their.GetProperty("a").GetDouble():0.0000} b={their.GetProperty("b").GetDouble():0.0000}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture,
            $"  speed-up: BG/NBD {bg / ours.BgNbd:0.0}x, Gamma-Gamma {gg / ours.GammaGamma:0.0}x, both {(bg + gg) / (ours.BgNbd + ours.GammaGamma):0.0}x"));
        return string.Join(Environment.NewLine, lines);
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);
}
