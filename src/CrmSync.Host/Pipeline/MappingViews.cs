using CrmSync.Sync.Mappings;
using CrmSync.WriteBack.Targets;

namespace CrmSync.Host.Pipeline;

/// <summary>What compute and write-back need from the mapping files.</summary>
internal static class MappingViews
{
    /// <summary>The logical fields each mapped source feeds (Id is always there).</summary>
    public static IReadOnlyDictionary<string, IReadOnlySet<string>> MappedFields(MappingSet mappings) =>
        mappings.Sources.ToDictionary(
            s => s.Source,
            s => (IReadOnlySet<string>)s.Fields.Select(f => f.Logical).Append("id").ToHashSet(StringComparer.Ordinal));

    /// <summary>The mapped write-back targets, Account fields first, then snapshots.</summary>
    public static IReadOnlyList<WriteTarget> WriteTargets(MappingSet mappings) =>
        mappings.Targets
            .OrderBy(t => t.Target == WriteTarget.Account ? 0 : 1)
            .Select(t => new WriteTarget(t.Target, t.ObjectName, t.Fields.Select(f => new TargetField(f.Logical, f.ApiName)).ToList(), t.ExternalIdField))
            .ToList();
}
