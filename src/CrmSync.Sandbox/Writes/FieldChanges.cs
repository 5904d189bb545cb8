using System.Globalization;
using System.Text.Json;
using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Soql;

namespace CrmSync.Sandbox.Writes;

/// <summary>
/// Reads the fields of one record body and checks them as Salesforce does before saving:
/// unknown field (the whole request fails: INVALID_FIELD), read-only field, number too big
/// for its precision, text too long, bad value of a restricted picklist, required value missing.
/// </summary>
internal static class FieldChanges
{
    public static (List<(Column Column, FieldValue Value)> Changes, List<WriteError> Errors) Read(ObjectTable table, IEnumerable<(string Name, string? Text, JsonValueKind Kind)> fields, bool insert)
    {
        var changes = new List<(Column, FieldValue)>();
        var errors = new List<WriteError>();
        var readOnly = new List<string>();
        foreach (var (name, text, kind) in fields)
        {
            if (name is "attributes" || (name.Equals("Id", StringComparison.OrdinalIgnoreCase) && !insert))
            {
                continue;
            }
            var column = table.FindColumn(name)
                ?? throw new RequestRejectedException("INVALID_FIELD", $"No such column '{name}' on sobject of type {table.Name}");
            var field = column.Field;
            if (!(insert ? field.Createable : field.Updateable) || !table.Access.CanEdit(field.Name))
            {
                readOnly.Add(field.Name);
                continue;
            }
            var value = Convert(field, text, kind);
            if (Check(field, value, text) is { } error)
            {
                errors.Add(error);
                continue;
            }
            changes.Add((column, Round(field, value)));
        }
        if (readOnly.Count > 0)
        {
            errors.Insert(0, new WriteError("INVALID_FIELD_FOR_INSERT_UPDATE",
                $"Unable to create/update fields: {string.Join(", ", readOnly)}. Please check the security settings of this field and verify that it is read/write for your profile or permission set.", readOnly));
        }
        if (insert)
        {
            var missing = table.Definition.Fields
                .Where(f => f is { Nillable: false, Createable: true, Type: not FieldType.Boolean } && !changes.Any(c => c.Item1.Field == f))
                .Select(f => f.Name).ToArray();
            if (missing.Length > 0)
            {
                errors.Add(new WriteError("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{string.Join(", ", missing)}]", missing));
            }
        }
        return (changes, errors);
    }

    public static IEnumerable<(string Name, string? Text, JsonValueKind Kind)> FromJson(JsonElement record) =>
        record.EnumerateObject().Select(p => (p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => p.Value.GetString(),
            _ => p.Value.GetRawText(),
        }, p.Value.ValueKind));

    private static FieldValue Convert(FieldDefinition field, string? text, JsonValueKind kind)
    {
        if (text is null || (text.Length == 0 && kind == JsonValueKind.String && field.Type != FieldType.String))
        {
            return FieldValue.Null;
        }
        var parsed = field.Type switch
        {
            FieldType.Boolean when bool.TryParse(text, out var flag) => FieldValue.OfBoolean(flag),
            FieldType.Double or FieldType.Currency or FieldType.Percent
                when double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number) => FieldValue.OfNumber(number),
            FieldType.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) => FieldValue.OfDate(date),
            FieldType.DateTime when ParseDateTime(text) is { } instant => FieldValue.OfDateTime(instant),
            FieldType.Boolean or FieldType.Double or FieldType.Currency or FieldType.Percent or FieldType.Date or FieldType.DateTime => (FieldValue?)null,
            _ => FieldValue.OfText(text),
        };
        return parsed ?? throw new RequestRejectedException("JSON_PARSER_ERROR",
            $"Cannot deserialize instance of {field.Type.ToString().ToLowerInvariant()} from VALUE_STRING value {text} or request may be missing a required field");
    }

    private static DateTimeOffset? ParseDateTime(string text)
    {
        if (SoqlLiterals.TryParseDateTime(text, out var instant))
        {
            return instant;
        }
        // Salesforce's own output form, "2026-03-08T10:15:30.000+0000", is accepted back.
        return DateTimeOffset.TryParseExact(text, "yyyy-MM-dd'T'HH:mm:ss.fffzzzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)
            || DateTimeOffset.TryParseExact(text.Length > 5 ? text.Insert(text.Length - 2, ":") : text, "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out instant)
            ? instant : null;
    }

    private static WriteError? Check(FieldDefinition field, FieldValue value, string? text)
    {
        if (value.IsNull)
        {
            return field.Nillable ? null : new WriteError("REQUIRED_FIELD_MISSING", $"Required fields are missing: [{field.Name}]", [field.Name]);
        }
        if (field.IsNumber && Math.Abs(Round(field, value).Number) >= Math.Pow(10, field.Precision - field.Scale))
        {
            return new WriteError("NUMBER_OUTSIDE_VALID_RANGE", $"{field.Label}: value outside of valid range on numeric field: {text}", [field.Name]);
        }
        if (field.Type == FieldType.Picklist && field.RestrictedPicklist && !field.PicklistValues.Contains(value.Text, StringComparer.Ordinal))
        {
            return new WriteError("INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST", $"{field.Label}: bad value for restricted picklist field: {value.Text}", [field.Name]);
        }
        if (field.IsTextual && field.Length > 0 && value.Text!.Length > field.Length)
        {
            return new WriteError("STRING_TOO_LONG", $"{field.Label}: data value too large: {value.Text} (max length={field.Length})", [field.Name]);
        }
        if (field.Type == FieldType.Reference && SalesforceId.ParseRow(value.Text) < 0)
        {
            return new WriteError("MALFORMED_ID", $"{field.Label}: id value of incorrect type: {value.Text}", [field.Name]);
        }
        return null;
    }

    /// <summary>Salesforce stores numbers rounded half-up to the field's scale.</summary>
    private static FieldValue Round(FieldDefinition field, FieldValue value) =>
        field.IsNumber && !value.IsNull ? FieldValue.OfNumber(Math.Round(value.Number, field.Scale, MidpointRounding.AwayFromZero)) : value;
}
