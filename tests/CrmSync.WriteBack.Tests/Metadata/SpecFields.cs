namespace CrmSync.WriteBack.Tests.Metadata;

/// <summary>The fields ../shared/spec/salesforce.md names, with their types as written there (copied by hand).</summary>
internal static class SpecFields
{
    public sealed record Field(string Name, string Type, int Precision = 0, int Scale = 0, int Length = 0, string[]? Picklist = null);

    public static readonly IReadOnlyList<Field> Account =
    [
        new("CrmSync_Repeat_Purchase_Value__c", "Currency", 16, 2),
        new("CrmSync_Growth_Value__c", "Percent", 12, 2),
        new("CrmSync_Growth_Volume__c", "Percent", 12, 2),
        new("CrmSync_Contact_Frequency__c", "Number", 8, 2),
        new("CrmSync_CSAT__c", "Number", 4, 2),
        new("CrmSync_NPS__c", "Number", 5, 1),
        new("CrmSync_Response_Time_Hours__c", "Number", 10, 2),
        new("CrmSync_Win_Rate__c", "Percent", 5, 2),
        new("CrmSync_Resolution_Rate__c", "Percent", 5, 2),
        new("CrmSync_FCR_Rate__c", "Percent", 5, 2),
        new("CrmSync_Engagement_Score__c", "Number", 10, 2),
        new("CrmSync_Avg_Transaction_Value__c", "Currency", 16, 2),
        new("CrmSync_Avg_Payment_Days__c", "Number", 8, 2),
        new("CrmSync_Churn_Cost__c", "Currency", 16, 2),
        new("CrmSync_Post_Sale_Satisfaction__c", "Number", 4, 2),
        new("CrmSync_Campaign_Response_Rate__c", "Percent", 5, 2),
        new("CrmSync_Usage_Days_Per_Week__c", "Number", 4, 2),
        new("CrmSync_Upgrades_Per_Year__c", "Number", 6, 2),
        new("CrmSync_Retained__c", "Checkbox"),
        new("CrmSync_CLV_Historical__c", "Currency", 16, 2),
        new("CrmSync_CLV_Predicted__c", "Currency", 16, 2),
        new("CrmSync_P_Alive__c", "Percent", 5, 2),
        new("CrmSync_Expected_Purchases__c", "Number", 8, 3),
        new("CrmSync_Expected_Deal_Value__c", "Currency", 16, 2),
        new("CrmSync_CLV_Tier__c", "Picklist", Picklist: ["Platinum", "Gold", "Silver", "Bronze"]),
        new("CrmSync_Next_Best_Action__c", "Text", Length: 255),
        new("CrmSync_Next_Purchase_Date__c", "Date"),
        new("CrmSync_KPI_As_Of__c", "DateTime"),
    ];

    public static readonly IReadOnlyList<Field> Snapshot =
    [
        new("Snapshot_Key__c", "Text", Length: 120),
        new("As_Of__c", "DateTime"),
        new("Segment__c", "Text", Length: 80),
        new("Metric__c", "Text", Length: 80),
        new("Value__c", "Number", 18, 6),
        new("Period_Months__c", "Number", 3, 0),
        new("Records_Used__c", "Number", 10, 0),
    ];

    /// <summary>The describe type Salesforce reports for each metadata type.</summary>
    public static string DescribeType(string metadataType) => metadataType switch
    {
        "Currency" => "currency",
        "Percent" => "percent",
        "Number" => "double",
        "Checkbox" => "boolean",
        "Text" => "string",
        "Picklist" => "picklist",
        "Date" => "date",
        "DateTime" => "datetime",
        _ => throw new ArgumentOutOfRangeException(nameof(metadataType), metadataType, null),
    };
}
