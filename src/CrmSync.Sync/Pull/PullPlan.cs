using System.Security.Cryptography;
using System.Text;
using CrmSync.Salesforce.Rest;
using CrmSync.Store.Synced;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Pull;

/// <summary>
/// What one pull of one source reads: the mapped fields that exist in the org (one per table
/// column, null where unmapped or gone), the fields kept as JSON, and a signature of it all.
/// <see cref="MissingFields"/> are the logical fields whose mapped field the org lacks.
/// </summary>
public sealed record PullPlan(
    SourceMapping Mapping,
    LogicalEntity Entity,
    SyncedTable Table,
    IReadOnlyList<string?> ColumnSources,
    IReadOnlyList<string> Keep,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<string> MissingFields)
{
    /// <summary>Changes whenever the pulled field list or filters change; a change forces a full pull.</summary>
    public string Signature { get; } = Hash(Mapping, ColumnSources, Keep);

    public static PullPlan Create(SourceMapping mapping, SObjectDescribe describe)
    {
        var entity = LogicalCatalog.Source(mapping.Source)!;
        var inOrg = describe.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var warnings = new List<string>();
        var missing = new List<string>();
        var sources = entity.Fields.Select(field =>
        {
            var apiName = mapping.ApiNameOf(field.Name);
            if (apiName is not null && !inOrg.Contains(apiName))
            {
                warnings.Add($"{describe.Name}.{apiName} is not in the org any more (deleted, or hidden from the integration user): {mapping.Source}.{field.Name} is stored as null and the metrics that need it are not configured until the field is back or the mapping ({mapping.Location.File}) is changed.");
                missing.Add(field.Name);
                return null;
            }

            return apiName;
        }).ToList();
        var keep = mapping.Keep.Where(inOrg.Contains).ToList();
        warnings.AddRange(mapping.Keep.Except(keep).Select(k => $"{describe.Name}.{k} (keep) is not in the org any more and is skipped."));
        return new PullPlan(mapping, entity, SourceTables.For(entity), sources, keep, warnings, missing);
    }

    private static string Hash(SourceMapping mapping, IReadOnlyList<string?> sources, IReadOnlyList<string> keep)
    {
        var text = new StringBuilder(mapping.ObjectName).Append('|')
            .AppendJoin(',', sources.Select(s => s ?? "-")).Append('|')
            .AppendJoin(',', keep).Append('|')
            .AppendJoin(';', mapping.Filters.Select(f => $"{f.Field} {f.Operator} {string.Join(',', f.Values.Select(v => v.Text))}"));
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
