using System.Globalization;

namespace CrmSync.Metrics.Explain;

/// <summary>One row of a facts table (deal_facts, case_facts, …), read by column name.</summary>
internal sealed class FactRow(IReadOnlyDictionary<string, object?> values)
{
    public string Id => Text("id");

    public string? Skipped => values["skipped"] as string;

    public bool Flag(string column) => values.TryGetValue(column, out var value) && value is true;

    public string Text(string column) => values.TryGetValue(column, out var value) ? Show(value) : "";

    public decimal Number(string column) => values.TryGetValue(column, out var value) && value is not null and not DBNull ? Convert.ToDecimal(value, CultureInfo.InvariantCulture) : 0m;

    public bool Has(string column) => values.TryGetValue(column, out var value) && value is not null and not DBNull;

    private static string Show(object? value) => value switch
    {
        null or DBNull => "",
        DateTime time when time.TimeOfDay == TimeSpan.Zero && time.Kind != DateTimeKind.Utc => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        decimal number => number.ToString("0.##########", CultureInfo.InvariantCulture),
        IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
