using System.Text.Json;
using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Predictions;
using CrmSync.Clv.Rfm;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Metrics.Lifetime;

/// <summary>Stores a run's CLV: one <c>account_clv</c> row per customer (binary COPY) and the fitted models in <c>clv_fit</c>.</summary>
internal static class ClvWriter
{
    private const string CopySql = """
        COPY crmsync.account_clv (run_id, account_id, purchases, frequency, recency, age, repeat_value, clv_historical,
                                  p_alive, expected_purchases, expected_deal_value, clv_predicted, clv_tier, next_best_action, next_purchase_date)
        FROM STDIN (FORMAT BINARY)
        """;

    private const string FitSql = """
        INSERT INTO crmsync.clv_fit (run_id, model, parameters, log_likelihood, converged, iterations, customers, message)
        VALUES (@run_id, @model, @parameters, @log_likelihood, @converged, @iterations, @customers, @message)
        """;

    /// <summary>One customer's row; the predictive part is null when the purchase model could not be fitted.</summary>
    public sealed record Row(CustomerRfm Rfm, double? Historical, CustomerClv? Predicted);

    public static async Task WriteCustomersAsync(NpgsqlConnection connection, long runId, IEnumerable<Row> rows, CancellationToken cancellationToken)
    {
        await using var import = await connection.BeginBinaryImportAsync(CopySql, cancellationToken);
        foreach (var (rfm, historical, predicted) in rows)
        {
            await import.StartRowAsync(cancellationToken);
            await import.WriteAsync(runId, NpgsqlDbType.Bigint, cancellationToken);
            await import.WriteAsync(rfm.CustomerId, NpgsqlDbType.Text, cancellationToken);
            await import.WriteAsync(rfm.Purchases, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(rfm.RepeatPurchases, NpgsqlDbType.Integer, cancellationToken);
            await import.WriteAsync(rfm.History.Recency, NpgsqlDbType.Double, cancellationToken);
            await import.WriteAsync(rfm.History.Age, NpgsqlDbType.Double, cancellationToken);
            await WriteAsync(import, rfm.RepeatPurchases > 0 ? Money(rfm.History.MeanRepeatValue) : null, cancellationToken);
            await WriteAsync(import, Money(historical), cancellationToken);
            await WriteAsync(import, Finite(predicted?.ProbabilityAlive), cancellationToken);
            await WriteAsync(import, Finite(predicted?.ExpectedPurchases), cancellationToken);
            await WriteAsync(import, Money(predicted?.ExpectedAverageValue), cancellationToken);
            await WriteAsync(import, Money(predicted?.PredictiveClv), cancellationToken);
            await WriteAsync(import, predicted?.Tier.ToString(), cancellationToken);
            await WriteAsync(import, predicted?.NextBestAction, cancellationToken);
            await WriteAsync(import, predicted?.ExpectedNextPurchase, cancellationToken);
        }

        await import.CompleteAsync(cancellationToken);
    }

    public static async Task WriteFitsAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, BgNbdFit? purchases, GammaGammaFit? spend, int customers, string? failure, CancellationToken cancellationToken)
    {
        var p = purchases?.Parameters;
        await InsertFitAsync(connection, transaction, runId, "bgnbd",
            p is null ? new { } : new { r = p.R, alpha = p.Alpha, a = p.A, b = p.B, time_unit = purchases!.Unit.ToString().ToLowerInvariant() },
            purchases?.LogLikelihood, purchases?.Converged ?? false, purchases?.Iterations ?? 0, customers, failure, cancellationToken);
        if (spend is not null)
        {
            var g = spend.Parameters;
            await InsertFitAsync(connection, transaction, runId, "gamma_gamma", g is null ? new { } : new { p = g.P, q = g.Q, gamma = g.Gamma },
                spend.LogLikelihood, spend.Status == SpendModelStatus.Fitted, spend.Iterations, spend.Repeaters, spend.Problem, cancellationToken);
        }
    }

    private static async Task InsertFitAsync(
        NpgsqlConnection connection, NpgsqlTransaction transaction, long runId, string model, object parameters, double? logLikelihood,
        bool converged, int iterations, int customers, string? message, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(FitSql, connection, transaction);
        command.Parameters.AddWithValue("run_id", runId);
        command.Parameters.AddWithValue("model", model);
        command.Parameters.AddWithValue("parameters", NpgsqlDbType.Jsonb, JsonSerializer.Serialize(parameters));
        command.Parameters.Add(new NpgsqlParameter("log_likelihood", NpgsqlDbType.Double) { Value = (object?)Finite(logLikelihood) ?? DBNull.Value });
        command.Parameters.AddWithValue("converged", converged);
        command.Parameters.AddWithValue("iterations", iterations);
        command.Parameters.AddWithValue("customers", customers);
        command.Parameters.Add(new NpgsqlParameter("message", NpgsqlDbType.Text) { Value = (object?)message ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;

    /// <summary>Money to the cent as numeric; not-a-number and infinities become null rather than a wrong figure.</summary>
    private static decimal? Money(double? value) => Finite(value) is { } v ? Math.Round((decimal)v, 6) : null;

    private static Task WriteAsync<T>(NpgsqlBinaryImporter import, T? value, CancellationToken cancellationToken) =>
        value is null ? import.WriteNullAsync(cancellationToken) : import.WriteAsync(value, cancellationToken);
}
