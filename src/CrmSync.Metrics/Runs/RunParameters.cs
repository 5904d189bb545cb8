using CrmSync.Metrics.Kpis;
using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Metrics.Runs;

/// <summary>Everything the metric SQL reads from <c>run_params</c>: the window, the settings, what is configured.</summary>
internal sealed record RunParameters(
    long RunId,
    RunWindow Window,
    MetricsOptions Options,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> ConfiguredMetrics,
    string? OnlyAccount = null)
{
    public static IReadOnlyList<string> ConfiguredIn(SourceAvailability availability) =>
        MetricCatalog.All.Where(m => m.IsConfigured(availability)).Select(m => m.Name).ToList();

    /// <summary>
    /// Creates the <c>run_params</c> table (dropped at commit) in the caller's transaction, which it
    /// puts in UTC: the metric SQL takes the date of an instant with <c>::date</c>.
    /// </summary>
    public async Task CreateTableAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken)
    {
        await using (var utc = new NpgsqlCommand("SET LOCAL TimeZone = 'UTC'", connection, transaction))
        {
            await utc.ExecuteNonQueryAsync(cancellationToken);
        }

        await using var command = new NpgsqlCommand(KpiSql.Read("run_params"), connection, transaction);
        var p = command.Parameters;
        p.AddWithValue("run_id", RunId);
        p.AddWithValue("as_of", Window.AsOf.ToUniversalTime());
        p.AddWithValue("w_start", Window.WindowStart);
        p.AddWithValue("w1_start", Window.PreviousWindowStart);
        p.AddWithValue("period_months", Window.PeriodMonths);
        p.AddWithValue("upgrade_types", Options.EffectiveUpgradeTypes.ToArray());
        p.AddWithValue("target_segments", Options.TargetSegments.ToArray());
        p.AddWithValue("survey_min", Options.SurveyScale.Min);
        p.AddWithValue("survey_max", Options.SurveyScale.Max);
        p.AddWithValue("weight_activity", Options.EngagementWeights.Activity);
        p.AddWithValue("weight_campaign", Options.EngagementWeights.CampaignResponse);
        p.AddWithValue("weight_survey", Options.EngagementWeights.SurveyResponse);
        p.AddWithValue("sources", Sources.ToArray());
        p.AddWithValue("configured", ConfiguredMetrics.ToArray());
        p.Add(new NpgsqlParameter("only_account", NpgsqlDbType.Text) { Value = (object?)OnlyAccount ?? DBNull.Value });
        await command.ExecuteNonQueryAsync(cancellationToken);

        // Without statistics the planner guesses hundreds of rows here and multiplies every estimate by it.
        await using var analyze = new NpgsqlCommand("ANALYZE run_params", connection, transaction);
        await analyze.ExecuteNonQueryAsync(cancellationToken);
    }
}
