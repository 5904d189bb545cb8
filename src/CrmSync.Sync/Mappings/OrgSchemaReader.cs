using CrmSync.Salesforce.Rest;

namespace CrmSync.Sync.Mappings;

/// <summary>Fetches what <see cref="OrgMappingChecker"/> needs: the org's object names and the describe of each mapped object.</summary>
public sealed class OrgSchemaReader(ISalesforceClient salesforce)
{
    public async Task<IReadOnlyList<MappingProblem>> CheckAsync(MappingSet mappings, CancellationToken cancellationToken)
    {
        var global = await salesforce.DescribeGlobalAsync(cancellationToken);
        var objects = global.Sobjects.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var describes = new Dictionary<string, SObjectDescribe>(StringComparer.OrdinalIgnoreCase);
        var mapped = mappings.Sources.Select(s => s.ObjectName).Concat(mappings.Targets.Select(t => t.ObjectName));
        foreach (var name in mapped.Distinct(StringComparer.OrdinalIgnoreCase).Where(objects.Contains))
        {
            describes[name] = await salesforce.DescribeAsync(name, cancellationToken);
        }

        return OrgMappingChecker.Check(mappings, objects, describes);
    }
}
