using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Results;
using Npgsql;

namespace CrmSync.WriteBack.Snapshots;

/// <summary>
/// Portfolio results (segment_metric) as CrmSync_KPI_Snapshot__c records, keyed <c>yyyy-MM-dd|segment|metric</c>
/// (segment <c>(all)</c> is the org). Rates are written as 0–100 like the Percent fields; a metric without data stays null.
/// </summary>
public sealed class SnapshotResults : IResultSource
{
    private static readonly HashSet<string> Logical = new(StringComparer.Ordinal) { "key", "as_of", "segment", "metric", "value", "period_months", "records_used" };

    /// <summary>The portfolio metrics that are fractions in the store (salesforce.md: "rates as 0–100").</summary>
    private static readonly HashSet<string> Rates = new(StringComparer.Ordinal)
    {
        "retention_rate", "acquisition_rate", "repeat_purchase_share", "lead_conversion_rate", "sales_growth_rate",
        "campaign_response_rate", "resolution_rate", "fcr_rate",
    };

    private const string TargetPenetration = "target_penetration:";

    public string Target => Targets.WriteTarget.Snapshot;

    public static bool IsRate(string metric) => Rates.Contains(metric) || metric.StartsWith(TargetPenetration, StringComparison.Ordinal);

    public Task<IReadOnlySet<string>> AvailableAsync(NpgsqlConnection connection, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlySet<string>>(Logical);

    public async IAsyncEnumerable<StoredRecord> ReadAsync(
        NpgsqlConnection connection, long runId, string objectName, IReadOnlyCollection<string> logicalNames,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var record in StoredRecordReader.ReadAsync(connection, LedgerSql.SnapshotRecords, runId, objectName, cancellationToken))
        {
            var values = new Dictionary<string, object?>(record.Values, StringComparer.Ordinal) { ["key"] = record.Key };
            if (values["value"] is decimal value && values["metric"] is string metric && IsRate(metric))
            {
                values["value"] = value * 100m;
            }

            yield return record with { Values = values };
        }
    }
}
