using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CrmSync.Sandbox.Bulk;

/// <summary>CSV as Bulk API 2.0 writes it: every value quoted, quotes doubled, a header on every page.</summary>
internal static class BulkCsv
{
    public static void AppendRow(StringBuilder builder, IEnumerable<string?> values, string lineEnding)
    {
        var first = true;
        foreach (var value in values)
        {
            if (!first)
            {
                builder.Append(',');
            }
            first = false;
            AppendQuoted(builder, value);
        }
        builder.Append(lineEnding);
    }

    public static void AppendQuoted(StringBuilder builder, string? value)
    {
        builder.Append('"');
        if (value is not null)
        {
            builder.Append(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        }
        builder.Append('"');
    }

    public static string LineEnding(string name) => name == "CRLF" ? "\r\n" : "\n";

    /// <summary>Reads an uploaded batch: the header, then the rows.</summary>
    public static (string[] Header, List<string[]> Rows) Parse(string csv)
    {
        using var reader = new StringReader(csv);
        using var parser = new CsvParser(reader, new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null });
        var rows = new List<string[]>();
        string[]? header = null;
        while (parser.Read())
        {
            var record = parser.Record ?? [];
            if (header is null)
            {
                header = record;
            }
            else
            {
                rows.Add(record);
            }
        }
        return (header ?? [], rows);
    }
}
