using System.Globalization;
using System.Text;
using CrmSync.Integration.Tests.Metrics.Recompute;

namespace CrmSync.Integration.Tests.Metrics;

/// <summary>
/// Expected against stored, value by value: counts, booleans, dates and text exactly, numbers to
/// 1e-9 relative, nulls equal. A failure lists the first mismatches and a count per metric.
/// </summary>
public sealed class MetricComparison
{
    private const int Shown = 12;
    private readonly List<(string Where, string Metric, object? Expected, object? Stored)> mismatches = [];
    private int compared;

    public static MetricComparison Of(ExpectedRun expected, StoredMetrics stored)
    {
        var comparison = new MetricComparison();
        foreach (var (account, figures) in expected.Accounts)
        {
            if (!stored.Accounts.TryGetValue(account, out var row))
            {
                comparison.mismatches.Add((account, "(account_metric row)", "present", "missing"));
                continue;
            }

            foreach (var figure in figures.Values)
            {
                comparison.Compare(account, figure.Metric, figure.Value, row[figure.Metric]);
                if (figure.RecordsUsed is { } used)
                {
                    comparison.Compare(account, $"records_used[{figure.Metric}]", (decimal)used, (decimal?)stored.RecordsUsed(account, figure.Metric));
                }
            }
        }

        foreach (var extra in stored.Accounts.Keys.Except(expected.Accounts.Keys))
        {
            comparison.mismatches.Add((extra, "(account_metric row)", "absent", "stored"));
        }

        foreach (var key in expected.Segments.Keys.Union(stored.Segments.Keys))
        {
            var where = "segment " + key.Segment;
            if (!expected.Segments.TryGetValue(key, out var figure) || !stored.Segments.TryGetValue(key, out var row))
            {
                comparison.mismatches.Add((where, key.Metric, figure is null ? "(no row)" : figure.Value, figure is null ? "a row" : "(no row)"));
                continue;
            }

            comparison.Compare(where, key.Metric, figure.Value, row.Value);
            if (figure.RecordsUsed is { } used)
            {
                comparison.Compare(where, $"records_used[{key.Metric}]", (decimal)used, (decimal)row.RecordsUsed);
            }
        }

        return comparison;
    }

    public void AssertNone()
    {
        if (mismatches.Count == 0)
        {
            return;
        }

        var report = new StringBuilder();
        report.Append(CultureInfo.InvariantCulture, $"{mismatches.Count} of {compared} values differ; by metric: ");
        report.AppendJoin(", ", mismatches.GroupBy(m => m.Metric).Select(g => $"{g.Key} {g.Count()}")).AppendLine();
        foreach (var (where, metric, expected, stored) in mismatches.Take(Shown))
        {
            report.AppendLine(CultureInfo.InvariantCulture, $"  {where}  {metric}: expected {Show(expected)}, stored {Show(stored)}");
        }

        Assert.Fail(report.ToString());
    }

    private void Compare(string where, string metric, object? expected, object? stored)
    {
        compared++;
        if (!Same(expected, stored))
        {
            mismatches.Add((where, metric, expected, stored));
        }
    }

    private static bool Same(object? expected, object? stored) => (expected, stored) switch
    {
        (null, null) => true,
        (decimal e, decimal s) => Math.Abs(e - s) <= 1e-9m * Math.Max(Math.Abs(e), Math.Abs(s)) + 1e-12m,
        _ => Equals(expected, stored),
    };

    private static string Show(object? value) => value switch
    {
        null => "null",
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
