using System.Collections.Concurrent;
using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Bulk;

/// <summary>Bulk API 2.0 jobs by id (<c>750…</c>).</summary>
internal sealed class BulkJobStore
{
    private readonly ConcurrentDictionary<string, BulkJob> jobs = new(StringComparer.Ordinal);
    private int next;

    public T Add<T>(Func<string, T> create) where T : BulkJob
    {
        var job = create(SalesforceId.Format("750", Interlocked.Increment(ref next)));
        jobs[job.Id] = job;
        return job;
    }

    public T? Find<T>(string id) where T : BulkJob => jobs.GetValueOrDefault(id) as T;

    public IEnumerable<T> All<T>() where T : BulkJob => jobs.Values.OfType<T>().OrderBy(j => j.Id, StringComparer.Ordinal);

    public bool Remove(string id) => jobs.TryRemove(id, out _);
}

internal abstract class BulkJob(string id, string operation, string objectName, long createdMillis)
{
    public string Id { get; } = id;
    public string Operation { get; } = operation;
    public string Object { get; } = objectName;
    public long CreatedMillis { get; } = createdMillis;
    public long SystemModstampMillis { get; set; } = createdMillis;
    public string State { get; set; } = "Open";
    public string? ErrorMessage { get; set; }
}
