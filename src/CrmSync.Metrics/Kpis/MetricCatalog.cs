namespace CrmSync.Metrics.Kpis;

/// <summary>Every metric of metrics.md, with the synced fields it reads (names as in the sf_* tables).</summary>
public static class MetricCatalog
{
    private const string WonDeals = "deal.account_id deal.close_date deal.is_won deal.amount";
    private const string Activities = "task.account_id task.activity_date task.is_closed | event.account_id event.activity_date";
    private const string Surveys = "survey.account_id survey.type survey.score survey.responded_at";
    private const string Cases = "case.account_id case.created_at case.is_closed";
    private const string Members = "campaign_member.contact_id campaign_member.created_at campaign_member.has_responded contact.account_id";

    public static readonly IReadOnlyList<MetricDefinition> PerAccount =
    [
        new("repeat_purchase_value", "3", MetricScope.Account, "Repeat purchase value", "sum of Amount of won deals in W, excluding the account's first purchase", WonDeals),
        new("growth_value", "4", MetricScope.Account, "Account growth (value)", "(won Amount in W − won Amount in W₋₁) / won Amount in W₋₁; null when W₋₁ is 0", WonDeals),
        new("growth_volume", "4b", MetricScope.Account, "Account growth (volume)", "(won deals in W − won deals in W₋₁) / won deals in W₋₁; null when W₋₁ has none", WonDeals),
        new("contact_frequency", "5", MetricScope.Account, "Contact frequency", "(completed Tasks + Events on the account dated in W) / P, per month", Activities),
        new("csat", "6", MetricScope.Account, "CSAT", "mean score of survey responses of type CSAT dated in W", Surveys),
        new("nps", "7", MetricScope.Account, "NPS", "over NPS responses (0–10) in W: 100 × (share ≥ 9 − share ≤ 6)", Surveys),
        new("response_time_hours", "8", MetricScope.Account, "Response time", "mean hours from Case CreatedDate to its first response, over cases created in W that have one", Cases + " case.first_response_at"),
        new("win_rate", "9", MetricScope.Account, "Win rate", "won / (won + lost) Opportunities closed in W", WonDeals + " deal.is_closed"),
        new("resolution_rate", "10", MetricScope.Account, "Resolution rate", "closed cases / cases created in W", Cases),
        new("fcr_rate", "10b", MetricScope.Account, "First-contact resolution", "cases created in W, closed and resolved at first contact / closed cases created in W", Cases + " case.first_contact_resolution"),
        new("engagement_score", "11", MetricScope.Account, "Engagement score", "weighted count in W: completed activities, campaign responses of the account's contacts, survey responses", Activities),
        new("avg_transaction_value", "12", MetricScope.Account, "Average transaction value", "won Amount in W / won deal count in W", WonDeals),
        new("avg_payment_days", "13", MetricScope.Account, "Average payment days", "mean of (paid date − invoice date) in days over invoices paid in W", "invoice.account_id invoice.invoice_date invoice.paid_date"),
        new("churn_cost", "14", MetricScope.Account, "Churn cost", "won Amount in W₋₁ if the account was active in W₋₁ and not in W, else 0", WonDeals),
        new("post_sale_satisfaction", "15", MetricScope.Account, "Post-sale satisfaction", "mean score of survey responses of type PostSale dated in W", Surveys),
        new("campaign_response_rate", "17", MetricScope.Account, "Campaign response rate", "campaign members (contacts of the account) added in W that responded / those added in W", Members),
        new("usage_days_per_week", "18", MetricScope.Account, "Product usage frequency", "distinct usage days in W / weeks in W", "product_usage.account_id product_usage.usage_date"),
        new("upgrades_per_year", "19", MetricScope.Account, "Upgrade frequency", "won deals in W whose Type is an upgrade type, per year", WonDeals + " deal.type"),
        new("retained", "1b", MetricScope.Account, "Retained", "true when active in both W₋₁ and W", WonDeals),
    ];

    /// <summary>Metrics only the org and its segments have; the pooled per-account ones reuse the names above.</summary>
    public static readonly IReadOnlyList<MetricDefinition> PortfolioOnly =
    [
        new("retention_rate", "1", MetricScope.Portfolio, "Customer retention rate", "(E − N) / S: S customers active in W₋₁, E active in W, N first purchase in W", WonDeals),
        new("acquisition_rate", "2", MetricScope.Portfolio, "Customer acquisition rate", "N / S", WonDeals),
        new("customers_start", "1", MetricScope.Portfolio, "Customers at the start (S)", "customers active in W₋₁", WonDeals),
        new("customers_end", "1", MetricScope.Portfolio, "Customers at the end (E)", "customers active in W", WonDeals),
        new("customers_new", "1", MetricScope.Portfolio, "New customers (N)", "customers whose first purchase is in W", WonDeals),
        new("repeat_purchase_share", "3", MetricScope.Portfolio, "Repeat purchase share", "repeat purchase value / won Amount in W", WonDeals),
        new("lead_conversion_rate", "9", MetricScope.Portfolio, "Lead conversion rate", "Leads created in W that are converted / Leads created in W", "lead.created_at lead.is_converted"),
        new("sales_growth_rate", "16", MetricScope.Portfolio, "Sales growth rate", "(won Amount in W − won Amount in W₋₁) / won Amount in W₋₁", WonDeals),
        new("target_penetration", "20", MetricScope.Portfolio, "New target segment penetration", "new customers (first purchase in W) in the segment / Accounts in the segment", WonDeals),
    ];

    public static IEnumerable<MetricDefinition> All => PerAccount.Concat(PortfolioOnly);

    public static MetricDefinition? Find(string name) => All.FirstOrDefault(m => m.Name.Equals(name, StringComparison.OrdinalIgnoreCase));
}
