using System.Globalization;
using System.Text.Json;
using CrmSync.Metrics.Kpis;
using CrmSync.Metrics.Runs;
using Npgsql;

namespace CrmSync.Metrics.Explain;

/// <summary>
/// <c>kpi explain</c>: rebuilds one account's facts with the stored run's as-of and settings, shows
/// which records entered the metric and why, works the arithmetic, and ends in the stored value.
/// </summary>
public sealed class KpiExplainer(NpgsqlDataSource dataSource)
{
    private static readonly IReadOnlyDictionary<string, Recipe> Recipes =
        DealRecipes.All().Concat(ServiceRecipes.All()).Concat(EngagementRecipes.All()).ToDictionary(r => r.Metric, r => r.Recipe);

    private static readonly string[] AllSources = MetricCatalog.All.SelectMany(m => m.Sources).Distinct().ToArray();

    public static IEnumerable<string> Metrics => MetricCatalog.PerAccount.Select(m => m.Name);

    public async Task<Explanation> ExplainAsync(string accountId, string metricName, long? runId, CancellationToken cancellationToken)
    {
        var metric = MetricCatalog.PerAccount.FirstOrDefault(m => m.Name.Equals(metricName, StringComparison.OrdinalIgnoreCase))
            ?? throw new ExplainException($"'{metricName}' is not a per-account metric. Known: {string.Join(", ", Metrics)}.");
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        var run = await StoredRun.ReadAsync(connection, runId, cancellationToken)
            ?? throw new ExplainException(runId is null ? "No metric run has succeeded yet: run './crmsync compute' first." : $"Metric run {runId} does not exist or did not succeed.");
        var stored = await StoredValue.ReadAsync(connection, run.Id, accountId, metric.Name, cancellationToken)
            ?? throw new ExplainException($"Account {accountId} is not in metric run {run.Id} (is it synced? Ids are case-sensitive, 18 characters).");
        var window = $"W = ({run.Window.WindowStart:u}, {run.Window.AsOf:u}], W₋₁ = ({run.Window.PreviousWindowStart:u}, {run.Window.WindowStart:u}]";
        if (!stored.Configured)
        {
            return new Explanation(accountId, metric.Name, metric.Number, metric.Title, metric.Definition, run.Id, window, false, [],
                [$"not configured: it needs {metric.Needs} mapped in mappings/, present in the org and pulled at least once"], "null", stored.Value);
        }

        var recipe = Recipes[metric.Name];
        var facts = await ReadFactsAsync(connection, run, accountId, recipe.Tables, cancellationToken);
        var context = new RecipeContext(run.Options, run.Window.PeriodMonths, (decimal)(run.Window.AsOf - run.Window.WindowStart).TotalDays, stored.FirstPurchase);
        var classified = facts.Select(f => (Fact: f, Role: recipe.Classify(f, context))).ToList();
        var worked = recipe.Work(classified.Where(c => c.Role.Entered).Select(c => c.Fact).ToList(), context);
        var records = classified.Select(c => new ExplainedRecord(c.Fact.Row.Id, c.Fact.Table.Replace("_facts", "", StringComparison.Ordinal), DateOf(c.Fact.Row), ValueOf(c.Fact.Row), c.Role.Entered, c.Role.Note)).ToList();
        return new Explanation(accountId, metric.Name, metric.Number, metric.Title, metric.Definition, run.Id, window, true, records, worked.Lines, worked.Value, stored.Value);
    }

    private static async Task<List<Fact>> ReadFactsAsync(NpgsqlConnection connection, StoredRun run, string accountId, string[] tables, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var parameters = new RunParameters(run.Id, run.Window, run.Options, AllSources, MetricCatalog.All.Select(m => m.Name).ToList(), accountId);
        await parameters.CreateTableAsync(connection, transaction, cancellationToken);
        var facts = new List<Fact>();
        foreach (var file in new[] { "facts_account" }.Concat(tables.Select(t => KpiSql.Facts.First(f => f.Table == t).File)))
        {
            await using var build = new NpgsqlCommand(KpiSql.Read(file), connection, transaction);
            await build.ExecuteNonQueryAsync(cancellationToken);
        }

        foreach (var table in tables)
        {
            // table comes from the fixed recipe list above, never from input.
            await using var read = new NpgsqlCommand($"SELECT * FROM {table} WHERE account_id = @account_id ORDER BY id", connection, transaction);
            read.Parameters.AddWithValue("account_id", accountId);
            await using var reader = await read.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                facts.Add(new Fact(table, new FactRow(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)))));
            }
        }

        await transaction.RollbackAsync(cancellationToken);
        return facts;
    }

    private static string DateOf(FactRow row) =>
        new[] { "close_date", "created_at", "responded_at", "activity_date", "paid_date", "usage_date" }.Select(row.Text).FirstOrDefault(t => t.Length > 0) ?? "";

    private static string ValueOf(FactRow row) =>
        row.Has("amount") ? "Amount " + row.Text("amount") : row.Has("score") ? "score " + row.Text("score") : row.Has("kind") ? row.Text("kind") : "";

    /// <summary>The run as stored: its window and the settings it ran with.</summary>
    private sealed record StoredRun(long Id, RunWindow Window, MetricsOptions Options)
    {
        private const string Sql = """
            SELECT id, as_of, period_months, (settings -> 'Metrics')::text
            FROM crmsync.metric_run
            WHERE status = 'succeeded' AND (@id::bigint IS NULL OR id = @id)
            ORDER BY id DESC
            LIMIT 1
            """;

        public static async Task<StoredRun?> ReadAsync(NpgsqlConnection connection, long? runId, CancellationToken cancellationToken)
        {
            await using var command = new NpgsqlCommand(Sql, connection);
            command.Parameters.Add(new NpgsqlParameter("id", NpgsqlTypes.NpgsqlDbType.Bigint) { Value = (object?)runId ?? DBNull.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var options = JsonSerializer.Deserialize<MetricsOptions>(reader.GetString(3)) ?? new MetricsOptions();
            return new StoredRun(reader.GetInt64(0), new RunWindow(reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2)), options);
        }
    }

    /// <summary>The stored value of one metric for one account, and whether the metric was configured in the run.</summary>
    private sealed record StoredValue(string Value, bool Configured, string? FirstPurchase)
    {
        public static async Task<StoredValue?> ReadAsync(NpgsqlConnection connection, long runId, string accountId, string metric, CancellationToken cancellationToken)
        {
            // metric is a name from MetricCatalog (checked by the caller), so it is a safe column name.
            await using var command = new NpgsqlCommand($"""
                SELECT m.{metric}, q.configured, m.first_purchase
                FROM crmsync.account_metric m
                JOIN crmsync.metric_quality q ON q.run_id = m.run_id AND q.metric = @metric
                WHERE m.run_id = @run_id AND m.account_id = @account_id
                """, connection);
            command.Parameters.AddWithValue("run_id", runId);
            command.Parameters.AddWithValue("account_id", accountId);
            command.Parameters.AddWithValue("metric", metric);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            if (!await reader.ReadAsync(cancellationToken))
            {
                return null;
            }

            var value = reader.IsDBNull(0) ? "null" : reader.GetValue(0) switch
            {
                bool flag => flag ? "true" : "false",
                var number => Recipe.Show(Convert.ToDecimal(number, CultureInfo.InvariantCulture)),
            };
            var first = reader.IsDBNull(2) ? null : reader.GetFieldValue<DateOnly>(2).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            return new StoredValue(value, reader.GetBoolean(1), first);
        }
    }
}

/// <summary>A bad <c>kpi explain</c> request (unknown metric, account or run): a usage error.</summary>
public sealed class ExplainException(string message) : Exception(message);
