using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Soql;

/// <summary>Checks a parsed query against the schema (INVALID_TYPE, INVALID_FIELD) and runs it over the org.</summary>
internal static class SoqlEvaluator
{
    /// <summary>Call under the org's read lock.</summary>
    public static QueryResult Run(OrgStore org, string soql, bool includeDeleted)
    {
        var query = SoqlParser.Parse(soql);
        var table = org.Find(query.Object.Name) ?? throw SoqlException.At("INVALID_TYPE", soql, query.Object.Offset,
            $"sObject type '{query.Object.Name}' is not supported. If you are attempting to use a custom object, be sure to append the '__c' after the entity name. Please reference your WSDL or the describe call for the appropriate names.");
        var columns = query.Fields.Select(f => Resolve(table, f, soql)).ToArray();
        for (var i = 1; i < columns.Length; i++)
        {
            if (Array.IndexOf(columns, columns[i], 0, i) >= 0)
            {
                throw SoqlException.At("MALFORMED_QUERY", soql, query.Fields[i].Offset, $"duplicate field selected: {columns[i].Field.Name}");
            }
        }
        var predicate = query.Where is null ? null : PredicateCompiler.Compile(query.Where, name => Resolve(table, name, soql), soql);
        var order = query.OrderBy.Select(o => (Column: Resolve(table, o.Field, soql), o.Descending)).ToArray();

        var nowMillis = org.Clock.NowMillis;
        var rows = new List<int>();
        for (var row = 0; row < table.Count; row++)
        {
            if (table.IsVisible(row, includeDeleted, nowMillis) && (predicate is null || predicate(row)))
            {
                rows.Add(row);
            }
        }
        var result = rows.ToArray();
        if (order.Length > 0)
        {
            Array.Sort(result, (left, right) => CompareRows(order, left, right));
        }
        if (query.Limit is { } limit && limit < result.Length)
        {
            result = result[..limit];
        }
        return new QueryResult(table, columns, result, query.IsCount);
    }

    private static int CompareRows((Column Column, bool Descending)[] order, int left, int right)
    {
        foreach (var (column, descending) in order)
        {
            var compared = column.CompareRows(left, right);
            if (compared != 0)
            {
                // Salesforce puts nulls first ascending and last descending: a plain reversal keeps that.
                return descending ? -compared : compared;
            }
        }
        return left.CompareTo(right);
    }

    private static Column Resolve(ObjectTable table, NameReference name, string soql) =>
        table.FindColumn(name.Name) ?? throw SoqlException.At("INVALID_FIELD", soql, name.Offset,
            $"No such column '{name.Name}' on entity '{table.Name}'. If you are attempting to use a custom field, be sure to append the '__c' after the custom field name. Please reference your WSDL or the describe call for the appropriate names.");
}
