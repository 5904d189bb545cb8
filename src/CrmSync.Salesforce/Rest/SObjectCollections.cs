using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Rest;

/// <summary>A record sent in a collection call and what Salesforce answered for it (matched by position).</summary>
public sealed record RecordSaveResult(SObjectRecord Record, SaveResult Result);

/// <summary>
/// sObject Collections (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/resources_composite_sobjects_collections.htm):
/// inputs of any size are sent 200 records per call (calls run side by side up to MaxConcurrency);
/// <c>allOrNone</c> applies within each call of 200.
/// A call answers 200 even when records fail, so check <see cref="SaveResult.Success"/> per record.
/// </summary>
public interface ISObjectCollections
{
    Task<IReadOnlyList<RecordSaveResult>> CreateAsync(IReadOnlyList<SObjectRecord> records, bool allOrNone = false, CancellationToken ct = default);

    /// <summary>Each record needs <see cref="SObjectRecord.Id"/>.</summary>
    Task<IReadOnlyList<RecordSaveResult>> UpdateAsync(IReadOnlyList<SObjectRecord> records, bool allOrNone = false, CancellationToken ct = default);

    /// <summary>All records of one object; each carries <paramref name="externalIdField"/> among its fields.</summary>
    Task<IReadOnlyList<RecordSaveResult>> UpsertAsync(string objectName, string externalIdField, IReadOnlyList<SObjectRecord> records,
        bool allOrNone = false, CancellationToken ct = default);

    /// <summary>
    /// Reads records of one object by id, 200 ids per call; the result has one entry per id, in order,
    /// null where the record does not exist or is not visible.
    /// </summary>
    Task<IReadOnlyList<T?>> RetrieveAsync<T>(string objectName, IReadOnlyList<string> ids, IReadOnlyList<string> fields, CancellationToken ct = default);

    /// <summary>Results are in the order of <paramref name="ids"/>.</summary>
    Task<IReadOnlyList<SaveResult>> DeleteAsync(IReadOnlyList<string> ids, bool allOrNone = false, CancellationToken ct = default);
}

internal sealed class SObjectCollections(ISalesforceRestApi rest, IOptions<SalesforceOptions> options, TimeProvider clock) : ISObjectCollections
{
    public const int MaxRecordsPerCall = 200;

    public Task<IReadOnlyList<RecordSaveResult>> CreateAsync(IReadOnlyList<SObjectRecord> records, bool allOrNone = false, CancellationToken ct = default) =>
        SendInChunksAsync(records, allOrNone, (chunk, token) => rest.CreateCollectionAsync(new CollectionRequest(allOrNone, chunk), token), ct);

    public Task<IReadOnlyList<RecordSaveResult>> UpdateAsync(IReadOnlyList<SObjectRecord> records, bool allOrNone = false, CancellationToken ct = default)
    {
        if (records.Any(r => string.IsNullOrEmpty(r.Id)))
        {
            throw new ArgumentException("Every record of a collection update needs an Id.", nameof(records));
        }

        return SendInChunksAsync(records, allOrNone, (chunk, token) => rest.UpdateCollectionAsync(new CollectionRequest(allOrNone, chunk), token), ct);
    }

    public Task<IReadOnlyList<RecordSaveResult>> UpsertAsync(string objectName, string externalIdField, IReadOnlyList<SObjectRecord> records,
        bool allOrNone = false, CancellationToken ct = default) =>
        SendInChunksAsync(records, allOrNone,
            (chunk, token) => rest.UpsertCollectionAsync(objectName, externalIdField, new CollectionRequest(allOrNone, chunk), token), ct);

    public async Task<IReadOnlyList<T?>> RetrieveAsync<T>(string objectName, IReadOnlyList<string> ids, IReadOnlyList<string> fields,
        CancellationToken ct = default)
    {
        var results = new List<T?>(ids.Count);
        foreach (var chunk in ids.Chunk(MaxRecordsPerCall))
        {
            var answer = await rest.RetrieveCollectionAsync<T>(objectName, chunk, fields, ct).ConfigureAwait(false);
            EnsureOneResultPerRecord(chunk.Length, answer.Count);
            results.AddRange(answer);
        }

        return results;
    }

    public async Task<IReadOnlyList<SaveResult>> DeleteAsync(IReadOnlyList<string> ids, bool allOrNone = false, CancellationToken ct = default)
    {
        var results = new List<SaveResult>(ids.Count);
        foreach (var chunk in ids.Chunk(MaxRecordsPerCall))
        {
            var answer = await rest.DeleteCollectionAsync(chunk, allOrNone, ct).ConfigureAwait(false);
            EnsureOneResultPerRecord(chunk.Length, answer.Count);
            results.AddRange(answer);
        }

        return results;
    }

    /// <summary>Chunks run side by side up to <c>Salesforce:MaxConcurrency</c>; results keep the input order.</summary>
    private async Task<IReadOnlyList<RecordSaveResult>> SendInChunksAsync(
        IReadOnlyList<SObjectRecord> records,
        bool allOrNone,
        Func<SObjectRecord[], CancellationToken, Task<IReadOnlyList<SaveResult>>> send,
        CancellationToken ct)
    {
        var chunks = records.Chunk(MaxRecordsPerCall).ToArray();
        var answers = new SaveResult[chunks.Length][];
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.MaxConcurrency, CancellationToken = ct };
        await Parallel.ForEachAsync(Enumerable.Range(0, chunks.Length), parallel, async (i, token) =>
            answers[i] = await SendWithLockRetriesAsync(chunks[i], allOrNone, send, token).ConfigureAwait(false)).ConfigureAwait(false);
        return chunks.Zip(answers).SelectMany(pair => pair.First.Select((record, i) => new RecordSaveResult(record, pair.Second[i]))).ToList();
    }

    /// <summary>
    /// Records that failed only with <c>UNABLE_TO_LOCK_ROW</c> (another transaction held the row) are sent again,
    /// with a growing delay, up to <c>Salesforce:MaxRetries</c> times. With allOrNone the whole call was rolled back,
    /// so the whole chunk is sent again when lock contention was the only reason.
    /// </summary>
    private async Task<SaveResult[]> SendWithLockRetriesAsync(
        SObjectRecord[] chunk,
        bool allOrNone,
        Func<SObjectRecord[], CancellationToken, Task<IReadOnlyList<SaveResult>>> send,
        CancellationToken ct)
    {
        var settings = options.Value;
        var results = new SaveResult[chunk.Length];
        var pending = Enumerable.Range(0, chunk.Length).ToArray();
        for (var attempt = 0; pending.Length > 0; attempt++)
        {
            if (attempt > 0)
            {
                await Task.Delay(settings.RetryDelay * Math.Pow(2, attempt - 1), clock, ct).ConfigureAwait(false);
            }

            var answer = await send(pending.Select(i => chunk[i]).ToArray(), ct).ConfigureAwait(false);
            EnsureOneResultPerRecord(pending.Length, answer.Count);
            for (var i = 0; i < pending.Length; i++)
            {
                results[pending[i]] = answer[i];
            }

            pending = attempt >= settings.MaxRetries ? []
                : allOrNone ? (RolledBackOnlyForLockContention(results) ? pending : [])
                : pending.Where(i => IsOnlyLockContention(results[i])).ToArray();
        }

        return results;
    }

    private static bool IsOnlyLockContention(SaveResult result) =>
        !result.Success && result.Errors is { Count: > 0 } errors
        && errors.All(e => e.StatusCode == SalesforceErrorCodes.UnableToLockRow);

    private static bool RolledBackOnlyForLockContention(SaveResult[] results) =>
        results.Any(IsOnlyLockContention)
        && results.All(r => r.Success || (r.Errors ?? []).All(e => e.StatusCode is SalesforceErrorCodes.UnableToLockRow or RolledBack));

    private const string RolledBack = "ALL_OR_NONE_OPERATION_ROLLED_BACK";

    private static void EnsureOneResultPerRecord(int sent, int received)
    {
        if (sent != received)
        {
            throw new InvalidOperationException(
                $"Salesforce answered a collection call of {sent} records with {received} results; results cannot be matched to records.");
        }
    }
}
