using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Rest;

namespace CrmSync.Salesforce.Tests.TestSupport;

/// <summary>A typed record as a caller would declare it.</summary>
public sealed class Opportunity : SObject
{
    public string Id { get; set; } = string.Empty;

    public decimal? Amount { get; set; }

    public DateOnly CloseDate { get; set; }

    public DateTimeOffset CreatedDate { get; set; }

    public bool IsWon { get; set; }

    public AccountRef? Account { get; set; }

    public QueryPage<LineItem>? OpportunityLineItems { get; set; }
}

public sealed class AccountRef : SObject
{
    public string? Name { get; set; }
}

public sealed class LineItem : SObject
{
    public decimal Quantity { get; set; }
}
