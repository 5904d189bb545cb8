using System.Text.Json;
using CrmSync.Salesforce.Errors;
using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Results;
using CrmSync.WriteBack.Targets;
using CrmSync.WriteBack.Transport;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.WriteBack;

/// <summary>
/// One target of a write-back: check its fields against describe, find the records whose rounded values differ
/// from the ledger, and send only those (collections, or Bulk above the threshold), recording every answer.
/// </summary>
public sealed class TargetWriteBack(
    TargetDescribes describes,
    LedgerWriter ledger,
    CollectionsTransport collections,
    BulkTransport bulk,
    IOptions<WriteBackOptions> options,
    TimeProvider clock,
    ILogger<TargetWriteBack> logger)
{
    public async Task<TargetReport> RunAsync(
        NpgsqlConnection connection, long writeRun, long metricRun, WriteTarget target, IResultSource source, bool dryRun,
        IProgress<WriteBackProgress>? progress, CancellationToken cancellationToken)
    {
        var (describe, fresh, missing) = await DescribeAsync(target, dryRun, cancellationToken);
        if (describe is null)
        {
            return Tally.Skipped(target, missing!);
        }

        var available = await source.AvailableAsync(connection, cancellationToken);
        var plan = TargetPlan.Check(target, describe, available);
        if (plan.WaitsForTheOrg && !fresh)
        {
            // The stored describe left a field out: ask the org whether an admin has fixed it since (one call).
            (describe, fresh) = (await describes.FetchAsync(target.ObjectName, cancellationToken), true);
            plan = TargetPlan.Check(target, describe, available);
        }
        var tally = await PlanAsync(connection, metricRun, plan, source, dryRun, progress, cancellationToken);
        if (!dryRun && tally.Changes.Count > 0 && !fresh)
        {
            // About to write: make sure the scales and rights we rounded and checked with are still the org's.
            var latest = await describes.FetchAsync(target.ObjectName, cancellationToken);
            if (JsonSerializer.Serialize(latest) != JsonSerializer.Serialize(describe))
            {
                Log.DescribeChanged(logger, target.ObjectName);
                plan = TargetPlan.Check(target, latest, available);
                tally = await PlanAsync(connection, metricRun, plan, source, dryRun, progress, cancellationToken);
            }
        }

        foreach (var problem in tally.Problems)
        {
            Log.TargetProblem(logger, problem);
        }

        if (dryRun)
        {
            return tally.Report(target, "dry run", includePlanned: true);
        }

        if (tally.StaleFailures.Count > 0)
        {
            await ledger.ClearFailuresAsync(target.ObjectName, tally.StaleFailures, cancellationToken);
        }

        if (tally.Changes.Count == 0)
        {
            return tally.Report(target, "none", includePlanned: false);
        }

        IWriteTransport transport = tally.Changes.Count > options.Value.BulkThresholdRecords ? bulk : collections;
        Log.Sending(logger, tally.Changes.Count, target.ObjectName, transport.Name);
        var done = 0L;
        await transport.SendAsync(plan, tally.Changes, async (answers, token) =>
        {
            await ledger.RecordAsync(writeRun, target.ObjectName, answers, token);
            tally.Answered(answers);
            Log.Answered(logger, answers.Count, target.ObjectName, answers.Count(a => a.Result.Success));
            progress?.Report(new WriteBackProgress(target.Name, "writing", Interlocked.Add(ref done, answers.Count), tally.Changes.Count));
        }, cancellationToken);
        return tally.Report(target, transport.Name, includePlanned: false);
    }

    /// <summary>The stored describe; fetched (and stored) only when there is none. Null with a reason when the object is missing.</summary>
    private async Task<(IReadOnlyList<FieldSpec>? Describe, bool Fresh, string? Missing)> DescribeAsync(WriteTarget target, bool dryRun, CancellationToken cancellationToken)
    {
        if (await describes.StoredAsync(target.ObjectName, cancellationToken) is { } stored)
        {
            return (stored, false, null);
        }

        try
        {
            return (await describes.FetchAsync(target.ObjectName, cancellationToken), true, null);
        }
        catch (SalesforceApiException e) when (e.ErrorCode is "NOT_FOUND" or "INVALID_TYPE")
        {
            var problem = $"{target.ObjectName} (target {target.Name}) does not exist in the org: deploy deploy/salesforce or fix mappings/targets; nothing of {target.Name} is {(dryRun ? "shown" : "written")}.";
            Log.TargetProblem(logger, problem);
            return (null, false, problem);
        }
    }

    private async Task<Tally> PlanAsync(
        NpgsqlConnection connection, long metricRun, TargetPlan plan, IResultSource source, bool dryRun, IProgress<WriteBackProgress>? progress, CancellationToken cancellationToken)
    {
        var tally = new Tally(plan.Problems, keepPlanned: dryRun);
        if (!plan.CanWrite)
        {
            return tally;
        }

        var planner = new ChangePlanner(plan, clock.GetUtcNow());
        var logical = plan.Fields.Select(f => f.Logical).ToList();
        await foreach (var record in source.ReadAsync(connection, metricRun, plan.ObjectName, logical, cancellationToken))
        {
            tally.Planned(planner.Plan(record), plan.ObjectName);
            if (tally.Records % 10_000 == 0)
            {
                progress?.Report(new WriteBackProgress(plan.Target.Name, "comparing", tally.Records, 0));
            }
        }

        tally.AddProblems(planner.Problems);
        return tally;
    }
}
