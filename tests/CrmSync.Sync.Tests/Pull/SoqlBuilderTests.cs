using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;

namespace CrmSync.Sync.Tests.Pull;

public sealed class SoqlBuilderTests
{
    [Theory]
    [InlineData("Duplicate", true, "'Duplicate'")]
    [InlineData("O'Brien", true, @"'O\'Brien'")]
    [InlineData(@"back\slash", true, @"'back\\slash'")]
    [InlineData("x' OR Name != '", true, @"'x\' OR Name != \''")]
    [InlineData("x' OR Name != '", false, @"'x\' OR Name != \''")]
    [InlineData("1500", false, "1500")]
    [InlineData("-2.5", false, "-2.5")]
    [InlineData("1500", true, "'1500'")]
    [InlineData("TRUE", false, "true")]
    [InlineData("null", false, "null")]
    [InlineData("2026-01-31", false, "2026-01-31")]
    [InlineData("2026-01-31T10:00:00Z", false, "2026-01-31T10:00:00Z")]
    [InlineData("2026-01-31 OR Id != null", false, "'2026-01-31 OR Id != null'")]
    public void Values_become_soql_literals_and_never_soql_text(string text, bool quoted, string expected)
    {
        Assert.Equal(expected, SoqlBuilder.Literal(new FilterValue(text, quoted)));
    }

    [Fact]
    public void A_pull_selects_system_and_mapped_fields_since_the_watermark_in_modstamp_order()
    {
        var mappings = MappingLoader.Load([("deal.yaml", """
            source: deal
            object: Opportunity
            fields:
              amount: Amount
              close_date: CloseDate
              type: ~
            filters:
              - { field: StageName, op: "!=", value: Duplicate }
              - { field: Type, op: in, values: [New, Renewal] }
            keep: [LeadSource]
            """)]);
        var describe = new SObjectDescribe("Opportunity", "Opportunity", "006", false, true, true, true,
            new[] { "Id", "SystemModstamp", "IsDeleted", "Amount", "CloseDate", "LeadSource", "StageName", "Type" }
                .Select(n => new FieldDescribe(n, n, "string", null, 0, 0, 0, 0, true, true, false, true, false, false, true, null, null, null)).ToList());
        var plan = PullPlan.Create(mappings.Source("deal")!, describe);

        var soql = SoqlBuilder.Select(plan, new DateTime(2026, 3, 8, 10, 15, 30, DateTimeKind.Utc));

        Assert.Equal(
            "SELECT Id, SystemModstamp, IsDeleted, Amount, CloseDate, LeadSource FROM Opportunity " +
            "WHERE SystemModstamp >= 2026-03-08T10:15:30Z AND StageName != 'Duplicate' AND Type IN ('New', 'Renewal') " +
            "ORDER BY SystemModstamp, Id",
            soql);
        Assert.Equal("SELECT COUNT() FROM Opportunity WHERE StageName != 'Duplicate' AND Type IN ('New', 'Renewal')", SoqlBuilder.Count(plan));
    }

    [Fact]
    public void A_mapped_field_gone_from_the_org_is_left_out_and_reported()
    {
        var mappings = MappingLoader.Load([("deal.yaml", "source: deal\nfields:\n  amount: Amount\n  type: Type\n")]);
        var describe = new SObjectDescribe("Opportunity", "Opportunity", "006", false, true, true, true,
            new[] { "Id", "SystemModstamp", "IsDeleted", "Amount" }
                .Select(n => new FieldDescribe(n, n, "string", null, 0, 0, 0, 0, true, true, false, true, false, false, true, null, null, null)).ToList());

        var plan = PullPlan.Create(mappings.Source("deal")!, describe);

        Assert.DoesNotContain("Type", SoqlBuilder.Select(plan, null), StringComparison.Ordinal);
        Assert.Contains(plan.Warnings, w => w.StartsWith("Opportunity.Type is not in the org any more", StringComparison.Ordinal));
    }
}
