using System.Diagnostics.Metrics;
using CrmSync.Salesforce.Limits;
using CrmSync.Sync.Pull;

namespace CrmSync.Host.Telemetry;

/// <summary>
/// The <c>CrmSync</c> meter: rows synced per object, Salesforce API calls, sync and compute durations. Exported by
/// OpenTelemetry when <c>Telemetry:OtlpEndpoint</c> is set; readable by any <see cref="MeterListener"/> regardless.
/// </summary>
public sealed class CrmSyncMetrics
{
    public const string MeterName = "CrmSync";

    private readonly Counter<long> _rows;
    private readonly Counter<long> _changes;
    private readonly Histogram<double> _syncDuration;
    private readonly Histogram<double> _computeDuration;

    public CrmSyncMetrics(IMeterFactory meters, IApiBudget? budget = null)
    {
        var meter = meters.Create(MeterName);
        _rows = meter.CreateCounter<long>("crmsync.sync.rows", "{row}", "Rows read from Salesforce, per source");
        _changes = meter.CreateCounter<long>("crmsync.sync.changes", "{row}", "Rows inserted, updated or deleted in the store, per source");
        _syncDuration = meter.CreateHistogram<double>("crmsync.sync.duration", "s", "Duration of one source's sync job");
        _computeDuration = meter.CreateHistogram<double>("crmsync.compute.duration", "s", "Duration of one metric run");
        if (budget is not null)
        {
            meter.CreateObservableCounter("crmsync.salesforce.api_calls", () => budget.Snapshot.CallsMade, "{call}", "Salesforce API calls sent by this process");
            meter.CreateObservableGauge("crmsync.salesforce.api_used", () => ReportedUsage(budget.Snapshot), "{call}", "The org's API calls in the last 24 hours, as Salesforce last reported");
        }
    }

    /// <summary>What one pull read and changed.</summary>
    public void RecordPull(PullResult pull)
    {
        var source = new KeyValuePair<string, object?>("crmsync.source", pull.Source);
        _rows.Add(pull.RowsRead, source, new("crmsync.transport", pull.Transport));
        _changes.Add(pull.Changes.Inserted, source, new("crmsync.change", "inserted"));
        _changes.Add(pull.Changes.Updated, source, new("crmsync.change", "updated"));
        _changes.Add(pull.Changes.Deleted + pull.Reconciled, source, new("crmsync.change", "deleted"));
    }

    /// <summary>How long one source's sync job took, and how it ended (<see cref="Outcome"/>).</summary>
    public void RecordSyncDuration(string source, TimeSpan elapsed, string outcome) =>
        _syncDuration.Record(elapsed.TotalSeconds, new("crmsync.source", source), new("crmsync.outcome", outcome));

    /// <summary>How long one metric run took; the pipeline's compute step reports here.</summary>
    public void RecordComputeDuration(TimeSpan elapsed, string outcome) =>
        _computeDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("crmsync.outcome", outcome));

    private static IEnumerable<Measurement<long>> ReportedUsage(ApiBudgetSnapshot snapshot) =>
        snapshot.DailyLimit is null ? [] : [new Measurement<long>(snapshot.Used)];

    /// <summary>Values of the <c>crmsync.outcome</c> tag.</summary>
    public static class Outcome
    {
        public const string Succeeded = "succeeded";
        public const string Failed = "failed";
        public const string BudgetStopped = "budget_stopped";
    }
}
