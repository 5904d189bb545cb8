namespace CrmSync.Clv;

/// <summary>One won deal: who, on which (UTC) day, and for how much.</summary>
public readonly record struct Transaction(string CustomerId, DateOnly Date, decimal Amount);
