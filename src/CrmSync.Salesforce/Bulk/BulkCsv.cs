using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace CrmSync.Salesforce.Bulk;

/// <summary>Reads and writes Bulk API 2.0 CSV (comma, LF, RFC 4180 quoting, header row first).</summary>
public static class BulkCsv
{
    /// <summary>Bulk API 2.0 writes this to set a field to null; an empty cell leaves it unchanged.</summary>
    public const string NullValue = "#N/A";

    private static readonly CsvConfiguration Configuration = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\n",
        BadDataFound = null,
        MissingFieldFound = null,
    };

    /// <summary>Streams rows of a CSV body; nothing beyond the current row is held.</summary>
    public static async IAsyncEnumerable<BulkRecord> ReadAsync(Stream body, [EnumeratorCancellation] CancellationToken ct)
    {
        using var reader = new StreamReader(body, Encoding.UTF8);
        using var parser = new CsvParser(reader, Configuration);
        BulkColumns? columns = null;
        while (await parser.ReadAsync().ConfigureAwait(false))
        {
            ct.ThrowIfCancellationRequested();
            var cells = parser.Record ?? [];
            if (columns is null)
            {
                columns = new BulkColumns(cells);
                continue;
            }

            var values = new string?[cells.Length];
            for (var i = 0; i < cells.Length; i++)
            {
                values[i] = cells[i].Length == 0 ? null : cells[i];
            }

            yield return new BulkRecord(columns, values);
        }
    }

    /// <summary>Builds an upload body; null values become <see cref="NullValue"/>.</summary>
    public static string Write(IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<string?>> rows)
    {
        using var text = new StringWriter(CultureInfo.InvariantCulture);
        using (var writer = new CsvWriter(text, Configuration))
        {
            foreach (var column in columns)
            {
                writer.WriteField(column);
            }

            writer.NextRecord();
            foreach (var row in rows)
            {
                foreach (var value in row)
                {
                    writer.WriteField(value ?? NullValue);
                }

                writer.NextRecord();
            }
        }

        return text.ToString();
    }
}
