using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Transport;

/// <summary>How record changes and Salesforce's answers translate, whatever the transport.</summary>
internal static class WireRecords
{
    /// <summary>The fields of one record as sent: only its changed fields, plus the external id when upserting.</summary>
    public static Dictionary<string, object?> Fields(TargetPlan target, RecordChange change)
    {
        var fields = new Dictionary<string, object?>(change.Fields.Count + 1, StringComparer.Ordinal);
        if (target.KeyField is { } key)
        {
            fields[key.Name] = change.Key;
        }

        foreach (var field in change.Fields)
        {
            fields[field.Field] = FieldValues.Json(field.New, target.SpecsByName[field.Field]);
        }

        return fields;
    }

    public static RecordResult FromSaveResult(string key, SaveResult result)
    {
        if (result.Success)
        {
            return RecordResult.Written(key);
        }

        var errors = result.Errors ?? [];
        var code = errors.Count > 0 ? errors[0].StatusCode : "UNKNOWN";
        return new RecordResult(key, false, code, string.Join("; ", errors.Select(e => e.Message)),
            errors.SelectMany(e => e.Fields ?? []).Distinct(StringComparer.OrdinalIgnoreCase).ToList(),
            errors.Count > 0 && errors.All(e => ErrorPolicy.IsRetryable(e.StatusCode)));
    }

    /// <summary>
    /// A call that failed as a whole: none of its records is written; each is marked with the call's error.
    /// (Running out of API budget is not a record's failure: callers let that stop the run.)
    /// </summary>
    public static IReadOnlyList<(RecordChange, RecordResult)> CallFailed(IEnumerable<RecordChange> changes, SalesforceException error)
    {
        var fields = error is SalesforceApiException api ? api.Errors.SelectMany(e => e.Fields ?? []).Distinct().ToList() : [];
        var retryable = ErrorPolicy.IsRetryable(error.ErrorCode, error.StatusCode);
        return changes.Select(c => (c, new RecordResult(c.Key, false, error.ErrorCode, error.Message, fields, retryable))).ToList();
    }
}
