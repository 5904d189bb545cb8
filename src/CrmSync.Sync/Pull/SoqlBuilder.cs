using System.Text;
using System.Text.RegularExpressions;
using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;

namespace CrmSync.Sync.Pull;

/// <summary>
/// Writes the SOQL of a pull. Names come from mappings, where they were checked as API names, and
/// pass <see cref="Soql.Name"/> again here; filter values are written as SOQL literals (strings
/// quoted and escaped by <see cref="Soql.Quote"/>), never pasted.
/// </summary>
public static partial class SoqlBuilder
{
    public static string Select(PullPlan plan, DateTime? since)
    {
        var fields = LogicalCatalog.SystemFields
            .Concat(plan.ColumnSources.OfType<string>())
            .Concat(plan.Keep)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(Soql.Name);
        var conditions = new List<string>();
        if (since is { } from)
        {
            conditions.Add($"SystemModstamp >= {DateTimeLiteral(from)}");
        }

        conditions.AddRange(plan.Mapping.Filters.Select(Condition));
        var soql = new StringBuilder("SELECT ").AppendJoin(", ", fields).Append(" FROM ").Append(Soql.Name(plan.Mapping.ObjectName));
        if (conditions.Count > 0)
        {
            soql.Append(" WHERE ").AppendJoin(" AND ", conditions);
        }

        return soql.Append(" ORDER BY SystemModstamp, Id").ToString();
    }

    public static string Count(PullPlan plan) => $"SELECT COUNT() FROM {plan.Mapping.ObjectName}{Where(plan)}";

    /// <summary>Every Id the pull could see: what a reconcile compares the stored rows with.</summary>
    public static string Ids(PullPlan plan) => $"SELECT Id FROM {plan.Mapping.ObjectName}{Where(plan)}";

    private static string Where(PullPlan plan) =>
        plan.Mapping.Filters.Count == 0 ? string.Empty : " WHERE " + string.Join(" AND ", plan.Mapping.Filters.Select(Condition));

    public static string DateTimeLiteral(DateTime value) => Soql.DateTime(new DateTimeOffset(value.ToUniversalTime()));

    public static string Condition(FilterMapping filter) => filter.Operator switch
    {
        "in" or "not in" => $"{Soql.Name(filter.Field)} {filter.Operator.ToUpperInvariant()} ({string.Join(", ", filter.Values.Select(Literal))})",
        _ => $"{Soql.Name(filter.Field)} {filter.Operator} {Literal(filter.Values[0])}",
    };

    /// <summary>A number, boolean, null, date or datetime written bare stays bare; everything else is a quoted string.</summary>
    public static string Literal(FilterValue value)
    {
        if (!value.IsQuotedString && BareLiteral().IsMatch(value.Text))
        {
            return value.Text.ToLowerInvariant() is "true" or "false" or "null" ? value.Text.ToLowerInvariant() : value.Text;
        }

        return Soql.Quote(value.Text);
    }

    [GeneratedRegex(@"^(?:-?\d+(?:\.\d+)?|(?i:true|false|null)|\d{4}-\d{2}-\d{2}(?:T\d{2}:\d{2}:\d{2}(?:\.\d{1,3})?(?:Z|[+-]\d{2}:\d{2}))?)$")]
    private static partial Regex BareLiteral();
}
