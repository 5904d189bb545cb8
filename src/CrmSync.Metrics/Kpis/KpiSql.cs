using System.Reflection;

namespace CrmSync.Metrics.Kpis;

/// <summary>The metric SQL files (Kpis/Sql/*.sql), embedded in the assembly, in the order a run executes them.</summary>
internal static class KpiSql
{
    /// <summary>Each step's name (shown as progress and kept in the run's timings) and its files.</summary>
    public static readonly IReadOnlyList<(string Step, string[] Files)> ComputeSteps =
    [
        ("accounts", ["facts_account"]),
        ("deals", ["facts_deal"]),
        ("cases", ["facts_case"]),
        ("surveys", ["facts_survey"]),
        ("activities", ["facts_activity"]),
        ("campaign members", ["facts_campaign_member"]),
        ("invoices", ["facts_invoice"]),
        ("product usage", ["facts_product_usage"]),
        ("leads", ["facts_lead"]),
        ("account sums", ["account_sums"]),
        ("account metrics", ["account_metric"]),
        ("segment metrics", ["segment_metric", "portfolio_org"]),
    ];

    /// <summary>The facts tables (one row per synced record, classified for the run), and the file that builds each.</summary>
    public static readonly IReadOnlyList<(string Table, string Source, string File)> Facts =
    [
        ("deal_facts", "deal", "facts_deal"),
        ("case_facts", "case", "facts_case"),
        ("survey_facts", "survey", "facts_survey"),
        ("activity_facts", "task", "facts_activity"),
        ("member_facts", "campaign_member", "facts_campaign_member"),
        ("invoice_facts", "invoice", "facts_invoice"),
        ("usage_facts", "product_usage", "facts_product_usage"),
        ("lead_facts", "lead", "facts_lead"),
    ];

    public static string Read(string file)
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream($"Kpis/{file}.sql")
            ?? throw new InvalidOperationException($"Kpis/Sql/{file}.sql is not embedded in {Assembly.GetExecutingAssembly().GetName().Name}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
