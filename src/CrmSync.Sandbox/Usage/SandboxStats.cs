using System.Collections.Concurrent;

namespace CrmSync.Sandbox.Usage;

/// <summary>What the sandbox served, for /__sandbox/stats: calls by endpoint and object, rows out, writes in.</summary>
internal sealed class SandboxStats
{
    private readonly ConcurrentDictionary<string, long> callsByEndpoint = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, long> callsByObject = new(StringComparer.OrdinalIgnoreCase);
    private long rowsServed;
    private long writes;

    public void Call(string endpoint, string? objectName)
    {
        callsByEndpoint.AddOrUpdate(endpoint, 1, (_, n) => n + 1);
        if (objectName is not null)
        {
            callsByObject.AddOrUpdate(objectName, 1, (_, n) => n + 1);
        }
    }

    public void RowsServed(long rows) => Interlocked.Add(ref rowsServed, rows);

    public void Wrote(long records) => Interlocked.Add(ref writes, records);

    public object Snapshot() => new
    {
        callsByEndpoint = new SortedDictionary<string, long>(callsByEndpoint, StringComparer.Ordinal),
        callsByObject = new SortedDictionary<string, long>(callsByObject, StringComparer.Ordinal),
        rowsServed = Interlocked.Read(ref rowsServed),
        writes = Interlocked.Read(ref writes),
    };
}
