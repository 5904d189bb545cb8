using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CrmSync.Sync.Mappings;

/// <summary>
/// Reads one mapping file. Works on YAML nodes (not a deserializer) so that every problem can
/// name its line and column; it goes on after a problem to report all of them at once.
/// </summary>
internal sealed partial class MappingFileReader(string file)
{
    private static readonly string[] SourceKeys = ["source", "object", "fields", "filters", "keep", "deletes", "optional"];
    private static readonly string[] TargetKeys = ["target", "object", "fields", "external_id"];

    public List<MappingProblem> Problems { get; } = [];

    /// <summary>Returns a <see cref="SourceMapping"/>, a <see cref="TargetMapping"/>, or null when the file is unusable.</summary>
    public object? Read(string yaml)
    {
        if (YamlShapeGuard.Check(yaml) is { } refused)
        {
            Error(refused.At, refused.Problem);
            return null;
        }

        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(yaml));
        }
        catch (YamlException e)
        {
            Error(e.Start, $"YAML syntax error: {WithoutPosition(e.Message)} Check indentation and that every 'key: value' has a space after the colon.");
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            Error(Mark.Empty, "A mapping file must be a set of 'key: value' lines starting with 'source:' or 'target:'.");
            return null;
        }

        if (Scalar(root, "source") is { } source)
        {
            CheckKeys(root, SourceKeys);
            return ReadSource(root, source);
        }

        if (Scalar(root, "target") is { } target)
        {
            CheckKeys(root, TargetKeys);
            return ReadTarget(root, target);
        }

        Error(root.Start, "Missing 'source:' (what CrmSync reads, e.g. 'source: deal') or 'target:' (where results go, e.g. 'target: account').");
        return null;
    }

    private SourceMapping? ReadSource(YamlMappingNode root, YamlScalarNode sourceNode)
    {
        var entity = LogicalCatalog.Source(sourceNode.Value ?? string.Empty);
        if (entity is null)
        {
            Error(sourceNode.Start, $"Unknown source '{sourceNode.Value}'. Known sources: {string.Join(", ", LogicalCatalog.Sources.Select(s => s.Name))}." +
                Suggestions.DidYouMean(sourceNode.Value ?? string.Empty, LogicalCatalog.Sources.Select(s => s.Name)));
            return null;
        }

        var objectName = ReadObjectName(root, entity.DefaultObject);
        var fields = ReadFields(root, entity);
        var filters = root.Children.TryGetValue("filters", out var filterNode) ? ReadFilters(filterNode) : [];
        var keep = root.Children.TryGetValue("keep", out var keepNode) ? ReadApiNameList(keepNode, "keep") : [];
        var deletes = ReadDeletes(root);
        var optional = ReadBoolean(root, "optional") ?? entity.OptionalInOrg;
        return new SourceMapping(entity.Name, objectName, fields, filters, keep, deletes, optional, Location(root.Start));
    }

    private TargetMapping? ReadTarget(YamlMappingNode root, YamlScalarNode targetNode)
    {
        var entity = LogicalCatalog.Target(targetNode.Value ?? string.Empty);
        if (entity is null)
        {
            Error(targetNode.Start, $"Unknown target '{targetNode.Value}'. Known targets: {string.Join(", ", LogicalCatalog.Targets.Select(t => t.Name))}." +
                Suggestions.DidYouMean(targetNode.Value ?? string.Empty, LogicalCatalog.Targets.Select(t => t.Name)));
            return null;
        }

        var objectName = ReadObjectName(root, entity.DefaultObject);
        var fields = ReadFields(root, entity);
        foreach (var clash in fields.GroupBy(f => f.ApiName, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1))
        {
            var first = clash.First();
            foreach (var again in clash.Skip(1))
            {
                Error(again.Location, $"{again.ApiName} is already the target of '{first.Logical}' (line {first.Location.Line}); two results cannot be written to one field.");
            }
        }

        var externalId = Scalar(root, "external_id") is { } node ? CheckApiName(node) : null;
        return new TargetMapping(entity.Name, objectName, fields, externalId, Location(root.Start));
    }

    private string ReadObjectName(YamlMappingNode root, string defaultObject) =>
        Scalar(root, "object") is { } node ? CheckApiName(node) ?? defaultObject : defaultObject;

    private List<FieldMapping> ReadFields(YamlMappingNode root, LogicalEntity entity)
    {
        var fields = new List<FieldMapping>();
        if (!root.Children.TryGetValue("fields", out var node))
        {
            Error(root.Start, $"Missing 'fields:' — list which Salesforce field feeds each of {entity.Name}'s fields, e.g. '{entity.Fields[0].Name}: {entity.Fields[0].DefaultApiName}'.");
            return fields;
        }

        if (node is not YamlMappingNode map)
        {
            Error(node.Start, "'fields:' must be indented 'logical_name: SalesforceField' lines.");
            return fields;
        }

        foreach (var (keyNode, valueNode) in map.Children)
        {
            var logical = ((YamlScalarNode)keyNode).Value ?? string.Empty;
            if (entity.Field(logical) is null)
            {
                Error(keyNode.Start, $"'{logical}' is not a field of {entity.Name}. Its fields are: {string.Join(", ", entity.Fields.Select(f => f.Name))}." +
                    Suggestions.DidYouMean(logical, entity.Fields.Select(f => f.Name)));
                continue;
            }

            if (valueNode is YamlScalarNode { Value: null or "" or "~" or "null" })
            {
                continue; // mapped to nothing on purpose: the metrics needing it report "not configured"
            }

            if (valueNode is YamlScalarNode scalar && CheckApiName(scalar) is { } apiName)
            {
                fields.Add(new FieldMapping(logical, apiName, Location(valueNode.Start)));
            }
            else if (valueNode is not YamlScalarNode)
            {
                Error(valueNode.Start, $"'{logical}' must name one Salesforce field, e.g. '{logical}: {entity.Field(logical)!.DefaultApiName}'.");
            }
        }

        return fields;
    }

    private List<FilterMapping> ReadFilters(YamlNode node) => new FilterReader(this).Read(node);

    private List<string> ReadApiNameList(YamlNode node, string key)
    {
        if (node is not YamlSequenceNode list)
        {
            Error(node.Start, $"'{key}:' must be a list of Salesforce field names, e.g. [Description, LeadSource].");
            return [];
        }

        return list.Children.OfType<YamlScalarNode>().Select(CheckApiName).OfType<string>().ToList();
    }

    private DeleteMode ReadDeletes(YamlMappingNode root)
    {
        if (Scalar(root, "deletes") is not { } node)
        {
            return DeleteMode.Soft;
        }

        switch (node.Value)
        {
            case "soft": return DeleteMode.Soft;
            case "hard": return DeleteMode.Hard;
            default:
                Error(node.Start, $"'deletes:' must be 'soft' (deleted rows stay visible with IsDeleted) or 'hard' (rows vanish; CrmSync compares Ids), not '{node.Value}'.");
                return DeleteMode.Soft;
        }
    }

    private bool? ReadBoolean(YamlMappingNode root, string key)
    {
        if (Scalar(root, key) is not { } node)
        {
            return null;
        }

        if (bool.TryParse(node.Value, out var value))
        {
            return value;
        }

        Error(node.Start, $"'{key}:' must be true or false, not '{node.Value}'.");
        return null;
    }

    private void CheckKeys(YamlMappingNode root, string[] allowed)
    {
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>())
        {
            if (!allowed.Contains(key.Value))
            {
                Error(key.Start, $"Unknown key '{key.Value}'. Allowed here: {string.Join(", ", allowed)}." + Suggestions.DidYouMean(key.Value ?? string.Empty, allowed));
            }
        }
    }

    private YamlScalarNode? Scalar(YamlMappingNode root, string key)
    {
        if (!root.Children.TryGetValue(key, out var node))
        {
            return null;
        }

        if (node is YamlScalarNode scalar)
        {
            return scalar;
        }

        Error(node.Start, $"'{key}:' must be a single value on the same line.");
        return null;
    }

    /// <summary>Salesforce API names only: letters, digits and underscores, so a name can never smuggle SOQL.</summary>
    internal string? CheckApiName(YamlScalarNode node)
    {
        var name = node.Value ?? string.Empty;
        if (ApiName().IsMatch(name))
        {
            return name;
        }

        Error(node.Start, $"'{name}' is not a Salesforce API name (letters, digits and underscores, starting with a letter, e.g. Amount or Score__c).");
        return null;
    }

    internal void Error(Mark mark, string message) => Problems.Add(new MappingProblem(Location(mark), ProblemSeverity.Error, message));

    internal void Error(SourceLocation location, string message) => Problems.Add(new MappingProblem(location, ProblemSeverity.Error, message));

    internal SourceLocation Location(Mark mark) => new(file, (int)Math.Max(1, mark.Line), (int)Math.Max(1, mark.Column));

    private static string WithoutPosition(string message) => PositionPrefix().Replace(message, string.Empty);

    [GeneratedRegex(@"^[A-Za-z](?:[A-Za-z0-9]|_(?!_{2}))*$")]
    private static partial Regex ApiName();

    [GeneratedRegex(@"^\(Line: \d+, Col: \d+, Idx: \d+\) - \(Line: \d+, Col: \d+, Idx: \d+\): ")]
    private static partial Regex PositionPrefix();
}
