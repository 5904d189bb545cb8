using System.Text.Json;
using CrmSync.Salesforce.Rest;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;

namespace CrmSync.Sync.Tests.Pull;

public sealed class RecordConverterTests
{
    private static readonly PullPlan Plan = CreatePlan();

    [Fact]
    public void A_rest_record_as_salesforce_writes_it_becomes_typed_values()
    {
        using var json = JsonDocument.Parse("""
            {"attributes":{"type":"Opportunity","url":"/services/data/v62.0/sobjects/Opportunity/006A"},
             "Id":"006A","SystemModstamp":"2026-03-08T10:15:30.000+0000","IsDeleted":false,
             "AccountId":"001A","Amount":1.39E8,"CloseDate":"2026-03-08","IsClosed":true,"IsWon":true,
             "StageName":"Closed Won","Type":null,"CreatedDate":"2026-01-02T03:04:05.000-0200","LeadSource":"Web"}
            """);

        var row = new RecordConverter(Plan).FromJson(json.RootElement);

        Assert.Equal(("006A", new DateTime(2026, 3, 8, 10, 15, 30, DateTimeKind.Utc), false), (row.Id, row.SystemModstamp, row.IsDeleted));
        Assert.Equal(
            new object?[] { "001A", 139_000_000m, new DateOnly(2026, 3, 8), true, true, "Closed Won", null, new DateTime(2026, 1, 2, 5, 4, 5, DateTimeKind.Utc) },
            row.Values);
        Assert.Equal("""{"LeadSource":"Web"}""", row.RawJson);
    }

    [Fact]
    public void A_bulk_csv_row_gives_the_same_values()
    {
        var columns = new Salesforce.Bulk.BulkColumns(["Id", "SystemModstamp", "IsDeleted", "AccountId", "Amount", "CloseDate", "IsClosed", "IsWon", "StageName", "Type", "CreatedDate", "LeadSource"]);
        var record = new Salesforce.Bulk.BulkRecord(columns,
            ["006A", "2026-03-08T10:15:30.000Z", "true", "001A", "139000000.0", "2026-03-08", "true", "true", "Closed Won", null, "2026-01-02T05:04:05.000Z", "Web"]);

        var row = new RecordConverter(Plan).FromBulk(record);

        Assert.True(row.IsDeleted);
        Assert.Equal(139_000_000m, row.Values[1]);
        Assert.Equal(new DateTime(2026, 1, 2, 5, 4, 5, DateTimeKind.Utc), row.Values[7]);
        Assert.Null(row.Values[6]);
    }

    [Fact]
    public void A_value_that_does_not_fit_names_object_record_and_field()
    {
        using var json = JsonDocument.Parse("""{"Id":"006B","SystemModstamp":"2026-03-08T10:15:30.000+0000","IsDeleted":false,"CloseDate":"08/03/2026"}""");

        var error = Assert.Throws<InvalidDataException>(() => new RecordConverter(Plan).FromJson(json.RootElement));

        Assert.StartsWith("Opportunity 006B: field CloseDate: '08/03/2026' is not a Date", error.Message, StringComparison.Ordinal);
    }

    private static PullPlan CreatePlan()
    {
        var mappings = MappingLoader.Load([("deal.yaml", """
            source: deal
            fields: { account_id: AccountId, amount: Amount, close_date: CloseDate, is_closed: IsClosed, is_won: IsWon, stage: StageName, type: Type, created_at: CreatedDate }
            keep: [LeadSource]
            """)]);
        var fields = new[] { "Id", "SystemModstamp", "IsDeleted", "AccountId", "Amount", "CloseDate", "IsClosed", "IsWon", "StageName", "Type", "CreatedDate", "LeadSource" };
        var describe = new SObjectDescribe("Opportunity", "Opportunity", "006", false, true, true, true,
            fields.Select(n => new FieldDescribe(n, n, "string", null, 0, 0, 0, 0, true, true, false, true, false, false, true, null, null, null)).ToList());
        return PullPlan.Create(mappings.Source("deal")!, describe);
    }
}
