using System.Runtime.CompilerServices;
using System.Text.Json;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Rest;
using CrmSync.Store.Synced;
using CrmSync.Sync.Pull;
using Microsoft.Extensions.Options;

namespace CrmSync.Sync.Deletes;

/// <summary>
/// Finds rows deleted without a trace (hard deletes, or deletions older than the recycle bin):
/// lists every Id the org has and deletes the stored rows that are not among them.
/// </summary>
public sealed class IdReconciler(ISalesforceClient salesforce, IBulkQueries bulk, SyncedTableWriter writer, IOptions<SyncOptions> options)
{
    /// <summary>Compares Ids when <paramref name="always"/>, else only when the counts differ (one COUNT() call).</summary>
    public async Task<long> ReconcileAsync(PullPlan plan, bool always, CancellationToken cancellationToken)
    {
        var orgCount = await salesforce.CountAsync(SoqlBuilder.Count(plan), cancellationToken);
        if (!always && orgCount == await writer.CountAsync(plan.Table, cancellationToken))
        {
            return 0;
        }

        return await writer.DeleteMissingAsync(plan.Table, OrgIdsAsync(plan, orgCount, cancellationToken), cancellationToken);
    }

    private async IAsyncEnumerable<string> OrgIdsAsync(PullPlan plan, long orgCount, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var soql = SoqlBuilder.Ids(plan);
        if (orgCount > options.Value.BulkThresholdRows)
        {
            await foreach (var record in bulk.QueryAsync(soql, includeDeleted: false, cancellationToken))
            {
                yield return record["Id"]!;
            }

            yield break;
        }

        await foreach (var record in salesforce.QueryAsync<JsonElement>(soql, cancellationToken))
        {
            yield return record.GetProperty("Id").GetString()!;
        }
    }
}
