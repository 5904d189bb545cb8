namespace CrmSync.Sync.Mappings;

/// <summary>A place in a mapping file, printed as <c>file:line:column</c> (a whole folder has line 0).</summary>
public sealed record SourceLocation(string File, int Line, int Column)
{
    public override string ToString() => Line > 0 ? $"{File}:{Line}:{Column}" : File;
}

public enum ProblemSeverity
{
    Error,
    Warning,
}

/// <summary>Something wrong (or worth knowing) in the mapping files, with where and what to do.</summary>
public sealed record MappingProblem(SourceLocation Location, ProblemSeverity Severity, string Message)
{
    public override string ToString() => $"{Location}: {(Severity == ProblemSeverity.Error ? "error" : "warning")}: {Message}";
}
