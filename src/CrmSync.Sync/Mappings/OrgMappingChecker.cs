using CrmSync.Salesforce.Rest;

namespace CrmSync.Sync.Mappings;

/// <summary>
/// Checks mappings against an org's describe: objects and fields exist, types fit, write-back
/// targets are updateable and not calculated. Pure: the caller fetches the describes.
/// </summary>
public static class OrgMappingChecker
{
    public static IReadOnlyList<MappingProblem> Check(MappingSet mappings, IReadOnlySet<string> orgObjects, IReadOnlyDictionary<string, SObjectDescribe> describes)
    {
        var problems = new List<MappingProblem>();
        foreach (var source in mappings.Sources)
        {
            if (Find(source.ObjectName, orgObjects, describes) is not { } describe)
            {
                problems.Add(new MappingProblem(source.Location, source.Optional ? ProblemSeverity.Warning : ProblemSeverity.Error,
                    source.Optional
                        ? $"object {source.ObjectName} is not in this org: the metrics from '{source.Source}' will be reported as not configured."
                        : $"object {source.ObjectName} is not in this org (or the integration user cannot see it). Fix the 'object:' line or grant access."));
                continue;
            }

            var entity = LogicalCatalog.Source(source.Source)!;
            foreach (var system in LogicalCatalog.SystemFields.Where(f => FieldOf(describe, f) is null))
            {
                problems.Add(Error(source.Location, $"{source.ObjectName} has no {system} field; CrmSync needs it to sync incrementally."));
            }

            foreach (var field in source.Fields)
            {
                CheckField(problems, describe, field, entity.Field(field.Logical)!.Kind, requireWritable: false);
            }

            foreach (var kept in source.Keep.Where(k => FieldOf(describe, k) is null))
            {
                problems.Add(Error(source.Location, $"keep: {source.ObjectName} has no field {kept}."));
            }

            foreach (var filter in source.Filters.Where(f => FieldOf(describe, f.Field) is not { Filterable: true }))
            {
                problems.Add(Error(filter.Location, $"filter: {source.ObjectName}.{filter.Field} does not exist or cannot be filtered on."));
            }
        }

        foreach (var target in mappings.Targets)
        {
            if (Find(target.ObjectName, orgObjects, describes) is not { } describe)
            {
                problems.Add(Error(target.Location, $"object {target.ObjectName} is not in this org: deploy the metadata in deploy/salesforce (see README) or fix the 'object:' line."));
                continue;
            }

            var entity = LogicalCatalog.Target(target.Target)!;
            foreach (var field in target.Fields)
            {
                CheckField(problems, describe, field, entity.Field(field.Logical)!.Kind, requireWritable: true);
            }

            if (target.ExternalIdField is { } key && FieldOf(describe, key) is not { ExternalId: true })
            {
                problems.Add(Error(target.Location, $"{target.ObjectName}.{key} must exist and be an External ID field for upserts."));
            }
        }

        return problems;
    }

    private static void CheckField(List<MappingProblem> problems, SObjectDescribe describe, FieldMapping field, FieldKind kind, bool requireWritable)
    {
        var found = FieldOf(describe, field.ApiName);
        if (found is null)
        {
            problems.Add(Error(field.Location, $"{describe.Name} has no field {field.ApiName} (or the integration user cannot see it)." +
                Suggestions.DidYouMean(field.ApiName, describe.Fields.Select(f => f.Name))));
            return;
        }

        if (!kind.SalesforceTypes().Contains(found.Type))
        {
            problems.Add(Error(field.Location, $"{describe.Name}.{found.Name} is of type {found.Type}, but '{field.Logical}' needs {kind} ({string.Join(", ", kind.SalesforceTypes())})."));
        }

        if (requireWritable && found.Calculated)
        {
            problems.Add(Error(field.Location, $"{describe.Name}.{found.Name} is a formula (calculated) field; CrmSync cannot write to it."));
        }
        else if (requireWritable && !found.Updateable)
        {
            problems.Add(Error(field.Location, $"{describe.Name}.{found.Name} is not updateable by the integration user: grant edit access (permission set CrmSync_Integration)."));
        }
    }

    private static SObjectDescribe? Find(string objectName, IReadOnlySet<string> orgObjects, IReadOnlyDictionary<string, SObjectDescribe> describes) =>
        orgObjects.Contains(objectName) && describes.TryGetValue(objectName, out var describe) ? describe : null;

    private static FieldDescribe? FieldOf(SObjectDescribe describe, string name) =>
        describe.Fields.FirstOrDefault(f => string.Equals(f.Name, name, StringComparison.OrdinalIgnoreCase));

    private static MappingProblem Error(SourceLocation location, string message) => new(location, ProblemSeverity.Error, message);
}
