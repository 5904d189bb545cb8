namespace CrmSync.Sandbox.Org;

/// <summary>
/// The objects of the synthetic org: the standard and customer objects CrmSync reads
/// (salesforce.md), with CrmSync's own fields and objects added from the SFDX metadata.
/// </summary>
internal static class OrgSchema
{
    public static readonly string[] Industries =
        ["Technology", "Manufacturing", "Healthcare", "Finance", "Retail", "Education", "Energy", "Media"];

    public const string UpgradeType = "Existing Customer - Upgrade";

    public static IReadOnlyList<ObjectDefinition> Build()
    {
        var metadata = MetadataLoader.LoadEmbedded();
        var objects = new List<ObjectDefinition>
        {
            Account(), Contact(), Opportunity(), Lead(), Campaign(), CampaignMember(), Case(), Task(), Event(),
            SurveyResponse(), Invoice(), ProductUsage(),
        };
        var prefix = 4;
        foreach (var custom in metadata.Objects)
        {
            var definition = Standard(new ObjectDefinition(custom.Name, custom.Label, custom.PluralLabel, $"a0{prefix++}", custom: true) { AutoNumberFormat = custom.NameDisplayFormat });
            definition.Add(Text("Name", custom.Label + " Name", 80) with { Createable = custom.NameDisplayFormat is null, Updateable = custom.NameDisplayFormat is null });
            objects.Add(definition);
        }
        foreach (var definition in objects)
        {
            foreach (var field in metadata.FieldsByObject.GetValueOrDefault(definition.Name) ?? [])
            {
                definition.Add(field);
            }
        }
        return objects;
    }

    private static ObjectDefinition Standard(ObjectDefinition definition)
    {
        definition.Add(new FieldDefinition("Id", definition.Label + " ID", FieldType.Id) { Length = 18, Nillable = false });
        definition.Add(new FieldDefinition("IsDeleted", "Deleted", FieldType.Boolean) { Nillable = false });
        definition.Add(new FieldDefinition("CreatedDate", "Created Date", FieldType.DateTime) { Nillable = false });
        definition.Add(new FieldDefinition("LastModifiedDate", "Last Modified Date", FieldType.DateTime) { Nillable = false });
        definition.Add(new FieldDefinition("SystemModstamp", "System Modstamp", FieldType.DateTime) { Nillable = false });
        return definition;
    }

    private static FieldDefinition Text(string name, string label, int length) =>
        FieldDefinition.Editable(name, label, FieldType.String) with { Length = length };

    private static FieldDefinition Picklist(string name, string label, params string[] values) =>
        FieldDefinition.Editable(name, label, FieldType.Picklist) with { Length = 255, PicklistValues = values };

    private static FieldDefinition Reference(string name, string label, params string[] targets) =>
        FieldDefinition.Editable(name, label, FieldType.Reference) with
        {
            Length = 18,
            ReferenceTo = targets,
            RelationshipName = name.EndsWith("__c", StringComparison.Ordinal) ? name[..^1] + "r" : name.EndsWith("Id", StringComparison.Ordinal) ? name[..^2] : null,
        };

    private static FieldDefinition ReadOnly(FieldDefinition field) => field with { Createable = false, Updateable = false };

    private static FieldDefinition Number(string name, string label, FieldType type, int precision, int scale) =>
        FieldDefinition.Editable(name, label, type) with { Precision = precision, Scale = scale };

    private static FieldDefinition Of(string name, string label, FieldType type) => FieldDefinition.Editable(name, label, type) with
    {
        Nillable = type != FieldType.Boolean,
    };

    private static ObjectDefinition Account()
    {
        var o = Standard(new ObjectDefinition("Account", "Account", "Accounts", "001", custom: false));
        o.Add(Text("Name", "Account Name", 255) with { Nillable = false });
        o.Add(Picklist("Type", "Account Type", "Prospect", "Customer - Direct", "Customer - Channel", "Other"));
        o.Add(Picklist("Industry", "Industry", Industries));
        o.Add(Text("BillingCountry", "Billing Country", 80));
        return o;
    }

    private static ObjectDefinition Contact()
    {
        var o = Standard(new ObjectDefinition("Contact", "Contact", "Contacts", "003", custom: false));
        o.Add(Reference("AccountId", "Account ID", "Account"));
        o.Add(Text("FirstName", "First Name", 40));
        o.Add(Text("LastName", "Last Name", 80) with { Nillable = false });
        o.Add(Text("Email", "Email", 80));
        return o;
    }

    private static ObjectDefinition Opportunity()
    {
        var o = Standard(new ObjectDefinition("Opportunity", "Opportunity", "Opportunities", "006", custom: false));
        o.Add(Reference("AccountId", "Account ID", "Account"));
        o.Add(Text("Name", "Name", 120) with { Nillable = false });
        o.Add(Number("Amount", "Amount", FieldType.Currency, 18, 2));
        o.Add(Of("CloseDate", "Close Date", FieldType.Date) with { Nillable = false });
        o.Add(Picklist("StageName", "Stage", OpportunityStages.All) with { Nillable = false });
        o.Add(Picklist("Type", "Opportunity Type", "New Customer", UpgradeType, "Existing Customer - Replacement", "Existing Customer - Downgrade"));
        o.Add(Number("Probability", "Probability (%)", FieldType.Percent, 3, 0));
        o.Add(ReadOnly(Of("IsClosed", "Closed", FieldType.Boolean)));
        o.Add(ReadOnly(Of("IsWon", "Won", FieldType.Boolean)));
        return o;
    }

    private static ObjectDefinition Lead()
    {
        var o = Standard(new ObjectDefinition("Lead", "Lead", "Leads", "00Q", custom: false));
        o.Add(Text("LastName", "Last Name", 80) with { Nillable = false });
        o.Add(Text("Company", "Company", 255) with { Nillable = false });
        o.Add(Picklist("Status", "Status", "Open - Not Contacted", "Working - Contacted", "Closed - Converted", "Closed - Not Converted") with { Nillable = false });
        o.Add(Picklist("LeadSource", "Lead Source", "Web", "Phone Inquiry", "Partner Referral", "Trade Show"));
        o.Add(ReadOnly(Of("IsConverted", "Converted", FieldType.Boolean)));
        o.Add(ReadOnly(Of("ConvertedDate", "Converted Date", FieldType.Date)));
        o.Add(ReadOnly(Reference("ConvertedAccountId", "Converted Account ID", "Account")));
        o.Add(ReadOnly(Reference("ConvertedContactId", "Converted Contact ID", "Contact")));
        return o;
    }

    private static ObjectDefinition Campaign()
    {
        var o = Standard(new ObjectDefinition("Campaign", "Campaign", "Campaigns", "701", custom: false));
        o.Add(Text("Name", "Name", 80) with { Nillable = false });
        o.Add(Picklist("Type", "Type", "Email", "Webinar", "Conference", "Advertisement"));
        o.Add(Picklist("Status", "Status", "Planned", "In Progress", "Completed"));
        o.Add(Of("StartDate", "Start Date", FieldType.Date));
        o.Add(Of("EndDate", "End Date", FieldType.Date));
        o.Add(Of("IsActive", "Active", FieldType.Boolean));
        return o;
    }

    private static ObjectDefinition CampaignMember()
    {
        var o = Standard(new ObjectDefinition("CampaignMember", "Campaign Member", "Campaign Members", "00v", custom: false) { HardDeletes = true });
        o.Add(Reference("CampaignId", "Campaign ID", "Campaign") with { Nillable = false, Updateable = false });
        o.Add(Reference("ContactId", "Contact ID", "Contact") with { Updateable = false });
        o.Add(Reference("LeadId", "Lead ID", "Lead") with { Updateable = false });
        o.Add(Picklist("Status", "Status", "Sent", "Responded"));
        o.Add(ReadOnly(Of("HasResponded", "Responded", FieldType.Boolean)));
        o.Add(ReadOnly(Of("FirstRespondedDate", "First Responded Date", FieldType.Date)));
        return o;
    }

    private static ObjectDefinition Case()
    {
        var o = Standard(new ObjectDefinition("Case", "Case", "Cases", "500", custom: false));
        o.Add(ReadOnly(Text("CaseNumber", "Case Number", 30)));
        o.Add(Reference("AccountId", "Account ID", "Account"));
        o.Add(Reference("ContactId", "Contact ID", "Contact"));
        o.Add(Text("Subject", "Subject", 255));
        o.Add(Picklist("Status", "Status", "New", "Working", "Escalated", "Closed"));
        o.Add(Picklist("Origin", "Case Origin", "Phone", "Email", "Web"));
        o.Add(Picklist("Priority", "Priority", "High", "Medium", "Low"));
        o.Add(ReadOnly(Of("IsClosed", "Closed", FieldType.Boolean)));
        o.Add(ReadOnly(Of("ClosedDate", "Closed Date", FieldType.DateTime)));
        o.Add(Of("First_Response_At__c", "First Response At", FieldType.DateTime));
        o.Add(Of("First_Contact_Resolution__c", "First Contact Resolution", FieldType.Boolean));
        return o;
    }

    private static ObjectDefinition Task()
    {
        var o = Standard(new ObjectDefinition("Task", "Task", "Tasks", "00T", custom: false));
        o.Add(ReadOnly(Reference("AccountId", "Account ID", "Account")));
        o.Add(Reference("WhatId", "Related To ID", "Account", "Opportunity"));
        o.Add(Text("Subject", "Subject", 255));
        o.Add(Of("ActivityDate", "Due Date Only", FieldType.Date));
        o.Add(Picklist("Status", "Status", "Not Started", "In Progress", "Completed") with { Nillable = false });
        o.Add(ReadOnly(Of("IsClosed", "Closed", FieldType.Boolean)));
        return o;
    }

    private static ObjectDefinition Event()
    {
        var o = Standard(new ObjectDefinition("Event", "Event", "Events", "00U", custom: false));
        o.Add(ReadOnly(Reference("AccountId", "Account ID", "Account")));
        o.Add(Reference("WhatId", "Related To ID", "Account", "Opportunity"));
        o.Add(Text("Subject", "Subject", 255));
        o.Add(Of("ActivityDate", "Due Date Only", FieldType.Date));
        o.Add(Of("ActivityDateTime", "Due Date Time", FieldType.DateTime));
        return o;
    }

    private static ObjectDefinition SurveyResponse()
    {
        var o = Standard(new ObjectDefinition("Survey_Response__c", "Survey Response", "Survey Responses", "a01", custom: true));
        o.Add(ReadOnly(Text("Name", "Survey Response Name", 80)));
        o.Add(Reference("Account__c", "Account", "Account"));
        o.Add(Reference("Contact__c", "Contact", "Contact"));
        o.Add(Picklist("Type__c", "Type", "CSAT", "NPS", "PostSale") with { RestrictedPicklist = true });
        o.Add(Number("Score__c", "Score", FieldType.Double, 3, 0));
        o.Add(Of("Responded_At__c", "Responded At", FieldType.DateTime));
        return o;
    }

    private static ObjectDefinition Invoice()
    {
        var o = Standard(new ObjectDefinition("Invoice__c", "Invoice", "Invoices", "a02", custom: true));
        o.Add(ReadOnly(Text("Name", "Invoice Number", 80)));
        o.Add(Reference("Account__c", "Account", "Account"));
        o.Add(Of("Invoice_Date__c", "Invoice Date", FieldType.Date));
        o.Add(Of("Due_Date__c", "Due Date", FieldType.Date));
        o.Add(Of("Paid_Date__c", "Paid Date", FieldType.Date));
        o.Add(Number("Amount__c", "Amount", FieldType.Currency, 16, 2));
        return o;
    }

    private static ObjectDefinition ProductUsage()
    {
        var o = Standard(new ObjectDefinition("Product_Usage__c", "Product Usage", "Product Usage", "a03", custom: true));
        o.Add(ReadOnly(Text("Name", "Product Usage Name", 80)));
        o.Add(Reference("Account__c", "Account", "Account"));
        o.Add(Of("Usage_Date__c", "Usage Date", FieldType.Date));
        o.Add(Number("Events__c", "Events", FieldType.Double, 10, 0));
        return o;
    }
}

internal static class OpportunityStages
{
    public const string Won = "Closed Won";
    public const string Lost = "Closed Lost";
    public static readonly string[] Open = ["Prospecting", "Qualification", "Proposal/Price Quote", "Negotiation/Review"];
    public static readonly string[] All = [.. Open, Won, Lost];
}
