namespace CrmSync.Sandbox.Org;

/// <summary>Salesforce field types as describe names them.</summary>
internal enum FieldType
{
    Id,
    Reference,
    String,
    TextArea,
    Picklist,
    Boolean,
    Double,
    Currency,
    Percent,
    Date,
    DateTime,
}

internal sealed record FieldDefinition(string Name, string Label, FieldType Type)
{
    public int Length { get; init; }
    public int Precision { get; init; }
    public int Scale { get; init; }
    public bool Createable { get; init; }
    public bool Updateable { get; init; }
    public bool Nillable { get; init; } = true;
    public bool Custom => Name.EndsWith("__c", StringComparison.Ordinal);
    public bool ExternalId { get; init; }
    public bool Unique { get; init; }
    public bool RestrictedPicklist { get; init; }
    public IReadOnlyList<string> PicklistValues { get; init; } = [];
    /// <summary>For references: the objects the id may point at (WhatId is polymorphic).</summary>
    public IReadOnlyList<string> ReferenceTo { get; init; } = [];
    public string? RelationshipName { get; init; }

    public bool IsNumber => Type is FieldType.Double or FieldType.Currency or FieldType.Percent;

    public bool IsTextual => Type is FieldType.String or FieldType.TextArea or FieldType.Picklist;

    public static FieldDefinition Editable(string name, string label, FieldType type) =>
        new(name, label, type) { Createable = true, Updateable = true };
}

internal sealed class ObjectDefinition(string name, string label, string labelPlural, string keyPrefix, bool custom)
{
    private readonly List<FieldDefinition> fields = [];
    private readonly Dictionary<string, int> byName = new(StringComparer.OrdinalIgnoreCase);

    public string Name { get; } = name;
    public string Label { get; } = label;
    public string LabelPlural { get; } = labelPlural;
    public string KeyPrefix { get; } = keyPrefix;
    public bool Custom { get; } = custom;
    public bool Createable { get; init; } = true;
    public bool Updateable { get; init; } = true;
    /// <summary>CampaignMember deletes bypass the recycle bin: the row vanishes from queryAll and /deleted.</summary>
    public bool HardDeletes { get; init; }

    /// <summary>An auto-number Name's display format from the object metadata, e.g. <c>SNAP-{0000000}</c>.</summary>
    public string? AutoNumberFormat { get; init; }

    public string AutoNumber(int row)
    {
        var format = AutoNumberFormat ?? KeyPrefix.ToUpperInvariant() + "-{0000000}";
        var open = format.IndexOf('{', StringComparison.Ordinal);
        var close = format.IndexOf('}', StringComparison.Ordinal);
        var digits = close - open - 1;
        return format[..open] + (row + 1).ToString(new string('0', digits), System.Globalization.CultureInfo.InvariantCulture) + format[(close + 1)..];
    }

    public IReadOnlyList<FieldDefinition> Fields => fields;

    public void Add(FieldDefinition field)
    {
        byName.Add(field.Name, fields.Count);
        fields.Add(field);
    }

    public int IndexOf(string fieldName) => byName.TryGetValue(fieldName, out var index) ? index : -1;

    public FieldDefinition? Find(string fieldName) => byName.TryGetValue(fieldName, out var index) ? fields[index] : null;
}
