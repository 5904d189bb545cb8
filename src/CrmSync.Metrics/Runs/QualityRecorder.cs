using System.Text.Json;
using CrmSync.Metrics.Kpis;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Metrics.Runs;

/// <summary>Writes <c>crmsync.metric_quality</c>: per metric, configured or not, records used, skipped and flagged by reason.</summary>
internal static class QualityRecorder
{
    private const string InsertSql = """
        INSERT INTO crmsync.metric_quality (run_id, metric, configured, records_used, records_skipped, reasons)
        VALUES (@run_id, @metric, @configured, @records_used, @records_skipped, @reasons)
        """;

    private sealed record Reason(string Source, string Kind, string Text, long Records);

    public static async Task RecordAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, RunParameters run, CancellationToken cancellationToken)
    {
        var reasons = await ReadReasonsAsync(connection, transaction, cancellationToken);
        var used = await ReadRecordsUsedAsync(connection, transaction, run.RunId, cancellationToken);
        var batch = new NpgsqlBatch(connection, transaction);
        await using (batch)
        {
            foreach (var metric in MetricCatalog.All)
            {
                var configured = run.ConfiguredMetrics.Contains(metric.Name);
                var mine = configured ? reasons.Where(r => metric.Sources.Contains(r.Source)).ToList() : [];
                var command = new NpgsqlBatchCommand(InsertSql);
                command.Parameters.AddWithValue("run_id", run.RunId);
                command.Parameters.AddWithValue("metric", metric.Name);
                command.Parameters.AddWithValue("configured", configured);
                command.Parameters.AddWithValue("records_used", configured ? used.GetValueOrDefault(metric.Name) : 0L);
                command.Parameters.AddWithValue("records_skipped", mine.Where(r => r.Kind == "skipped").Sum(r => r.Records));
                command.Parameters.AddWithValue("reasons", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(
                    mine.ToDictionary(r => $"{r.Kind}: {r.Source} {r.Text}", r => r.Records)));
                batch.BatchCommands.Add(command);
            }

            await batch.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static async Task<List<Reason>> ReadReasonsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(KpiSql.Read("quality_reasons"), connection, transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var reasons = new List<Reason>();
        while (await reader.ReadAsync(cancellationToken))
        {
            reasons.Add(new Reason(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetInt64(3)));
        }

        return reasons;
    }

    private static async Task<Dictionary<string, long>> ReadRecordsUsedAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(KpiSql.Read("records_used"), connection, transaction);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("portfolio_only", MetricCatalog.PortfolioOnly.Select(m => m.Name).ToArray());
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var used = new Dictionary<string, long>(StringComparer.Ordinal);
        while (await reader.ReadAsync(cancellationToken))
        {
            used[reader.GetString(0)] = (long)reader.GetDecimal(1);
        }

        return used;
    }
}
