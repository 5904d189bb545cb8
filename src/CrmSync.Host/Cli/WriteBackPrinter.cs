using System.Globalization;
using System.Text;
using CrmSync.WriteBack;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>The output of <c>writeback</c>: a dry run's changes (table and CSV), and counts by outcome and error code.</summary>
internal static class WriteBackPrinter
{
    public static async Task WriteChangesAsync(IAnsiConsole console, WriteBackReport report, int tableRows, FileInfo? csv, CancellationToken cancellationToken)
    {
        var changes = report.Targets.SelectMany(t => t.Planned).ToList();
        var table = new Table().AddColumns("object", "record", "field", "old", "new");
        foreach (var write in changes.Take(tableRows))
        {
            table.AddRow(Markup.Escape(write.ObjectName), Markup.Escape(write.Record), Markup.Escape(write.Change.Field),
                Markup.Escape(Old(write.Change)), Markup.Escape(write.Change.New ?? "(null)"));
        }

        console.MarkupLineInterpolated($"Dry run of metric run {report.MetricRunId} (as-of {report.AsOf:u}): {changes.Count:N0} field values would be written.");
        if (changes.Count > 0)
        {
            console.Write(table);
        }

        if (changes.Count > tableRows)
        {
            console.MarkupLineInterpolated($"… and {changes.Count - tableRows:N0} more{(csv is null ? " (use --csv FILE for all of them)" : string.Empty)}.");
        }

        if (csv is not null)
        {
            await File.WriteAllTextAsync(csv.FullName, Csv(changes), new UTF8Encoding(false), cancellationToken);
            console.MarkupLineInterpolated($"All changes written to {csv.FullName}.");
        }
    }

    public static void WriteSummary(IAnsiConsole console, WriteBackReport report)
    {
        var table = new Table().AddColumns("target", "object", "via", "records", "unchanged", "sent", "written", "failed", "deferred", "blocked", "fields sent");
        foreach (var t in report.Targets)
        {
            table.AddRow(t.Target, t.ObjectName, t.Transport, N(t.Records), N(t.Unchanged), N(t.Sent), N(t.Written), N(t.Failed), N(t.Deferred), N(t.Blocked), N(t.FieldsSent));
        }

        console.Write(table);
        foreach (var (code, count) in report.ErrorCodes.OrderByDescending(p => p.Value))
        {
            console.MarkupLineInterpolated($"[yellow]{code}[/]: {count:N0} records");
        }

        foreach (var problem in report.Targets.SelectMany(t => t.Problems))
        {
            console.MarkupLineInterpolated($"[yellow]warning:[/] {problem}");
        }

        console.MarkupLineInterpolated(
            $"Write-back {report.WriteRunId}{(report.DryRun ? " (dry run)" : string.Empty)}: {report.ApiCalls:N0} API calls, {report.Elapsed.TotalSeconds:0.0} s.");
    }

    /// <summary>RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled.</summary>
    internal static string Csv(IEnumerable<PlannedWrite> changes)
    {
        var text = new StringBuilder("target,object,record,field,old,new\n");
        foreach (var w in changes)
        {
            text.AppendJoin(',', new[] { w.Target, w.ObjectName, w.Record, w.Change.Field, w.Change.WrittenBefore ? w.Change.Old ?? string.Empty : string.Empty, w.Change.New ?? string.Empty }.Select(Quote));
            text.Append('\n');
        }

        return text.ToString();
    }

    private static string Old(CrmSync.WriteBack.Ledger.FieldChange change) => change.WrittenBefore ? change.Old ?? "(null)" : "(never written)";

    private static string Quote(string value) =>
        value.AsSpan().IndexOfAny(",\"\n\r") >= 0 ? "\"" + value.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : value;

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
