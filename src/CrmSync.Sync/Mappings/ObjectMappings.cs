namespace CrmSync.Sync.Mappings;

/// <summary>One logical field fed by (or written to) one Salesforce field.</summary>
public sealed record FieldMapping(string Logical, string ApiName, SourceLocation Location);

/// <summary>A value in a filter, remembering whether the admin wrote it as a quoted string.</summary>
public sealed record FilterValue(string Text, bool IsQuotedString);

/// <summary>A row filter: only records where <c>Field Operator Values</c> holds are pulled.</summary>
public sealed record FilterMapping(string Field, string Operator, IReadOnlyList<FilterValue> Values, SourceLocation Location);

public enum DeleteMode
{
    /// <summary>Deleted rows stay visible to queryAll with IsDeleted = true (most objects).</summary>
    Soft,

    /// <summary>Deleted rows vanish (CampaignMember): found by reconciling Ids.</summary>
    Hard,
}

/// <summary>How one logical source (e.g. <c>deal</c>) is read from one Salesforce object.</summary>
public sealed record SourceMapping(
    string Source,
    string ObjectName,
    IReadOnlyList<FieldMapping> Fields,
    IReadOnlyList<FilterMapping> Filters,
    IReadOnlyList<string> Keep,
    DeleteMode Deletes,
    bool Optional,
    SourceLocation Location)
{
    public string? ApiNameOf(string logical) => Fields.FirstOrDefault(f => f.Logical == logical)?.ApiName;
}

/// <summary>Where one write-back target's results go (Account fields, or the snapshot object).</summary>
public sealed record TargetMapping(
    string Target,
    string ObjectName,
    IReadOnlyList<FieldMapping> Fields,
    string? ExternalIdField,
    SourceLocation Location)
{
    public string? ApiNameOf(string logical) => Fields.FirstOrDefault(f => f.Logical == logical)?.ApiName;
}

/// <summary>Everything read from the mapping folder, and every problem found.</summary>
public sealed record MappingSet(
    IReadOnlyList<SourceMapping> Sources,
    IReadOnlyList<TargetMapping> Targets,
    IReadOnlyList<MappingProblem> Problems)
{
    public bool HasErrors => Problems.Any(p => p.Severity == ProblemSeverity.Error);

    public SourceMapping? Source(string name) => Sources.FirstOrDefault(s => s.Source == name);

    public TargetMapping? Target(string name) => Targets.FirstOrDefault(t => t.Target == name);
}
