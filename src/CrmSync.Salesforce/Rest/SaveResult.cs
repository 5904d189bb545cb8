namespace CrmSync.Salesforce.Rest;

/// <summary>One record's outcome in a create or a collection call: <c>{"id","success","errors":[{"statusCode","message","fields"}]}</c>.</summary>
public sealed record SaveResult(string? Id, bool Success, IReadOnlyList<SaveError>? Errors)
{
    /// <summary>Only in upsert results: whether the record was inserted (true) or updated (false).</summary>
    public bool? Created { get; init; }
}

/// <summary>Why one record was not saved; <see cref="StatusCode"/> is Salesforce's code such as <c>UNABLE_TO_LOCK_ROW</c>.</summary>
public sealed record SaveError(string StatusCode, string Message, IReadOnlyList<string>? Fields);
