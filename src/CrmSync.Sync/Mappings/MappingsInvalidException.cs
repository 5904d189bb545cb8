namespace CrmSync.Sync.Mappings;

/// <summary>The mapping files have errors: nothing is pulled until they are fixed.</summary>
public sealed class MappingsInvalidException(IReadOnlyList<MappingProblem> problems)
    : Exception("The mapping files have errors; nothing was pulled:" + Environment.NewLine +
                string.Join(Environment.NewLine, problems.Where(p => p.Severity == ProblemSeverity.Error)))
{
    public IReadOnlyList<MappingProblem> Problems { get; } = problems;
}
