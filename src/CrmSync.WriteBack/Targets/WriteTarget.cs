namespace CrmSync.WriteBack.Targets;

/// <summary>One result (by its logical name, e.g. <c>win_rate</c>) and the Salesforce field it is written to.</summary>
public sealed record TargetField(string Logical, string ApiName);

/// <summary>
/// Where one kind of result goes, as the admin mapped it (<c>mappings/targets/*.yaml</c>): the object, the
/// fields, and for records found by an external id (snapshots) that field.
/// </summary>
public sealed record WriteTarget(string Name, string ObjectName, IReadOnlyList<TargetField> Fields, string? ExternalIdField = null)
{
    public const string Account = "account";
    public const string Snapshot = "snapshot";

    /// <summary>Records are upserted on <see cref="ExternalIdField"/> rather than updated by Id.</summary>
    public bool Upserts => ExternalIdField is not null;
}
