using System.Globalization;
using CrmSync.Clv;

namespace CrmSync.Host.Cli;

/// <summary>A problem with the transactions file, located to its line and field (exit code 2).</summary>
internal sealed class ClvInputException(string message) : Exception(message);

/// <summary>
/// Reads <c>customer_id,date,amount</c> CSV (header required, columns in any order, other columns ignored, every row as
/// many fields as the header; fields may be double-quoted). Dates are yyyy-MM-dd, or an ISO 8601 date-time whose UTC day is used; amounts use '.' decimals.
/// </summary>
internal static class ClvTransactionsFile
{
    private static readonly string[] Columns = ["customer_id", "date", "amount"];

    public static List<Transaction> Read(string path)
    {
        var name = Path.GetFileName(path);
        if (!File.Exists(path))
        {
            throw new ClvInputException($"--transactions: file '{path}' not found.");
        }

        using var reader = new StreamReader(path);
        var header = reader.ReadLine() ?? throw new ClvInputException($"{name}: empty file; expected a header line 'customer_id,date,amount'.");
        var names = SplitCsv(header, name, 1).Select(n => n.Trim().ToLowerInvariant()).ToList();
        var index = Columns.Select(column => names.IndexOf(column)).ToArray();
        if (index.Any(i => i < 0))
        {
            throw new ClvInputException($"{name} line 1: the header must name the columns customer_id, date and amount (found '{header}').");
        }

        var transactions = new List<Transaction>();
        var lineNumber = 1;
        while (reader.ReadLine() is { } line)
        {
            lineNumber++;
            if (line.Length == 0)
            {
                continue;
            }

            var fields = SplitCsv(line, name, lineNumber);
            if (fields.Count != names.Count)
            {
                throw new ClvInputException(
                    $"{name} line {lineNumber}: {fields.Count} field(s), the header has {names.Count} (amounts take '.' as the decimal point; quote fields that contain commas).");
            }

            transactions.Add(new Transaction(
                CustomerId(fields[index[0]], name, lineNumber),
                Date(fields[index[1]], name, lineNumber),
                Amount(fields[index[2]], name, lineNumber)));
        }

        return transactions;
    }

    private static string CustomerId(string text, string file, int line) =>
        text.Trim() is { Length: > 0 } id ? id : throw new ClvInputException($"{file} line {line}: 'customer_id' is empty.");

    private static DateOnly Date(string text, string file, int line)
    {
        var trimmed = text.Trim();
        if (DateOnly.TryParseExact(trimmed, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        if (trimmed.Contains('T', StringComparison.Ordinal)
            && DateTimeOffset.TryParse(trimmed, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var instant))
        {
            return DateOnly.FromDateTime(instant.UtcDateTime);
        }

        throw new ClvInputException($"{file} line {line}: 'date' is not a date like 2025-01-31 ('{text}').");
    }

    private static decimal Amount(string text, string file, int line) =>
        decimal.TryParse(text.Trim(), NumberStyles.Float, CultureInfo.InvariantCulture, out var amount)
            ? amount
            : throw new ClvInputException($"{file} line {line}: 'amount' is not a number ('{text}').");

    /// <summary>Splits one CSV line: commas separate fields; a double-quoted field may contain commas and "" for a quote.</summary>
    private static List<string> SplitCsv(string line, string file, int lineNumber)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        if (quoted)
        {
            throw new ClvInputException($"{file} line {lineNumber}: a quoted field is not closed.");
        }

        fields.Add(field.ToString());
        return fields;
    }
}
