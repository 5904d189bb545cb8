using System.Diagnostics;
using System.Text.Json;
using CrmSync.Sandbox.Writes;

namespace CrmSync.Sandbox.Bulk;

/// <summary>
/// Runs an ingest job's uploaded CSV through the same checks as the REST writes. Empty cells
/// leave a field alone and <c>#N/A</c> sets it to null, as in Bulk API 2.0.
/// </summary>
internal sealed class IngestProcessor(SandboxState state)
{
    public void Process(BulkIngestJob job)
    {
        var watch = Stopwatch.StartNew();
        var table = state.Org[job.Object];
        var saver = new RecordSaver(state);
        var rows = new List<string[]>();
        foreach (var upload in job.Uploads)
        {
            var (header, batch) = BulkCsv.Parse(upload);
            if (job.Header.Count == 0)
            {
                job.Header = [.. header];
            }
            rows.AddRange(batch);
        }
        var unknown = job.Header.FirstOrDefault(h => table.FindColumn(h) is null);
        if (unknown is not null)
        {
            job.State = "Failed";
            job.ErrorMessage = $"InvalidBatch : Field name not found : {unknown}";
            job.Unprocessed.AddRange(rows);
            return;
        }
        state.Org.Write(() =>
        {
            foreach (var row in rows)
            {
                var result = Save(job, table, saver, row);
                if (result.Success)
                {
                    job.Successful.Add((result.Id!, result.Created ?? job.Operation == "insert", row));
                }
                else
                {
                    job.Failed.Add((result.Id ?? "", string.Join("; ", result.Errors.Select(ErrorText)), row));
                }
            }
            return 0;
        });
        job.ProcessingMillis = watch.ElapsedMilliseconds;
        job.State = "JobComplete";
    }

    private SaveResult Save(BulkIngestJob job, Org.ObjectTable table, RecordSaver saver, string[] row)
    {
        var fields = job.Header.Zip(row)
            .Where(p => p.Second.Length > 0)
            .Select(p => (p.First, p.Second == "#N/A" ? null : p.Second, JsonValueKind.String))
            .ToList();
        string Value(string name) => fields.FirstOrDefault(f => f.First.Equals(name, StringComparison.OrdinalIgnoreCase)).Item2 ?? "";
        return job.Operation switch
        {
            "insert" => saver.Apply(saver.PrepareInsert(table, fields)),
            "update" => saver.Apply(saver.PrepareUpdate(table, Value("Id"), fields)),
            "upsert" => saver.Apply(saver.PrepareUpsert(table, job.ExternalIdFieldName!, Value(job.ExternalIdFieldName!), fields), upsert: true),
            _ => saver.Delete(Value("Id")),
        };
    }

    /// <summary>sf__Error as Salesforce writes it: STATUS_CODE:message:fields --</summary>
    private static string ErrorText(WriteError error) => $"{error.StatusCode}:{error.Message}:{string.Join(',', error.Fields)} --";
}
