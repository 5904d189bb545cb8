namespace CrmSync.WriteBack.Targets;

/// <summary>A target field that can be written: its logical source and what describe says about it.</summary>
public sealed record PlannedField(string Logical, FieldSpec Spec);

/// <summary>
/// A target checked against describe and against the results the store holds: the fields that can be
/// written, and a clear line for each one that cannot (the others are still written).
/// </summary>
public sealed record TargetPlan(WriteTarget Target, IReadOnlyList<PlannedField> Fields, FieldSpec? KeyField, IReadOnlyList<string> Problems)
{
    /// <summary>A mapped field is missing from the org or not editable: something an admin may fix at any time.</summary>
    public bool WaitsForTheOrg { get; init; }

    public string ObjectName => Target.ObjectName;

    /// <summary>The writable fields by API name (case-insensitive, as Salesforce treats names).</summary>
    public IReadOnlyDictionary<string, FieldSpec> SpecsByName { get; } = Fields.ToDictionary(f => f.Spec.Name, f => f.Spec, StringComparer.OrdinalIgnoreCase);

    public bool CanWrite => Fields.Count > 0 && (!Target.Upserts || KeyField is not null);

    /// <summary>
    /// Keeps the fields that exist, can be written (updateable; for upserts also createable) and have a type
    /// CrmSync can convert to; <paramref name="available"/> are the logical names the store has values for.
    /// </summary>
    public static TargetPlan Check(WriteTarget target, IReadOnlyList<FieldSpec> describe, IReadOnlySet<string> available)
    {
        var byName = describe.ToDictionary(f => f.Name, StringComparer.OrdinalIgnoreCase);
        var problems = new List<string>();
        var fields = new List<PlannedField>();
        var waitsForTheOrg = false;
        foreach (var field in target.Fields)
        {
            var where = $"{target.ObjectName}.{field.ApiName} (target {target.Name}, '{field.Logical}')";
            if (!available.Contains(field.Logical))
            {
                problems.Add($"{where}: CrmSync computes no result named '{field.Logical}'; not written.");
            }
            else if (!byName.TryGetValue(field.ApiName, out var spec))
            {
                problems.Add($"{where}: the field does not exist in the org or is hidden from the integration user (deploy deploy/salesforce, grant Read/Edit on it, or fix mappings/targets); not written.");
                waitsForTheOrg = true;
            }
            else if (!spec.Updateable || (target.Upserts && !spec.Createable))
            {
                problems.Add($"{where}: the integration user cannot {(spec.Updateable ? "create" : "edit")} it (permission set CrmSync_Integration, or a formula field?); not written.");
                waitsForTheOrg = true;
            }
            else if (!spec.IsSupported)
            {
                problems.Add($"{where}: fields of type {spec.Type} are not supported; not written.");
            }
            else
            {
                fields.Add(new PlannedField(field.Logical, spec));
            }
        }

        FieldSpec? key = null;
        if (target.ExternalIdField is { } keyName)
        {
            if (byName.TryGetValue(keyName, out var spec) && spec.ExternalId)
            {
                key = spec;
                fields.RemoveAll(f => f.Spec.Name.Equals(spec.Name, StringComparison.OrdinalIgnoreCase));
            }
            else
            {
                problems.Add($"{target.ObjectName}.{keyName} (target {target.Name}, external_id): {(spec is null ? "the field does not exist in the org" : "the field is not an External Id")}; nothing of {target.Name} is written.");
            }
        }

        return new TargetPlan(target, fields, key, problems) { WaitsForTheOrg = waitsForTheOrg };
    }
}
