using System.Text.Json;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Salesforce.Tests.TestSupport;

namespace CrmSync.Salesforce.Tests.Json;

public sealed class SalesforceJsonTests
{
    private sealed class Holder
    {
        public DateTimeOffset When { get; set; }

        public DateOnly Day { get; set; }

        public decimal Amount { get; set; }

        public double Ratio { get; set; }

        public decimal? Missing { get; set; }

        public DateTime Utc { get; set; }
    }

    [Theory]
    [InlineData("2026-03-08T10:15:30.000+0000", 2026, 3, 8, 10, 15, 30)]
    [InlineData("2026-03-08T12:15:30.000+0200", 2026, 3, 8, 10, 15, 30)]
    [InlineData("2026-03-08T05:15:30.000-0500", 2026, 3, 8, 10, 15, 30)]
    [InlineData("2026-03-08T10:15:30.000Z", 2026, 3, 8, 10, 15, 30)]
    [InlineData("2026-03-08T10:15:30Z", 2026, 3, 8, 10, 15, 30)]
    public void Reads_salesforce_datetimes_with_and_without_offset_colon(string text, int y, int mo, int d, int h, int mi, int s)
    {
        var value = JsonSerializer.Deserialize<Holder>($$"""{"when":"{{text}}"}""", SalesforceJson.Options)!;

        Assert.Equal(new DateTimeOffset(y, mo, d, h, mi, s, TimeSpan.Zero), value.When.ToUniversalTime());
    }

    [Fact]
    public void Writes_datetimes_in_salesforce_form_in_utc()
    {
        var value = new Holder { When = new DateTimeOffset(2026, 3, 8, 12, 15, 30, 250, TimeSpan.FromHours(2)), Day = new DateOnly(2026, 3, 8) };

        var json = JsonSerializer.Serialize(value, SalesforceJson.Options);

        Assert.Contains("\"when\":\"2026-03-08T10:15:30.250+0000\"", json, StringComparison.Ordinal);
        Assert.Contains("\"day\":\"2026-03-08\"", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("1.39E8", 139000000)]
    [InlineData("1.39e+8", 139000000)]
    [InlineData("1500.0", 1500)]
    [InlineData("2.5E-3", 0.0025)]
    [InlineData("\"1.39E8\"", 139000000)]
    public void Reads_salesforce_doubles_into_decimal_exactly(string raw, double expected)
    {
        var value = JsonSerializer.Deserialize<Holder>($$"""{"amount":{{raw}},"ratio":{{raw}}}""", SalesforceJson.Options)!;

        Assert.Equal((decimal)expected, value.Amount);
        Assert.Equal(expected, value.Ratio, 10);
    }

    [Fact]
    public void DateTime_fields_read_and_write_as_utc()
    {
        var value = JsonSerializer.Deserialize<Holder>("""{"utc":"2026-03-08T12:15:30.000+0200"}""", SalesforceJson.Options)!;

        Assert.Equal(new DateTime(2026, 3, 8, 10, 15, 30, DateTimeKind.Utc), value.Utc);
        Assert.Equal(DateTimeKind.Utc, value.Utc.Kind);
        Assert.Contains("\"utc\":\"2026-03-08T10:15:30.000+0000\"", JsonSerializer.Serialize(value, SalesforceJson.Options), StringComparison.Ordinal);
    }

    [Fact]
    public void Nulls_stay_null()
    {
        var value = JsonSerializer.Deserialize<Holder>("""{"missing":null}""", SalesforceJson.Options)!;

        Assert.Null(value.Missing);
    }

    [Fact]
    public void Rejects_text_that_is_not_a_date()
    {
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Holder>("""{"day":"08/03/2026"}""", SalesforceJson.Options));
    }

    [Fact]
    public void Writes_an_sobject_record_with_attributes_first_and_explicit_nulls()
    {
        var record = new SObjectRecord("Account", new Dictionary<string, object?>
        {
            ["CrmSync_CLV_Predicted__c"] = 1234.5m,
            ["CrmSync_Next_Purchase_Date__c"] = new DateOnly(2026, 4, 1),
            ["CrmSync_NPS__c"] = null,
        })
        { Id = "001RM000003oLnnYAE" };

        var json = JsonSerializer.Serialize(record, SalesforceJson.Options);

        Assert.Equal(
            """{"attributes":{"type":"Account"},"id":"001RM000003oLnnYAE","CrmSync_CLV_Predicted__c":1234.5,"CrmSync_Next_Purchase_Date__c":"2026-04-01","CrmSync_NPS__c":null}""",
            json);
    }

    [Fact]
    public void Reads_a_query_page_with_null_parent_null_child_subquery_and_exponent_amounts()
    {
        var page = JsonSerializer.Deserialize<QueryPage<Opportunity>>(DocExamples.OpportunityPage1, SalesforceJson.Options)!;

        Assert.False(page.Done);
        Assert.Equal("/services/data/v62.0/query/01gRO0000016PIAYA2-2", page.NextRecordsUrl);
        var first = page.Records[0];
        Assert.Equal("Opportunity", first.Attributes!.Type);
        Assert.Equal(139_000_000m, first.Amount);
        Assert.Equal(new DateOnly(2026, 3, 8), first.CloseDate);
        Assert.Equal(new DateTimeOffset(2026, 3, 8, 10, 15, 30, TimeSpan.Zero), first.CreatedDate);
        Assert.Equal("Acme", first.Account!.Name);
        Assert.Equal(2m, Assert.Single(first.OpportunityLineItems!.Records).Quantity);
        var second = page.Records[1];
        Assert.Null(second.Amount);
        Assert.Null(second.Account);
        Assert.Null(second.OpportunityLineItems);
    }
}
