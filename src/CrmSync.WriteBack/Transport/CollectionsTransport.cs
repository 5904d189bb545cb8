using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Limits;
using CrmSync.Salesforce.Rest;
using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;
using Microsoft.Extensions.Options;

namespace CrmSync.WriteBack.Transport;

/// <summary>
/// sObject Collections, 200 records a call with allOrNone=false: update by Id, or upsert on the external id.
/// Each call's answers are handed over on their own, so a failed or interrupted call never holds back the others.
/// </summary>
public sealed class CollectionsTransport(ISObjectCollections collections, IOptions<WriteBackOptions> options) : IWriteTransport
{
    public const int RecordsPerCall = 200;

    public string Name => "collections";

    public async Task SendAsync(TargetPlan target, IReadOnlyList<RecordChange> changes, AnswersReceived answered, CancellationToken cancellationToken)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = options.Value.ParallelCalls, CancellationToken = cancellationToken };
        await Parallel.ForEachAsync(changes.Chunk(RecordsPerCall), parallel, async (chunk, token) =>
            await answered(await SendOneCallAsync(target, chunk, token), token));
    }

    private async Task<IReadOnlyList<(RecordChange, RecordResult)>> SendOneCallAsync(TargetPlan target, RecordChange[] chunk, CancellationToken cancellationToken)
    {
        var records = chunk.Select(c => new SObjectRecord(target.ObjectName, WireRecords.Fields(target, c)) { Id = target.KeyField is null ? c.Key : null }).ToList();
        try
        {
            var results = target.KeyField is { } key
                ? await collections.UpsertAsync(target.ObjectName, key.Name, records, allOrNone: false, cancellationToken)
                : await collections.UpdateAsync(records, allOrNone: false, cancellationToken);
            return chunk.Zip(results, (change, answer) => (change, WireRecords.FromSaveResult(change.Key, answer.Result))).ToList();
        }
        catch (SalesforceException error) when (error is not ApiBudgetExceededException)
        {
            return WireRecords.CallFailed(chunk, error);
        }
    }
}
