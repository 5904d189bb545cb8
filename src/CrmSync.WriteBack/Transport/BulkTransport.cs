using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Limits;
using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Transport;

/// <summary>
/// Bulk API 2.0 ingest for large change sets: one job per 50,000 records (update by Id, or upsert on the external
/// id). A cell left empty leaves the field alone, so each record still changes only its changed fields.
/// </summary>
public sealed class BulkTransport(IBulkIngest ingest) : IWriteTransport
{
    // Keeps one upload well under Bulk API 2.0's 100 MB limit even with every CrmSync field changed.
    public const int RecordsPerJob = 50_000;

    private const int AnswersPerTransaction = 5_000;

    public string Name => "bulk";

    public async Task SendAsync(TargetPlan target, IReadOnlyList<RecordChange> changes, AnswersReceived answered, CancellationToken cancellationToken)
    {
        foreach (var job in changes.Chunk(RecordsPerJob))
        {
            IReadOnlyList<(RecordChange, RecordResult)> answers;
            try
            {
                answers = await RunJobAsync(target, job, cancellationToken);
            }
            catch (SalesforceException error) when (error is not ApiBudgetExceededException)
            {
                answers = WireRecords.CallFailed(job, error);
            }

            foreach (var slice in answers.Chunk(AnswersPerTransaction))
            {
                await answered(slice, cancellationToken);
            }
        }
    }

    private async Task<IReadOnlyList<(RecordChange, RecordResult)>> RunJobAsync(TargetPlan target, RecordChange[] job, CancellationToken cancellationToken)
    {
        var keyColumn = target.KeyField?.Name ?? "Id";
        var columns = target.Fields.Select(f => f.Spec.Name).Where(name => job.Any(c => c.Fields.Any(f => f.Field == name))).ToList();
        var csv = BulkCsv.Write([keyColumn, .. columns], job.Select(change => Row(change, columns)));
        var request = target.KeyField is { } key
            ? BulkIngestJobRequest.For(target.ObjectName, BulkIngestOperation.Upsert, key.Name)
            : BulkIngestJobRequest.For(target.ObjectName, BulkIngestOperation.Update);
        var result = await ingest.RunAsync(request, csv, cancellationToken);
        return Match(job, result, keyColumn);
    }

    /// <summary>The key, then per column: the new value, <see cref="BulkCsv.NullValue"/> for null (BulkCsv writes it), or an empty cell when unchanged.</summary>
    private static string?[] Row(RecordChange change, List<string> columns)
    {
        var row = new string?[columns.Count + 1];
        row[0] = change.Key;
        for (var i = 0; i < columns.Count; i++)
        {
            var field = change.Fields.FirstOrDefault(f => f.Field == columns[i]);
            row[i + 1] = field is null ? string.Empty : field.New;
        }

        return row;
    }

    /// <summary>Results come back by row, not in order: matched on the key column (Ids on their 15-character form).</summary>
    private static List<(RecordChange, RecordResult)> Match(RecordChange[] job, BulkIngestResult result, string keyColumn)
    {
        var byKey = new Dictionary<string, RecordResult>(StringComparer.Ordinal);
        foreach (var row in result.Successful)
        {
            var key = Key(row, keyColumn);
            byKey[key] = RecordResult.Written(key);
        }

        foreach (var row in result.Failed)
        {
            var key = Key(row, keyColumn);
            byKey[key] = Failure(key, row["sf__Error"] ?? "UNKNOWN:no error given");
        }

        return job.Select(change => (change, byKey.TryGetValue(Short(change.Key, keyColumn), out var answer)
                ? answer with { Key = change.Key }
                : new RecordResult(change.Key, false, "BULK_UNPROCESSED", "Salesforce did not process this record in the Bulk job.", [], Retryable: true)))
            .ToList();
    }

    private static string Key(BulkRecord row, string keyColumn) => Short(keyColumn == "Id" ? row["sf__Id"] ?? row["Id"] ?? string.Empty : row[keyColumn] ?? string.Empty, keyColumn);

    private static string Short(string key, string keyColumn) => keyColumn == "Id" && key.Length == 18 ? key[..15] : key;

    /// <summary>Bulk errors read <c>CODE:message:field1,field2 --</c>.</summary>
    private static RecordResult Failure(string key, string error)
    {
        var parts = error.TrimEnd().TrimEnd('-').TrimEnd().Split(':');
        var code = parts[0].Trim();
        var fields = parts.Length > 2 ? parts[^1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) : [];
        var message = parts.Length > 2 ? string.Join(':', parts[1..^1]) : parts.Length == 2 ? parts[1] : error;
        return new RecordResult(key, false, code, message.Trim(), fields, ErrorPolicy.IsRetryable(code));
    }
}
