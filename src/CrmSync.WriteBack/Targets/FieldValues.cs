using System.Globalization;

namespace CrmSync.WriteBack.Targets;

/// <summary>
/// The one form a value takes for a field: rounded to the field's scale (Percent as 0-100), as the
/// canonical text the ledger compares and Bulk CSV carries, and as the JSON value collections send.
/// </summary>
public static class FieldValues
{
    /// <summary>
    /// The canonical text of <paramref name="stored"/> for <paramref name="field"/> (null for null), or false with
    /// the reason when the value cannot be written to a field of that type.
    /// </summary>
    public static bool TryCanonical(object? stored, FieldSpec field, out string? canonical, out string? problem)
    {
        canonical = null;
        problem = null;
        if (stored is null or DBNull)
        {
            return true;
        }

        if (field.IsNumber)
        {
            if (!TryDecimal(stored, out var number))
            {
                return Mismatch(stored, field, out problem);
            }

            if (number is { } value)
            {
                var scale = field.Type == "int" ? 0 : Math.Clamp(field.Scale, 0, 18);
                var scaled = field.Type == "percent" ? value * 100m : value;
                canonical = Math.Round(scaled, scale, MidpointRounding.AwayFromZero).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
            }

            return true;
        }

        canonical = field.Type switch
        {
            "boolean" when stored is bool flag => flag ? "true" : "false",
            "date" => Date(stored),
            "datetime" => DateTimeText(stored),
            _ when field.IsText => Convert.ToString(stored, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text : null,
            _ => null,
        };
        return canonical is not null || field.IsText || Mismatch(stored, field, out problem);
    }

    /// <summary>The JSON value for a collection call: a number, true/false, or text (dates included).</summary>
    public static object? Json(string? canonical, FieldSpec field) => canonical is null ? null
        : field.IsNumber ? decimal.Parse(canonical, NumberStyles.Number, CultureInfo.InvariantCulture)
        : field.Type == "boolean" ? canonical == "true"
        : canonical;

    private static bool TryDecimal(object stored, out decimal? number)
    {
        number = stored switch
        {
            decimal d => d,
            double d when double.IsFinite(d) => (decimal)d,
            float f when float.IsFinite(f) => (decimal)f,
            int i => i,
            long l => l,
            short s => s,
            _ => null,
        };
        return number is not null || stored is double or float;
    }

    private static string? Date(object stored) => stored switch
    {
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime time => time.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string? DateTimeText(object stored) => stored switch
    {
        DateTimeOffset instant => Instant(instant.UtcDateTime),
        DateTime { Kind: DateTimeKind.Local } time => Instant(time.ToUniversalTime()),
        DateTime time => Instant(DateTime.SpecifyKind(time, DateTimeKind.Utc)),
        DateOnly date => Instant(date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc)),
        _ => null,
    };

    // Salesforce keeps milliseconds; anything finer would differ from what it stores.
    private static string Instant(DateTime utc) =>
        new DateTime(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture);

    private static bool Mismatch(object stored, FieldSpec field, out string? problem)
    {
        problem = $"a {stored.GetType().Name} value cannot be written to {field.Name} (type {field.Type})";
        return false;
    }
}
