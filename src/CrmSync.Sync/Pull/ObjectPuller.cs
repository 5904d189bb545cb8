using System.Text.Json;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Store.Synced;
using CrmSync.Sync.Deletes;
using CrmSync.Sync.Mappings;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSync.Sync.Pull;

/// <summary>
/// Pulls one source into its <c>sf_*</c> table. The query is ordered by SystemModstamp, so every
/// merged REST batch moves the watermark with it: a crash resumes where the last batch ended.
/// Past <see cref="SyncOptions.BulkThresholdRows"/> rows it continues from that watermark with a
/// Bulk 2.0 job, whose rows come unordered: their watermark moves once, with the last batch.
/// </summary>
public sealed class ObjectPuller(
    ISalesforceClient salesforce,
    IBulkQueries bulk,
    SyncedTableWriter writer,
    SyncStateStore states,
    DescribeCache describes,
    IdReconciler reconciler,
    IOptions<SyncOptions> options,
    TimeProvider time,
    ILogger<ObjectPuller> logger)
{
    private const string InvalidField = "INVALID_FIELD";

    /// <summary>Salesforce keeps deleted records 15 days; a day less leaves room for clock skew.</summary>
    private static readonly TimeSpan RecycleBinRetention = TimeSpan.FromDays(14);

    public async Task<PullResult> PullAsync(SourceMapping mapping, bool forceFull, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        try
        {
            return await PullAsync(mapping, forceFull, freshDescribe: forceFull, progress, cancellationToken);
        }
        catch (SalesforceApiException e) when (e.ErrorCode == InvalidField && !forceFull)
        {
            // The stored describe still listed a field the org has removed since: ask again and plan without it.
            return await PullAsync(mapping, forceFull, freshDescribe: true, progress, cancellationToken);
        }
    }

    private async Task<PullResult> PullAsync(SourceMapping mapping, bool forceFull, bool freshDescribe, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var started = time.GetTimestamp();
        var describe = await describes.ObjectAsync(mapping.ObjectName, freshDescribe, cancellationToken);
        if (!freshDescribe && Lacks(describe, mapping))
        {
            describe = await describes.ObjectAsync(mapping.ObjectName, fresh: true, cancellationToken);
        }

        var plan = PullPlan.Create(mapping, describe);
        foreach (var warning in plan.Warnings)
        {
            Log.FieldGone(logger, warning);
        }

        var state = await states.GetAsync(mapping.Source, cancellationToken);
        var full = forceFull || state is null || state.Watermark is null || state.FieldsSignature != plan.Signature;
        if (full && state is not null)
        {
            await states.ResetAsync(mapping.Source, plan.Signature, cancellationToken);
        }

        var intoEmptyTable = full && await writer.IsEmptyAsync(plan.Table, cancellationToken);
        var expected = full ? await salesforce.CountAsync(SoqlBuilder.Count(plan), cancellationToken) : (long?)null;
        var bulkOnly = expected > options.Value.BulkThresholdRows;

        // A Bulk first load builds the table's indexes once, at its end; a REST one appends batch by batch.
        await using var run = new PullRun(plan, writer, mapping.Source, full ? null : state!.Watermark,
            intoEmptyTable, inOneTransaction: bulkOnly, options.Value.BatchSize, time);
        var transport = "REST";
        if (!bulkOnly)
        {
            var finished = await PullRestAsync(run, full ? null : Since(state!.Watermark), expected, progress, cancellationToken);
            if (!finished)
            {
                transport = "REST+Bulk";
                run.StopAppending();
                await PullBulkAsync(run, Since(run.Watermark), expected, progress, cancellationToken);
            }
        }
        else
        {
            transport = "Bulk";
            await PullBulkAsync(run, null, expected, progress, cancellationToken);
        }

        await run.CompleteAsync(cancellationToken);
        progress?.Report(new PullProgress(mapping.Source, run.RowsRead, run.RowsRead, transport, Done: true));
        var reconciled = await ReconcileIfNeededAsync(plan, full, state, run.Watermark, cancellationToken);
        var result = new PullResult(mapping.Source, mapping.ObjectName, full, transport, run.RowsRead, run.Changes, reconciled, plan.Warnings, time.GetElapsedTime(started));
        Log.Pulled(logger, result.Source, result.RowsRead, result.Changes.Inserted, result.Changes.Updated, result.Changes.Deleted + reconciled, transport, result.Elapsed);
        return result;
    }

    /// <summary>
    /// Streams over REST; returns false when it stopped early to hand over to Bulk: at the threshold, or after the
    /// first page when the org's totalSize already says the pull is larger (no calls spent paging up to the threshold).
    /// </summary>
    private async Task<bool> PullRestAsync(PullRun run, DateTime? since, long? expected, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var converter = new RecordConverter(run.Plan);
        var threshold = options.Value.BulkThresholdRows;
        await foreach (var page in salesforce.QueryAllPagesAsync<JsonElement>(SoqlBuilder.Select(run.Plan, since), cancellationToken))
        {
            foreach (var record in page.Records)
            {
                await run.AddAsync(converter.FromJson(record), ordered: true, cancellationToken);
                if (run.RowsRead % options.Value.BatchSize == 0)
                {
                    progress?.Report(new PullProgress(run.Plan.Mapping.Source, run.RowsRead, expected ?? page.TotalSize, "REST"));
                }
            }

            if (!page.Done && (run.RowsRead >= threshold || page.TotalSize > threshold))
            {
                await run.FlushAsync(ordered: true, cancellationToken);
                return false;
            }
        }

        return true;
    }

    private async Task PullBulkAsync(PullRun run, DateTime? since, long? expected, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var converter = new RecordConverter(run.Plan);
        await foreach (var record in bulk.QueryAsync(SoqlBuilder.Select(run.Plan, since), includeDeleted: true, cancellationToken))
        {
            await run.AddAsync(converter.FromBulk(record), ordered: false, cancellationToken);
            if (run.RowsRead % options.Value.BatchSize == 0)
            {
                progress?.Report(new PullProgress(run.Plan.Mapping.Source, run.RowsRead, expected, "Bulk"));
            }
        }
    }

    /// <summary>
    /// Hard-deleted rows (CampaignMember) never show up in a pull: when the org's count differs
    /// from ours, compare Ids. Soft deletions leave the recycle bin after 15 days: when the last
    /// successful pull, or the org's newest change before this pull, is older than that (or on a
    /// forced full pull), always compare. A run that resumes an interrupted full pull also
    /// always compares: rows stored before the interruption may since have been hard-deleted,
    /// and the pull that was cut short never got to its own comparison.
    /// </summary>
    private async Task<long> ReconcileIfNeededAsync(PullPlan plan, bool full, SyncState? before, DateTime? watermark, CancellationToken cancellationToken)
    {
        var beyondRecycleBin = watermark - before?.Watermark > RecycleBinRetention
            || time.GetUtcNow().UtcDateTime - before?.LastSuccessAt > RecycleBinRetention;
        var resumesFullPull = before is { FullPullComplete: false };
        var compareAlways = before is not null && (full || beyondRecycleBin || resumesFullPull);
        if (!compareAlways && !(plan.Mapping.Deletes == DeleteMode.Hard && before is { FullPullComplete: true }))
        {
            return 0;
        }

        return await reconciler.ReconcileAsync(plan, compareAlways, cancellationToken);
    }

    /// <summary>A mapped or kept field the describe does not list (added to the org after it was stored, or really gone).</summary>
    private static bool Lacks(SObjectDescribe describe, SourceMapping mapping)
    {
        var fields = describe.Fields.Select(f => f.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
        return mapping.Fields.Any(f => !fields.Contains(f.ApiName)) || mapping.Keep.Any(k => !fields.Contains(k));
    }

    private DateTime? Since(DateTime? watermark) => watermark?.AddSeconds(-options.Value.LookbackSeconds);
}
