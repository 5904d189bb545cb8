using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>Portfolio metrics of the org "(all)" and its segments (#1, #2, #3, #9, #14, #16, #17, #20), as of 2026-11-01.</summary>
public sealed class PortfolioMetricsTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task The_seed_example_100_at_the_start_90_still_active_20_new_gives_retention_90_and_acquisition_20()
    {
        var org = new TestOrg();
        for (var i = 1; i <= 100; i++)
        {
            var id = $"start{i}";
            org.Account(id, "Retail").Won(id, "2023-06-01", 100).Won(id, "2025-03-01", 100);   // customers active in W₋₁
            if (i <= 90)
            {
                org.Won(id, "2026-03-01", 100);                                                 // 90 of them still active in W
            }
        }

        for (var i = 1; i <= 20; i++)
        {
            org.Account($"new{i}", "Retail").Won($"new{i}", "2026-04-01", 100);                 // first purchase in W
        }

        var run = await org.ComputeAsync(store);

        foreach (var segment in new[] { "(all)", "Retail" })
        {
            Assert.Equal(100m, run.Portfolio("customers_start", segment));
            Assert.Equal(110m, run.Portfolio("customers_end", segment));
            Assert.Equal(20m, run.Portfolio("customers_new", segment));
            Assert.Equal(0.9m, run.Portfolio("retention_rate", segment));     // (110 − 20) / 100
            Assert.Equal(0.2m, run.Portfolio("acquisition_rate", segment));   // 20 / 100
        }

        Assert.Equal(100, run.PortfolioRecordsUsed("retention_rate"));       // the S accounts
    }

    [Fact]
    public async Task A_customer_back_after_a_pause_counts_in_E_as_the_formula_is_written()
    {
        var run = await new TestOrg()
            .Account("stays").Won("stays", "2025-02-01", 10).Won("stays", "2026-02-01", 10)
            .Account("leaves").Won("leaves", "2025-02-01", 10)
            .Account("returns").Won("returns", "2023-02-01", 10).Won("returns", "2026-02-01", 10)   // nothing in W₋₁
            .ComputeAsync(store);

        // S = {stays, leaves} = 2, E = {stays, returns} = 2, N = 0: (E − N) / S = 1.
        Assert.Equal(1m, run.Portfolio("retention_rate"));
        Assert.Equal(0m, run.Portfolio("acquisition_rate"));
    }

    [Fact]
    public async Task Repeat_purchase_value_churn_cost_and_sales_growth_add_up_over_the_accounts()
    {
        var run = await new TestOrg()
            .Account("new").Won("new", "2026-02-01", 100).Won("new", "2026-05-01", 50)                        // repeat 50
            .Account("old").Won("old", "2023-01-01", 1).Won("old", "2026-03-01", 200).Won("old", "2026-06-01", 150)   // repeat 350
            .Account("churned").Won("churned", "2025-03-01", 100)                                               // churn 100
            .Account("churned-too").Won("churned-too", "2025-04-01", 60).Won("churned-too", "2025-05-01", 40)   // churn 100
            .Won("001-not-synced", "2026-02-01", 10_000)                                                        // reaches no account
            .ComputeAsync(store);

        Assert.Equal(400m, run.Portfolio("repeat_purchase_value"));   // 50 + 350
        Assert.Equal(0.8m, run.Portfolio("repeat_purchase_share"));   // 400 / (100 + 50 + 200 + 150)
        Assert.Equal(200m, run.Portfolio("churn_cost"));              // 100 + 100
        Assert.Equal(1.5m, run.Portfolio("sales_growth_rate"));       // (500 − 200) / 200
        Assert.Equal(125m, run.Portfolio("avg_transaction_value"));   // 500 / 4 won deals in W
    }

    [Fact]
    public async Task Lead_conversion_counts_leads_created_in_W_converted_by_as_of()
    {
        var run = await new TestOrg()
            .Account("A")
            .Lead("2026-01-10T10:00", converted: true, convertedOn: "2026-03-01")
            .Lead("2026-02-10T10:00", converted: true, convertedOn: "2026-11-10")   // converted after as-of: not yet
            .Lead("2026-03-10T10:00", converted: true)                              // converted, date unknown
            .Lead("2026-04-10T10:00")
            .Lead("2025-10-10T10:00", converted: true, convertedOn: "2025-12-01")   // created in W₋₁
            .Lead("2026-11-02T10:00", converted: true, convertedOn: "2026-11-03")   // created after as-of
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Portfolio("lead_conversion_rate"));   // 2 of 4
        Assert.Equal(4, run.PortfolioRecordsUsed("lead_conversion_rate"));
    }

    [Fact]
    public async Task Lead_conversion_without_leads_created_in_W_is_null()
    {
        var run = await new TestOrg()
            .Account("A")
            .Lead("2025-10-10T10:00", converted: true, convertedOn: "2025-12-01")   // created in W₋₁
            .Lead("2026-11-02T10:00", converted: true, convertedOn: "2026-11-03")   // created after as-of
            .ComputeAsync(store);

        Assert.Null(run.Portfolio("lead_conversion_rate"));   // 0 / 0
        Assert.Equal(0, run.PortfolioRecordsUsed("lead_conversion_rate"));
    }

    [Fact]
    public async Task Campaign_response_rate_of_the_org_counts_every_member_and_of_a_segment_its_contacts()
    {
        var run = await new TestOrg()
            .Account("R", "Retail").Contact("C-R", "R").Account("E", "Energy").Contact("C-E", "E").Contact("C-none", null)
            .Member("C-R", "2026-02-01T10:00", responded: true, respondedOn: "2026-02-02")
            .Member("C-R", "2026-02-01T10:00")
            .Member("C-E", "2026-02-01T10:00")
            .Member(null, "2026-02-01T10:00", responded: true, respondedOn: "2026-02-02")       // a lead's membership
            .Member("C-none", "2026-02-01T10:00", responded: true, respondedOn: "2026-02-02")   // a contact without account
            .ComputeAsync(store);

        Assert.Equal(0.6m, run.Portfolio("campaign_response_rate"));             // 3 responded of 5 members
        Assert.Equal(0.5m, run.Portfolio("campaign_response_rate", "Retail"));   // 1 of 2
        Assert.Equal(0m, run.Portfolio("campaign_response_rate", "Energy"));     // 0 of 1
    }

    [Fact]
    public async Task Target_segment_penetration_is_new_customers_over_accounts_of_the_segment()
    {
        var run = await new TestOrg()
            .Account("R-new", "Retail").Won("R-new", "2026-06-01", 10)
            .Account("R-old", "Retail").Won("R-old", "2024-01-01", 10).Won("R-old", "2026-06-01", 10)
            .Account("R-prospect", "Retail")
            .Account("R-later", "Retail", created: "2026-12-01T00:00")   // created after as-of: not in the segment yet
            .Account("E-prospect", "Energy").Accounts("E-new", 3, "Energy")
            .Won("E-new1", "2026-01-01", 10).Won("E-new2", "2026-02-01", 10).Won("E-new3", "2026-03-01", 10)
            .ComputeAsync(store, "Metrics:TargetSegments:0=Retail", "Metrics:TargetSegments:1=Energy");

        Assert.Equal(1m / 3m, run.Portfolio("target_penetration:Retail")!.Value, 12);   // 1 new of 3 accounts
        Assert.Equal(0.75m, run.Portfolio("target_penetration:Energy"));                  // 3 new of 4 accounts
    }

    [Fact]
    public async Task Segments_are_trimmed_and_empty_ones_are_none()
    {
        var run = await new TestOrg()
            .Account("null").Account("blank", "   ").Account("padded", " Retail ")
            .Won("null", "2026-01-01", 10).Won("blank", "2026-01-01", 30).Won("padded", "2026-01-01", 5)
            .ComputeAsync(store);

        Assert.Equal("(none)", run.Segment("null"));
        Assert.Equal("(none)", run.Segment("blank"));
        Assert.Equal("Retail", run.Segment("padded"));
        Assert.Equal(20m, run.Portfolio("avg_transaction_value", "(none)"));   // (10 + 30) / 2
        Assert.Equal(2m, run.Portfolio("customers_new", "(none)"));
        Assert.Equal(5m, run.Portfolio("avg_transaction_value", "Retail"));
    }

    [Fact]
    public async Task Deal_averages_of_a_segment_pool_the_deals()
    {
        var run = await new TestOrg()
            .Account("big", "Retail").Won("big", "2026-01-01", 100)
            .Account("small", "Retail").Won("small", "2026-01-01", 10).Won("small", "2026-02-01", 20).Won("small", "2026-03-01", 30)
            .ComputeAsync(store);

        Assert.Equal(40m, run.Portfolio("avg_transaction_value", "Retail"));   // 160 / 4 deals, not (100 + 20) / 2 = 60
    }
}
