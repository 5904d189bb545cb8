using CrmSync.Clv.Predictions;
using Npgsql;

namespace CrmSync.Metrics.Lifetime;

/// <summary>
/// Expected lifespan per segment for the historical CLV: 1 / (1 − retention rate of the run), from the segment's
/// own retention when it has at least <see cref="ClvSettings.MinSegmentCustomers"/> customers, else the org's.
/// </summary>
internal sealed class SegmentLifespans
{
    private const string Sql = """
        SELECT r.segment,
               r.value::double precision AS retention_rate,
               (SELECT count(*) FROM account_sums s WHERE s.first_purchase IS NOT NULL AND (r.segment = '(all)' OR s.segment = r.segment)) AS customers
        FROM crmsync.segment_metric r
        WHERE r.run_id = @run_id AND r.metric = 'retention_rate'
        """;

    private readonly Dictionary<string, double?> bySegment = new(StringComparer.Ordinal);
    private double? org;

    public static async Task<SegmentLifespans> ReadAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, ClvSettings settings, CancellationToken cancellationToken)
    {
        var lifespans = new SegmentLifespans();
        await using var command = new NpgsqlCommand(Sql, connection, transaction);
        command.Parameters.AddWithValue("run_id", runId);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            var segment = reader.GetString(0);
            var years = HistoricalClv.LifespanYears(reader.IsDBNull(1) ? null : reader.GetDouble(1), settings.MaxLifespanYears);
            if (segment == "(all)")
            {
                lifespans.org = years;
            }
            else if (reader.GetInt64(2) >= settings.MinSegmentCustomers)
            {
                lifespans.bySegment[segment] = years;
            }
        }

        return lifespans;
    }

    public double? Of(string? segment) => segment is not null && bySegment.TryGetValue(segment, out var years) ? years : org;
}
