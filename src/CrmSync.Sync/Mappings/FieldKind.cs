namespace CrmSync.Sync.Mappings;

/// <summary>What a logical field holds; decides which Salesforce field types may feed it.</summary>
public enum FieldKind
{
    Id,
    Reference,
    Text,
    Money,
    Number,
    Percent,
    Boolean,
    Date,
    DateTime,
    Picklist,
}

public static class FieldKinds
{
    /// <summary>The describe <c>type</c> values a field of this kind may have in Salesforce.</summary>
    public static IReadOnlySet<string> SalesforceTypes(this FieldKind kind) => kind switch
    {
        FieldKind.Id => Set("id", "reference", "string"),
        FieldKind.Reference => Set("reference", "id", "string"),
        FieldKind.Text => Set("string", "picklist", "textarea", "email", "phone", "url", "combobox", "multipicklist"),
        FieldKind.Money => Set("currency", "double", "int", "long", "percent"),
        FieldKind.Number => Set("double", "int", "long", "currency", "percent"),
        FieldKind.Percent => Set("percent"),
        FieldKind.Boolean => Set("boolean"),
        FieldKind.Date => Set("date"),
        FieldKind.DateTime => Set("datetime"),
        FieldKind.Picklist => Set("picklist"),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    private static HashSet<string> Set(params string[] types) => new(types, StringComparer.OrdinalIgnoreCase);
}
