namespace CrmSync.WriteBack.Targets;

/// <summary>What describe says about one target field: enough to round, convert and check a value.</summary>
public sealed record FieldSpec(
    string Name,
    string Type,
    int Precision,
    int Scale,
    int Length,
    bool Createable,
    bool Updateable,
    bool ExternalId,
    IReadOnlyList<string> PicklistValues)
{
    public bool IsNumber => Type is "double" or "currency" or "percent" or "int";

    public bool IsText => Type is "string" or "textarea" or "picklist" or "email" or "url" or "phone";

    public bool IsSupported => IsNumber || IsText || Type is "boolean" or "date" or "datetime";
}
