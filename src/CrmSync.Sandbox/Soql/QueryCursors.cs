using System.Collections.Concurrent;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Soql;

/// <summary>
/// Query locators (the <c>01g…</c> part of nextRecordsUrl) and the result each one pages through.
/// The oldest are dropped past <see cref="MaxOpen"/>, as Salesforce limits open cursors per user.
/// </summary>
internal sealed class QueryCursors
{
    public const int MaxOpen = 50;

    private readonly ConcurrentDictionary<string, QueryCursor> cursors = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<string> order = new();
    private int next;

    public string Open(QueryResult result, int batchSize)
    {
        var locator = SalesforceId.Format("01g", Interlocked.Increment(ref next));
        cursors[locator] = new QueryCursor(result, batchSize);
        order.Enqueue(locator);
        while (order.Count > MaxOpen && order.TryDequeue(out var oldest))
        {
            cursors.TryRemove(oldest, out _);
        }
        return locator;
    }

    public QueryCursor? Find(string locator) => cursors.GetValueOrDefault(locator);
}

internal sealed record QueryCursor(QueryResult Result, int BatchSize);
