using CrmSync.Clv;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Metrics.Lifetime;

/// <summary>The run's inputs to CLV, read from its facts: won deals up to as-of, and each customer's segment.</summary>
internal static class WonDeals
{
    private const string DealsSql = """
        COPY (SELECT account_id, close_date, amount FROM deal_facts WHERE skipped IS NULL AND is_won)
        TO STDOUT (FORMAT BINARY)
        """;

    private const string SegmentsSql = """
        SELECT s.account_id, s.segment
        FROM account_sums s
        WHERE s.first_purchase IS NOT NULL
        """;

    /// <summary>Streamed by binary COPY: a million deals cost one round trip and no per-row objects beyond the result.</summary>
    public static async Task<List<Transaction>> ReadAsync(NpgsqlConnection connection, CancellationToken cancellationToken)
    {
        var deals = new List<Transaction>();
        await using var export = await connection.BeginBinaryExportAsync(DealsSql, cancellationToken);
        while (await export.StartRowAsync(cancellationToken) >= 0)
        {
            var account = await export.ReadAsync<string>(NpgsqlDbType.Text, cancellationToken);
            var day = await export.ReadAsync<DateOnly>(NpgsqlDbType.Date, cancellationToken);
            var amount = await export.ReadAsync<decimal>(NpgsqlDbType.Numeric, cancellationToken);
            deals.Add(new Transaction(account, day, amount));
        }

        return deals;
    }

    public static async Task<Dictionary<string, string>> SegmentsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(SegmentsSql, connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var segments = new Dictionary<string, string>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            segments[reader.GetString(0)] = reader.GetString(1);
        }

        return segments;
    }
}
