using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace CrmSync.Sync.Mappings;

/// <summary>
/// Reads <c>filters:</c>, a list of <c>{ field: StageName, op: "!=", value: Duplicate }</c>.
/// Filters are data, never SOQL text: the field is checked as an API name and values are
/// quoted when the query is built.
/// </summary>
internal sealed class FilterReader(MappingFileReader reader)
{
    public static readonly string[] Operators = ["=", "!=", "<", "<=", ">", ">=", "in", "not in"];
    private static readonly string[] Keys = ["field", "op", "value", "values"];

    public List<FilterMapping> Read(YamlNode node)
    {
        if (node is not YamlSequenceNode list)
        {
            reader.Error(node.Start, "'filters:' must be a list, each item like '- { field: StageName, op: \"!=\", value: Duplicate }'.");
            return [];
        }

        return list.Children.Select(ReadOne).OfType<FilterMapping>().ToList();
    }

    private FilterMapping? ReadOne(YamlNode item)
    {
        if (item is not YamlMappingNode filter)
        {
            reader.Error(item.Start, "Each filter must be like '{ field: StageName, op: \"!=\", value: Duplicate }'.");
            return null;
        }

        foreach (var key in filter.Children.Keys.OfType<YamlScalarNode>().Where(k => !Keys.Contains(k.Value)))
        {
            reader.Error(key.Start, $"Unknown filter key '{key.Value}'. Allowed: field, op, value (or values for in / not in)." + Suggestions.DidYouMean(key.Value ?? string.Empty, Keys));
        }

        var field = filter.Children.TryGetValue("field", out var fieldNode) && fieldNode is YamlScalarNode fieldScalar ? reader.CheckApiName(fieldScalar) : null;
        if (fieldNode is null)
        {
            reader.Error(filter.Start, "A filter needs 'field:' (the Salesforce field it tests).");
        }

        var op = filter.Children.TryGetValue("op", out var opNode) ? ((opNode as YamlScalarNode)?.Value ?? string.Empty).ToLowerInvariant() : "=";
        if (!Operators.Contains(op))
        {
            reader.Error(opNode!.Start, $"Unknown operator '{op}'. Use one of: {string.Join(", ", Operators)}.");
            return null;
        }

        var values = ReadValues(filter, op);
        return field is null || values is null ? null : new FilterMapping(field, op, values, reader.Location(filter.Start));
    }

    private List<FilterValue>? ReadValues(YamlMappingNode filter, string op)
    {
        var isList = op is "in" or "not in";
        var key = isList ? "values" : "value";
        if (!filter.Children.TryGetValue(key, out var node))
        {
            reader.Error(filter.Start, isList ? $"Operator '{op}' needs 'values:' as a list, e.g. values: [Prospecting, Closed Lost]." : "A filter needs 'value:'.");
            return null;
        }

        var scalars = node switch
        {
            YamlScalarNode one when !isList => [one],
            YamlSequenceNode many when isList => many.Children.OfType<YamlScalarNode>().ToList(),
            _ => null,
        };
        if (scalars is null || scalars.Count == 0)
        {
            reader.Error(node.Start, isList ? $"'values:' must be a non-empty list for '{op}'." : "'value:' must be a single value (use op: in with values: [...] for several).");
            return null;
        }

        return scalars.Select(s => new FilterValue(s.Value ?? string.Empty, s.Style is ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted)).ToList();
    }
}
