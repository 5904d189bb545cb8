namespace CrmSync.Sandbox.Org;

/// <summary>
/// The whole in-memory org. Readers (queries, paging) share <see cref="Lock"/>; writes take it
/// exclusively, so a page never sees a half-applied collection.
/// </summary>
internal sealed class OrgStore
{
    private readonly Dictionary<string, ObjectTable> byName = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ObjectTable> byPrefix = new(StringComparer.Ordinal);

    public OrgStore(IReadOnlyList<ObjectDefinition> definitions, OrgClock clock)
    {
        Clock = clock;
        var prefixes = definitions.ToDictionary(d => d.Name, d => d.KeyPrefix, StringComparer.OrdinalIgnoreCase);
        Tables = definitions.Select((d, i) => new ObjectTable(d, i, name => prefixes.GetValueOrDefault(name))).ToArray();
        foreach (var table in Tables)
        {
            byName[table.Name] = table;
            byPrefix[table.Definition.KeyPrefix] = table;
        }
    }

    public OrgClock Clock { get; }

    public ReaderWriterLockSlim Lock { get; } = new(LockRecursionPolicy.NoRecursion);

    public IReadOnlyList<ObjectTable> Tables { get; }

    public ObjectTable this[string name] => byName[name];

    /// <summary>An object the integration user can see (API calls use this), or null.</summary>
    public ObjectTable? Find(string name) => byName.GetValueOrDefault(name) is { Access.Hidden: false } table ? table : null;

    public ObjectTable? FindByIdPrefix(string id) => id.Length >= 3 && byPrefix.GetValueOrDefault(id[..3]) is { Access.Hidden: false } table ? table : null;

    /// <summary>The objects the integration user can see.</summary>
    public IEnumerable<ObjectTable> VisibleTables => Tables.Where(t => !t.Access.Hidden);

    public T Read<T>(Func<T> read)
    {
        Lock.EnterReadLock();
        try
        {
            return read();
        }
        finally
        {
            Lock.ExitReadLock();
        }
    }

    public T Write<T>(Func<T> write)
    {
        Lock.EnterWriteLock();
        try
        {
            return write();
        }
        finally
        {
            Lock.ExitWriteLock();
        }
    }
}

/// <summary>
/// The org's "now": the as-of instant, plus time moved by /__sandbox/advance, plus wall time
/// elapsed since start (so successive writes get increasing SystemModstamps).
/// </summary>
internal sealed class OrgClock(TimeProvider time, DateTimeOffset asOf)
{
    private readonly DateTimeOffset startedAt = time.GetUtcNow();
    private TimeSpan advanced;

    public DateTimeOffset AsOf { get; } = asOf;

    public DateTimeOffset Now => AsOf + advanced + (time.GetUtcNow() - startedAt);

    public long NowMillis => Now.ToUnixTimeMilliseconds();

    public TimeProvider Time => time;

    public void Advance(TimeSpan by) => advanced += by;
}
