using CrmSync.Clv;
using CrmSync.Clv.Fitting;
using CrmSync.Clv.Predictions;
using CrmSync.Clv.Rfm;
using Npgsql;

namespace CrmSync.Metrics.Lifetime;

/// <summary>
/// The CLV part of a metric run: won deals from the run's facts → RFM → BG/NBD + Gamma-Gamma → every customer's
/// historical and predictive CLV, tier, next best action and next purchase date. A model that cannot be fitted is
/// recorded with its reason and leaves the predictive fields null; the run does not fail.
/// </summary>
internal static class ClvStep
{
    public static async Task<string?> RunAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, DateOnly asOf, ClvSettings settings, CancellationToken cancellationToken)
    {
        var deals = await WonDeals.ReadAsync(connection, cancellationToken);
        var segments = await WonDeals.SegmentsAsync(connection, transaction, cancellationToken);
        var lifespans = await SegmentLifespans.ReadAsync(connection, transaction, runId, settings, cancellationToken);
        var options = settings.ToOptions();
        double? Lifespan(CustomerRfm customer) => lifespans.Of(segments.GetValueOrDefault(customer.CustomerId));
        double? Historical(CustomerRfm customer) => Lifespan(customer) is { } years ? HistoricalClv.Compute(customer, options.Unit, years) : null;

        try
        {
            var result = ClvRun.Compute(deals, asOf, options, Lifespan, settings.Rules);
            var rows = result.Summary.Customers.Zip(result.Customers, (rfm, clv) => rfm.CustomerId == clv.CustomerId
                ? new ClvWriter.Row(rfm, clv.HistoricalClv, clv)
                : throw new InvalidOperationException($"CLV scores out of order: {rfm.CustomerId} vs {clv.CustomerId}."));
            await ClvWriter.WriteCustomersAsync(connection, runId, rows, cancellationToken);
            await ClvWriter.WriteFitsAsync(connection, transaction, runId, result.Purchases, result.Spend, result.Summary.Customers.Count, null, cancellationToken);
            return result.Spend.Problem;
        }
        catch (ClvFitException e)
        {
            var summary = RfmSummary.FromTransactions(deals, asOf, options.Unit);
            await ClvWriter.WriteCustomersAsync(connection, runId, summary.Customers.Select(c => new ClvWriter.Row(c, Historical(c), null)), cancellationToken);
            await ClvWriter.WriteFitsAsync(connection, transaction, runId, null, null, summary.Customers.Count, e.Message, cancellationToken);
            return e.Message;
        }
    }
}
