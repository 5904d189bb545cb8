namespace CrmSync.Salesforce.Bulk;

/// <summary>The header of one Bulk CSV result set, shared by all its rows.</summary>
public sealed class BulkColumns
{
    private readonly Dictionary<string, int> _index;

    public BulkColumns(IReadOnlyList<string> names)
    {
        Names = names;
        _index = new Dictionary<string, int>(names.Count, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < names.Count; i++)
        {
            _index.TryAdd(names[i], i);
        }
    }

    public IReadOnlyList<string> Names { get; }

    public bool TryGetIndex(string name, out int index) => _index.TryGetValue(name, out index);
}

/// <summary>
/// One CSV row of a Bulk result. Bulk CSV has no types: values are Salesforce's text
/// (<c>1500.0</c>, <c>2026-03-08</c>, <c>2026-03-08T10:15:30.000Z</c>); an empty cell is null.
/// </summary>
public sealed class BulkRecord(BulkColumns columns, string?[] values)
{
    public BulkColumns Columns { get; } = columns;

    public int FieldCount => values.Length;

    public string? this[int index] => values[index];

    /// <summary>The value of <paramref name="column"/> (case-insensitive), or null when empty or absent.</summary>
    public string? this[string column] => Columns.TryGetIndex(column, out var i) && i < values.Length ? values[i] : null;
}
