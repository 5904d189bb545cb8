using FieldColumn = CrmSync.Sandbox.Org.Column;

namespace CrmSync.Sandbox.Org;

/// <summary>The rows of one object: one column per field, plus recycle-bin bookkeeping.</summary>
internal sealed class ObjectTable
{
    public static readonly TimeSpan RecycleBinRetention = TimeSpan.FromDays(15);

    private readonly FieldColumn[] columns;
    private readonly Dictionary<int, long> deletedAtMillis = [];
    private readonly HashSet<int> purged = [];
    private readonly Dictionary<string, Dictionary<string, int>> externalIdIndexes = new(StringComparer.OrdinalIgnoreCase);
    private int capacity;

    public ObjectTable(ObjectDefinition definition, int index, Func<string, string?> prefixOf)
    {
        Definition = definition;
        Index = index;
        columns = definition.Fields.Select(f => FieldColumn.For(f, definition.KeyPrefix, prefixOf)).ToArray();
        IsDeleted = (BooleanColumn)Column("IsDeleted");
        SystemModstamp = (DateTimeColumn)Column("SystemModstamp");
        LastModifiedDate = (DateTimeColumn)Column("LastModifiedDate");
        CreatedDate = (DateTimeColumn)Column("CreatedDate");
    }

    public ObjectDefinition Definition { get; }

    public int Index { get; }

    public string Name => Definition.Name;

    public int Count { get; private set; }

    public IReadOnlyList<FieldColumn> Columns => columns;

    public BooleanColumn IsDeleted { get; }

    public DateTimeColumn SystemModstamp { get; }

    public DateTimeColumn LastModifiedDate { get; }

    public DateTimeColumn CreatedDate { get; }

    public FieldColumn Column(string fieldName) =>
        columns[Definition.IndexOf(fieldName) is >= 0 and var i ? i : throw new ArgumentException($"{Name} has no field {fieldName}.", nameof(fieldName))];

    /// <summary>The integration user's view of this object (schema fault rules narrow it).</summary>
    public ObjectAccess Access { get; } = new();

    /// <summary>The column of a field the integration user can see, or null (unknown, deleted or hidden).</summary>
    public FieldColumn? FindColumn(string fieldName) =>
        Definition.IndexOf(fieldName) is >= 0 and var i && Access.CanRead(Definition.Fields[i].Name) ? columns[i] : null;

    public string IdOf(int row) => SalesforceId.Format(Definition.KeyPrefix, row);

    /// <summary>Appends an empty row stamped as created (and last modified) at <paramref name="createdAtMillis"/>.</summary>
    public int AddRow(long createdAtMillis)
    {
        if (Count == capacity)
        {
            capacity = Math.Max(16, capacity * 2);
            foreach (var column in columns)
            {
                column.Resize(capacity);
            }
        }
        var row = Count++;
        createdAtMillis = ToSecond(createdAtMillis);
        CreatedDate[row] = createdAtMillis;
        LastModifiedDate[row] = createdAtMillis;
        SystemModstamp[row] = createdAtMillis;
        return row;
    }

    /// <summary>Pre-sizes the columns before bulk generation to avoid repeated doubling.</summary>
    public void Reserve(int rows)
    {
        if (rows <= capacity)
        {
            return;
        }
        capacity = rows;
        foreach (var column in columns)
        {
            column.Resize(capacity);
        }
    }

    /// <summary>Row of an id of this object that still exists (deleted rows only when asked), else -1.</summary>
    public int FindRow(string id, bool includeDeleted, long nowMillis)
    {
        if (!id.StartsWith(Definition.KeyPrefix, StringComparison.Ordinal))
        {
            return -1;
        }
        var row = SalesforceId.ParseRow(id);
        return row >= 0 && row < Count && IsVisible(row, includeDeleted, nowMillis) ? row : -1;
    }

    public bool IsVisible(int row, bool includeDeleted, long nowMillis)
    {
        if (!IsDeleted[row])
        {
            return true;
        }
        return includeDeleted && !purged.Contains(row)
            && deletedAtMillis.TryGetValue(row, out var at) && at >= nowMillis - (long)RecycleBinRetention.TotalMilliseconds;
    }

    /// <summary>Salesforce keeps audit timestamps to the second (always ".000").</summary>
    public static long ToSecond(long millis) => millis - ((millis % 1000) + 1000) % 1000;

    public void Touch(int row, long nowMillis)
    {
        nowMillis = ToSecond(nowMillis);
        LastModifiedDate[row] = nowMillis;
        SystemModstamp[row] = nowMillis;
    }

    public void Delete(int row, long nowMillis)
    {
        IsDeleted[row] = true;
        Touch(row, nowMillis);
        deletedAtMillis[row] = ToSecond(nowMillis);
        if (Definition.HardDeletes)
        {
            purged.Add(row);
        }
        foreach (var index in externalIdIndexes)
        {
            var column = Column(index.Key);
            if (!column.IsNull(row))
            {
                index.Value.Remove(column.Get(row).Text!);
            }
        }
    }

    /// <summary>Soft-deleted rows still in the recycle bin and deleted in [from, to].</summary>
    public IEnumerable<(int Row, long DeletedAt)> DeletedBetween(long fromMillis, long toMillis, long nowMillis) =>
        deletedAtMillis
            .Where(d => !purged.Contains(d.Key) && d.Value >= fromMillis && d.Value <= toMillis
                        && d.Value >= nowMillis - (long)RecycleBinRetention.TotalMilliseconds)
            .OrderBy(d => d.Value).ThenBy(d => d.Key)
            .Select(d => (d.Key, d.Value));

    /// <summary>Row holding <paramref name="value"/> in an external id field (case-insensitive, as Salesforce), else -1.</summary>
    public int FindByExternalId(string fieldName, string value)
    {
        var index = ExternalIdIndex(fieldName);
        return index.TryGetValue(value, out var row) ? row : -1;
    }

    public void IndexExternalId(string fieldName, string? oldValue, string? newValue, int row)
    {
        if (!externalIdIndexes.TryGetValue(fieldName, out var index))
        {
            return;
        }
        if (oldValue is not null)
        {
            index.Remove(oldValue);
        }
        if (newValue is not null)
        {
            index[newValue] = row;
        }
    }

    private Dictionary<string, int> ExternalIdIndex(string fieldName)
    {
        if (externalIdIndexes.TryGetValue(fieldName, out var index))
        {
            return index;
        }
        index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var column = Column(fieldName);
        for (var row = 0; row < Count; row++)
        {
            if (!IsDeleted[row] && !column.IsNull(row))
            {
                index[column.Get(row).Text!] = row;
            }
        }
        externalIdIndexes[fieldName] = index;
        return index;
    }
}
