namespace CrmSync.Sync.Mappings;

/// <summary>A field CrmSync understands, e.g. <c>deal.amount</c>, with its default Salesforce field.</summary>
public sealed record LogicalField(string Name, FieldKind Kind, string DefaultApiName);

/// <summary>A kind of record CrmSync reads (<c>deal</c>) or writes (<c>account</c> KPIs).</summary>
public sealed record LogicalEntity(string Name, string DefaultObject, IReadOnlyList<LogicalField> Fields, bool OptionalInOrg = false)
{
    public LogicalField? Field(string name) => Fields.FirstOrDefault(f => f.Name == name);
}

/// <summary>
/// Every logical source and write-back target CrmSync knows, with the default Salesforce names.
/// Mapping files choose the Salesforce side; the logical side is fixed here because the metrics
/// are written against it.
/// </summary>
public static class LogicalCatalog
{
    /// <summary>Fields every synced object has and the sync itself uses; never mapped by hand.</summary>
    public static readonly IReadOnlyList<string> SystemFields = ["Id", "SystemModstamp", "IsDeleted"];

    public static readonly IReadOnlyList<LogicalEntity> Sources =
    [
        new("account", "Account", [F("name", FieldKind.Text, "Name"), F("segment", FieldKind.Text, "Industry"), F("created_at", FieldKind.DateTime, "CreatedDate")]),
        new("deal", "Opportunity",
        [
            F("account_id", FieldKind.Reference, "AccountId"), F("amount", FieldKind.Money, "Amount"), F("close_date", FieldKind.Date, "CloseDate"),
            F("is_closed", FieldKind.Boolean, "IsClosed"), F("is_won", FieldKind.Boolean, "IsWon"), F("stage", FieldKind.Text, "StageName"),
            F("type", FieldKind.Text, "Type"), F("created_at", FieldKind.DateTime, "CreatedDate"),
        ]),
        new("case", "Case",
        [
            F("account_id", FieldKind.Reference, "AccountId"), F("created_at", FieldKind.DateTime, "CreatedDate"), F("closed_at", FieldKind.DateTime, "ClosedDate"),
            F("is_closed", FieldKind.Boolean, "IsClosed"), F("status", FieldKind.Text, "Status"),
            F("first_response_at", FieldKind.DateTime, "First_Response_At__c"), F("first_contact_resolution", FieldKind.Boolean, "First_Contact_Resolution__c"),
        ]),
        new("campaign", "Campaign", [F("name", FieldKind.Text, "Name"), F("type", FieldKind.Text, "Type"), F("start_date", FieldKind.Date, "StartDate")]),
        new("campaign_member", "CampaignMember",
        [
            F("campaign_id", FieldKind.Reference, "CampaignId"), F("contact_id", FieldKind.Reference, "ContactId"), F("lead_id", FieldKind.Reference, "LeadId"),
            F("has_responded", FieldKind.Boolean, "HasResponded"), F("created_at", FieldKind.DateTime, "CreatedDate"),
            F("first_responded_date", FieldKind.Date, "FirstRespondedDate"),
        ]),
        new("contact", "Contact", [F("account_id", FieldKind.Reference, "AccountId")]),
        new("lead", "Lead",
        [
            F("created_at", FieldKind.DateTime, "CreatedDate"), F("is_converted", FieldKind.Boolean, "IsConverted"),
            F("converted_date", FieldKind.Date, "ConvertedDate"), F("converted_account_id", FieldKind.Reference, "ConvertedAccountId"),
        ]),
        new("task", "Task",
        [
            F("account_id", FieldKind.Reference, "AccountId"), F("what_id", FieldKind.Reference, "WhatId"), F("activity_date", FieldKind.Date, "ActivityDate"),
            F("status", FieldKind.Text, "Status"), F("is_closed", FieldKind.Boolean, "IsClosed"),
        ]),
        new("event", "Event",
            [F("account_id", FieldKind.Reference, "AccountId"), F("what_id", FieldKind.Reference, "WhatId"), F("activity_date", FieldKind.Date, "ActivityDate")]),
        new("survey", "Survey_Response__c",
        [
            F("account_id", FieldKind.Reference, "Account__c"), F("contact_id", FieldKind.Reference, "Contact__c"), F("type", FieldKind.Text, "Type__c"),
            F("score", FieldKind.Number, "Score__c"), F("responded_at", FieldKind.DateTime, "Responded_At__c"),
        ], OptionalInOrg: true),
        new("invoice", "Invoice__c",
        [
            F("account_id", FieldKind.Reference, "Account__c"), F("invoice_date", FieldKind.Date, "Invoice_Date__c"), F("due_date", FieldKind.Date, "Due_Date__c"),
            F("paid_date", FieldKind.Date, "Paid_Date__c"), F("amount", FieldKind.Money, "Amount__c"),
        ], OptionalInOrg: true),
        new("product_usage", "Product_Usage__c",
            [F("account_id", FieldKind.Reference, "Account__c"), F("usage_date", FieldKind.Date, "Usage_Date__c"), F("events", FieldKind.Number, "Events__c")],
            OptionalInOrg: true),
    ];

    public static readonly IReadOnlyList<LogicalEntity> Targets =
    [
        new("account", "Account",
        [
            F("repeat_purchase_value", FieldKind.Money, "CrmSync_Repeat_Purchase_Value__c"), F("growth_value", FieldKind.Percent, "CrmSync_Growth_Value__c"),
            F("growth_volume", FieldKind.Percent, "CrmSync_Growth_Volume__c"), F("contact_frequency", FieldKind.Number, "CrmSync_Contact_Frequency__c"),
            F("csat", FieldKind.Number, "CrmSync_CSAT__c"), F("nps", FieldKind.Number, "CrmSync_NPS__c"),
            F("response_time_hours", FieldKind.Number, "CrmSync_Response_Time_Hours__c"), F("win_rate", FieldKind.Percent, "CrmSync_Win_Rate__c"),
            F("resolution_rate", FieldKind.Percent, "CrmSync_Resolution_Rate__c"), F("fcr_rate", FieldKind.Percent, "CrmSync_FCR_Rate__c"),
            F("engagement_score", FieldKind.Number, "CrmSync_Engagement_Score__c"), F("avg_transaction_value", FieldKind.Money, "CrmSync_Avg_Transaction_Value__c"),
            F("avg_payment_days", FieldKind.Number, "CrmSync_Avg_Payment_Days__c"), F("churn_cost", FieldKind.Money, "CrmSync_Churn_Cost__c"),
            F("post_sale_satisfaction", FieldKind.Number, "CrmSync_Post_Sale_Satisfaction__c"),
            F("campaign_response_rate", FieldKind.Percent, "CrmSync_Campaign_Response_Rate__c"),
            F("usage_days_per_week", FieldKind.Number, "CrmSync_Usage_Days_Per_Week__c"), F("upgrades_per_year", FieldKind.Number, "CrmSync_Upgrades_Per_Year__c"),
            F("retained", FieldKind.Boolean, "CrmSync_Retained__c"), F("clv_historical", FieldKind.Money, "CrmSync_CLV_Historical__c"),
            F("clv_predicted", FieldKind.Money, "CrmSync_CLV_Predicted__c"), F("p_alive", FieldKind.Percent, "CrmSync_P_Alive__c"),
            F("expected_purchases", FieldKind.Number, "CrmSync_Expected_Purchases__c"), F("expected_deal_value", FieldKind.Money, "CrmSync_Expected_Deal_Value__c"),
            F("clv_tier", FieldKind.Picklist, "CrmSync_CLV_Tier__c"), F("next_best_action", FieldKind.Text, "CrmSync_Next_Best_Action__c"),
            F("next_purchase_date", FieldKind.Date, "CrmSync_Next_Purchase_Date__c"), F("kpi_as_of", FieldKind.DateTime, "CrmSync_KPI_As_Of__c"),
        ]),
        new("snapshot", "CrmSync_KPI_Snapshot__c",
        [
            F("key", FieldKind.Text, "Snapshot_Key__c"), F("as_of", FieldKind.DateTime, "As_Of__c"), F("segment", FieldKind.Text, "Segment__c"),
            F("metric", FieldKind.Text, "Metric__c"), F("value", FieldKind.Number, "Value__c"), F("period_months", FieldKind.Number, "Period_Months__c"),
            F("records_used", FieldKind.Number, "Records_Used__c"),
        ]),
    ];

    public static LogicalEntity? Source(string name) => Sources.FirstOrDefault(s => s.Name == name);

    public static LogicalEntity? Target(string name) => Targets.FirstOrDefault(t => t.Name == name);

    private static LogicalField F(string name, FieldKind kind, string apiName) => new(name, kind, apiName);
}
