namespace CrmSync.Sandbox.Writes;

/// <summary>One error of a save result: Salesforce's statusCode, message and the fields involved.</summary>
internal sealed record WriteError(string StatusCode, string Message, IReadOnlyList<string> Fields)
{
    public static WriteError RolledBack { get; } = new("ALL_OR_NONE_OPERATION_ROLLED_BACK",
        "Record rolled back because not all records were valid and the request was using AllOrNone header", []);

    public static WriteError LockRow { get; } = new("UNABLE_TO_LOCK_ROW", "unable to obtain exclusive access to this record or 1 records", []);

    public static WriteError Deleted { get; } = new("ENTITY_IS_DELETED", "entity is deleted", []);

    public static WriteError MalformedId(string id) => new("MALFORMED_ID", $"bad id {id}", ["Id"]);

    public static WriteError UnknownId { get; } = new("INVALID_CROSS_REFERENCE_KEY", "invalid cross reference id", []);

    public object ToSaveResultError() => new { statusCode = StatusCode, message = Message, fields = Fields };
}

/// <summary>Raised for a body Salesforce would reject as a whole (400) rather than per record.</summary>
internal sealed class RequestRejectedException(string errorCode, string message) : Exception(message)
{
    public string ErrorCode { get; } = errorCode;
}

/// <summary>The outcome of one record: its id when known, whether it was created, or its errors.</summary>
internal sealed record SaveResult(string? Id, bool Success, IReadOnlyList<WriteError> Errors, bool? Created = null)
{
    public static SaveResult Failed(string? id, params WriteError[] errors) => new(id, false, errors);

    public object ToJson()
    {
        var errors = Errors.Select(e => e.ToSaveResultError()).ToArray();
        return (Id, Created) switch
        {
            (null, null) => new { success = Success, errors },
            (null, { } created) => new { success = Success, errors, created },
            ({ } id, null) => new { id, success = Success, errors },
            ({ } id, { } created) => (object)new { id, success = Success, errors, created },
        };
    }
}
