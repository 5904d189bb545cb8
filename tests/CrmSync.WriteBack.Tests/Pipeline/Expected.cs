using System.Globalization;
using System.Text.Json;
using CrmSync.Salesforce.Rest;

namespace CrmSync.WriteBack.Tests.Pipeline;

/// <summary>
/// What Salesforce should hold, worked out from ../shared/spec/salesforce.md by hand (not from the production
/// converter): each Account field's store column, kind and scale; Percent fields carry the fraction × 100.
/// </summary>
internal static class Expected
{
    public enum Kind { Number, Percent, Checkbox, Text, Date, DateTime }

    public static readonly IReadOnlyList<(string Field, string Column, Kind Kind, int Scale)> AccountFields =
    [
        ("CrmSync_Repeat_Purchase_Value__c", "repeat_purchase_value", Kind.Number, 2),
        ("CrmSync_Growth_Value__c", "growth_value", Kind.Percent, 2),
        ("CrmSync_Growth_Volume__c", "growth_volume", Kind.Percent, 2),
        ("CrmSync_Contact_Frequency__c", "contact_frequency", Kind.Number, 2),
        ("CrmSync_CSAT__c", "csat", Kind.Number, 2),
        ("CrmSync_NPS__c", "nps", Kind.Number, 1),
        ("CrmSync_Response_Time_Hours__c", "response_time_hours", Kind.Number, 2),
        ("CrmSync_Win_Rate__c", "win_rate", Kind.Percent, 2),
        ("CrmSync_Resolution_Rate__c", "resolution_rate", Kind.Percent, 2),
        ("CrmSync_FCR_Rate__c", "fcr_rate", Kind.Percent, 2),
        ("CrmSync_Engagement_Score__c", "engagement_score", Kind.Number, 2),
        ("CrmSync_Avg_Transaction_Value__c", "avg_transaction_value", Kind.Number, 2),
        ("CrmSync_Avg_Payment_Days__c", "avg_payment_days", Kind.Number, 2),
        ("CrmSync_Churn_Cost__c", "churn_cost", Kind.Number, 2),
        ("CrmSync_Post_Sale_Satisfaction__c", "post_sale_satisfaction", Kind.Number, 2),
        ("CrmSync_Campaign_Response_Rate__c", "campaign_response_rate", Kind.Percent, 2),
        ("CrmSync_Usage_Days_Per_Week__c", "usage_days_per_week", Kind.Number, 2),
        ("CrmSync_Upgrades_Per_Year__c", "upgrades_per_year", Kind.Number, 2),
        ("CrmSync_Retained__c", "retained", Kind.Checkbox, 0),
        ("CrmSync_CLV_Historical__c", "clv_historical", Kind.Number, 2),
        ("CrmSync_CLV_Predicted__c", "clv_predicted", Kind.Number, 2),
        ("CrmSync_P_Alive__c", "p_alive", Kind.Percent, 2),
        ("CrmSync_Expected_Purchases__c", "expected_purchases", Kind.Number, 3),
        ("CrmSync_Expected_Deal_Value__c", "expected_deal_value", Kind.Number, 2),
        ("CrmSync_CLV_Tier__c", "clv_tier", Kind.Text, 0),
        ("CrmSync_Next_Best_Action__c", "next_best_action", Kind.Text, 0),
        ("CrmSync_Next_Purchase_Date__c", "next_purchase_date", Kind.Date, 0),
        ("CrmSync_KPI_As_Of__c", "kpi_as_of", Kind.DateTime, 0),
    ];

    /// <summary>The store's value as Salesforce should show it, in the text this class compares on.</summary>
    public static string? FromStore(object? value, Kind kind, int scale) => value switch
    {
        null => null,
        bool flag => flag ? "true" : "false",
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTime instant => instant.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        string text => text,
        _ => Number(Convert.ToDecimal(value, CultureInfo.InvariantCulture) * (kind == Kind.Percent ? 100m : 1m), scale),
    };

    /// <summary>A field of a record read back with the client's query, in the same text.</summary>
    public static string? FromSalesforce(JsonElement value, Kind kind, int scale) => value.ValueKind switch
    {
        JsonValueKind.Null => null,
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Number => Number(value.GetDecimal(), scale),
        _ when kind == Kind.DateTime => DateTimeOffset.Parse(value.GetString()!.Replace("+0000", "Z", StringComparison.Ordinal), CultureInfo.InvariantCulture)
            .UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss", CultureInfo.InvariantCulture),
        _ => value.GetString(),
    };

    /// <summary>Half away from zero, as Salesforce rounds (Java's HALF_UP).</summary>
    public static string Number(decimal value, int scale) =>
        Math.Round(value, scale, MidpointRounding.AwayFromZero).ToString("F" + scale.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);

    /// <summary>Account Id → API field → text, for every account, read with the production client's query.</summary>
    public static async Task<Dictionary<string, Dictionary<string, string?>>> AccountsInSalesforceAsync(ISalesforceClient client)
    {
        var soql = $"SELECT Id, {string.Join(", ", AccountFields.Select(f => f.Field))} FROM Account";
        var accounts = new Dictionary<string, Dictionary<string, string?>>();
        await foreach (var record in client.QueryAsync<JsonElement>(soql))
        {
            accounts[record.GetProperty("Id").GetString()!] = AccountFields.ToDictionary(f => f.Field, f => FromSalesforce(record.GetProperty(f.Field), f.Kind, f.Scale));
        }

        return accounts;
    }

    /// <summary>The latest run's values per account, as Salesforce should show them.</summary>
    public static async Task<Dictionary<string, Dictionary<string, string?>>> AccountsInStoreAsync(WriteBackHarness harness)
    {
        var rows = await harness.RowsAsync("""
            SELECT m.*, c.clv_historical, c.clv_predicted, c.p_alive, c.expected_purchases, c.expected_deal_value, c.clv_tier,
                   c.next_best_action, c.next_purchase_date, r.as_of AS kpi_as_of
            FROM crmsync.account_metric m JOIN crmsync.metric_run r ON r.id = m.run_id
            LEFT JOIN crmsync.account_clv c ON c.run_id = m.run_id AND c.account_id = m.account_id
            WHERE m.run_id = (SELECT max(id) FROM crmsync.metric_run WHERE status = 'succeeded')
            """);
        return rows.ToDictionary(
            row => (string)row["account_id"]!,
            row => AccountFields.ToDictionary(f => f.Field, f => FromStore(row[f.Column], f.Kind, f.Scale)));
    }
}
