using CrmSync.Metrics.Tests.Org;

namespace CrmSync.Metrics.Tests;

/// <summary>Support metrics (#8 response time, #10 resolution rate, #10b first-contact resolution), as of 2026-11-01.</summary>
public sealed class CaseMetricsTests(OrgStore store) : IClassFixture<OrgStore>
{
    [Fact]
    public async Task Cases_created_in_W_give_response_time_resolution_and_first_contact_resolution()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2026-03-01T08:00", firstResponse: "2026-03-01T10:00", closed: "2026-03-02T08:00", firstContactResolution: true)   // 2 h
            .Case("A", "2026-04-01T08:00", firstResponse: "2026-04-01T14:00", closed: "2026-04-03T08:00")                                 // 6 h
            .Case("A", "2026-05-01T08:00")                                                                                                 // open, no answer
            .Case("A", "2026-06-01T08:00", firstResponse: "2026-11-02T00:00", closed: "2026-11-03T00:00")   // answered and closed after as-of
            .Case("A", "2025-10-01T08:00", firstResponse: "2025-10-05T12:00", closed: "2025-10-06T00:00")   // created in W₋₁
            .Case("A", "2026-11-01T06:00", closed: "2026-11-01T07:00")                                       // created after as-of
            .Account("no-cases")
            .ComputeAsync(store);

        Assert.Equal(4m, run.Number("A", "response_time_hours"));   // (2 + 6) / 2 answered cases
        Assert.Equal(2, run.RecordsUsed("A", "response_time_hours"));
        Assert.Equal(0.5m, run.Number("A", "resolution_rate"));     // 2 closed of 4 created in W
        Assert.Equal(0.5m, run.Number("A", "fcr_rate"));            // 1 resolved at first contact of 2 closed
        Assert.Null(run.Value("no-cases", "response_time_hours"));
        Assert.Null(run.Value("no-cases", "resolution_rate"));
        Assert.Null(run.Value("no-cases", "fcr_rate"));
    }

    [Fact]
    public async Task A_case_closed_before_it_was_created_counts_as_closed()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2026-03-10T10:00", closed: "2026-03-09T10:00", firstContactResolution: true)   // closed a day before it was created
            .Case("A", "2026-03-11T10:00")
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("A", "resolution_rate"));   // 1 closed of 2
        Assert.Equal(1m, run.Number("A", "fcr_rate"));            // 1 of 1 closed
    }

    [Fact]
    public async Task A_first_response_before_creation_is_kept_negative_and_reported()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2026-04-01T10:00", firstResponse: "2026-04-01T07:00")   // −3 h
            .Case("A", "2026-04-02T10:00", firstResponse: "2026-04-02T15:00")   // 5 h
            .ComputeAsync(store);

        Assert.Equal(1m, run.Number("A", "response_time_hours"));   // (−3 + 5) / 2
        Assert.Equal(1, run.Quality("response_time_hours").Reason("first response before creation"));
    }

    [Fact]
    public async Task A_closed_case_without_closed_date_is_closed()
    {
        var run = await new TestOrg()
            .Account("A")
            .Case("A", "2026-02-01T09:00", closed: null, isClosed: true, firstContactResolution: true)
            .Case("A", "2026-02-02T09:00", closed: "2026-02-02T09:30")
            .Case("A", "2026-02-03T09:00")
            .Case("A", "2026-02-04T09:00")
            .ComputeAsync(store);

        Assert.Equal(0.5m, run.Number("A", "resolution_rate"));   // 2 closed of 4
        Assert.Equal(0.5m, run.Number("A", "fcr_rate"));          // 1 of the 2 closed
    }

    [Fact]
    public async Task Case_metrics_of_a_segment_pool_its_cases()
    {
        var run = await new TestOrg()
            .Account("one-case", "Retail").Case("one-case", "2026-01-05T08:00", firstResponse: "2026-01-05T09:00", closed: "2026-01-06T08:00")
            .Account("three-cases", "Retail")
            .Case("three-cases", "2026-02-01T08:00", firstResponse: "2026-02-01T11:00")
            .Case("three-cases", "2026-02-02T08:00", firstResponse: "2026-02-02T13:00")
            .Case("three-cases", "2026-02-03T08:00", firstResponse: "2026-02-03T15:00")
            .ComputeAsync(store);

        // Per account: 1 h and (3 + 5 + 7) / 3 = 5 h, whose mean would be 3 h; pooled: (1 + 3 + 5 + 7) / 4 = 4 h.
        Assert.Equal(1m, run.Number("one-case", "response_time_hours"));
        Assert.Equal(5m, run.Number("three-cases", "response_time_hours"));
        Assert.Equal(4m, run.Portfolio("response_time_hours", "Retail"));
        Assert.Equal(4m, run.Portfolio("response_time_hours"));
        Assert.Equal(0.25m, run.Portfolio("resolution_rate", "Retail"));   // 1 closed of 4 (mean of account rates: 0.5)
    }
}
