using System.Text.Json;
using CrmSync.Metrics.Tests.Org;
using CrmSync.Sandbox;
using CrmSync.Testing;
using Npgsql;

namespace CrmSync.Metrics.Tests.Lifetime;

/// <summary>
/// <c>sync</c> then <c>compute</c> against the sandbox, whose won deals follow a known BG/NBD process with
/// Gamma-Gamma values: the metric run must recover those parameters and give every customer a CLV row.
/// </summary>
public sealed class ClvInComputeTests(OrgStore store) : IClassFixture<OrgStore>, IAsyncLifetime
{
    private SandboxServer sandbox = null!;

    public async Task InitializeAsync()
    {
        sandbox = await SandboxServer.StartAsync(new SandboxSettings { Seed = 5, Accounts = 4000 });
        await OrgStore.RunVerbAsync(["sync", .. Settings()]);
        await OrgStore.RunVerbAsync(["compute", "--as-of", "2026-11-01T00:00:00Z", .. Settings()]);
    }

    public async Task DisposeAsync() => await sandbox.DisposeAsync();

    [Fact]
    public async Task The_fitted_models_recover_the_sandbox_parameters()
    {
        var truth = await TruthAsync();
        var fits = await FitsAsync();

        // Around 3,300 customers: each estimate within 40 % of the truth (a wrong time unit or a
        // wrong x / t_x / T would be off by a factor of 7 or more).
        var bgnbd = fits["bgnbd"];
        foreach (var (name, expected) in new[] { ("r", truth.GetProperty("r")), ("alpha", truth.GetProperty("alpha")), ("a", truth.GetProperty("a")), ("b", truth.GetProperty("b")) })
        {
            Assert.InRange(bgnbd.GetProperty(name).GetDouble(), expected.GetDouble() * 0.6, expected.GetDouble() * 1.4);
        }

        var spend = fits["gamma_gamma"];
        var (p, q, gamma) = (spend.GetProperty("p").GetDouble(), spend.GetProperty("q").GetDouble(), spend.GetProperty("gamma").GetDouble());
        var (tp, tq, tgamma) = (truth.GetProperty("p").GetDouble(), truth.GetProperty("q").GetDouble(), truth.GetProperty("gamma").GetDouble());
        Assert.InRange(p * gamma / (q - 1), 0.8 * tp * tgamma / (tq - 1), 1.2 * tp * tgamma / (tq - 1));
    }

    [Fact]
    public async Task Every_customer_and_only_customers_get_a_lifetime_value()
    {
        await using var connection = new NpgsqlConnection(store.PooledConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*) FILTER (WHERE m.is_customer AND c.account_id IS NULL)          AS customers_without_clv,
                   count(*) FILTER (WHERE NOT m.is_customer AND c.account_id IS NOT NULL)  AS clv_without_customer,
                   count(*) FILTER (WHERE c.p_alive NOT BETWEEN 0 AND 1 OR c.clv_predicted < 0 OR c.clv_historical < 0) AS out_of_range,
                   count(*) FILTER (WHERE (c.purchases >= 2) <> (c.next_purchase_date IS NOT NULL)) AS wrong_next_purchase,
                   count(*) FILTER (WHERE c.clv_tier = 'Platinum')                          AS platinum,
                   count(c.account_id)                                                     AS customers
            FROM crmsync.account_metric m
            LEFT JOIN crmsync.account_clv c ON c.run_id = m.run_id AND c.account_id = m.account_id
            WHERE m.run_id = (SELECT max(id) FROM crmsync.metric_run)
            """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();

        Assert.Equal(0L, reader.GetInt64(0));
        Assert.Equal(0L, reader.GetInt64(1));
        Assert.Equal(0L, reader.GetInt64(2));
        Assert.Equal(0L, reader.GetInt64(3));
        Assert.InRange(reader.GetInt64(4), reader.GetInt64(5) / 4 - 2, reader.GetInt64(5) / 4 + 2);
    }

    [Fact]
    public async Task Purchases_are_the_distinct_days_with_won_deals_up_to_as_of()
    {
        await using var connection = new NpgsqlConnection(store.PooledConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("""
            SELECT count(*)
            FROM crmsync.account_clv c
            JOIN (SELECT account_id, count(DISTINCT close_date) AS days
                  FROM crmsync.sf_deal
                  WHERE is_won AND close_date <= date '2026-11-01'
                  GROUP BY account_id) d ON d.account_id = c.account_id
            WHERE c.run_id = (SELECT max(id) FROM crmsync.metric_run) AND c.purchases <> d.days
            """, connection);

        Assert.Equal(0L, (long)(await command.ExecuteScalarAsync())!);
    }

    private string[] Settings() =>
    [
        "--set", "ConnectionStrings:CrmSync=" + store.ConnectionString,
        "--set", "Sync:MappingsPath=" + RepositoryRoot.Combine("mappings"),
        .. SandboxLogin.Settings(sandbox.BaseUri).SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" }),
    ];

    /// <summary>The sandbox's own parameters, as its stats report them (bgnbd and gammaGamma merged).</summary>
    private async Task<JsonElement> TruthAsync()
    {
        using var http = new HttpClient { BaseAddress = sandbox.BaseUri };
        using var stats = JsonDocument.Parse(await http.GetStringAsync(new Uri("/__sandbox/stats", UriKind.Relative)));
        var merged = stats.RootElement.GetProperty("bgnbd").EnumerateObject().Concat(stats.RootElement.GetProperty("gammaGamma").EnumerateObject())
            .Where(p => p.Value.ValueKind == JsonValueKind.Number)
            .ToDictionary(p => p.Name, p => p.Value.GetDouble());
        return JsonSerializer.SerializeToElement(merged);
    }

    private async Task<Dictionary<string, JsonElement>> FitsAsync()
    {
        await using var connection = new NpgsqlConnection(store.PooledConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT model, parameters::text FROM crmsync.clv_fit WHERE run_id = (SELECT max(id) FROM crmsync.metric_run) AND converged", connection);
        await using var reader = await command.ExecuteReaderAsync();
        var fits = new Dictionary<string, JsonElement>();
        while (await reader.ReadAsync())
        {
            fits[reader.GetString(0)] = JsonDocument.Parse(reader.GetString(1)).RootElement.Clone();
        }

        return fits;
    }
}
