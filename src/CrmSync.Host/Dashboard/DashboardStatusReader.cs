using System.Text.Json;
using CrmSync.Host.Jobs;
using CrmSync.Salesforce.Limits;
using CrmSync.Sync.Mappings;
using Hangfire;
using Hangfire.Storage;
using Npgsql;

namespace CrmSync.Host.Dashboard;

/// <summary>
/// Reads the page's figures from the store, Hangfire's recurring jobs and the API budget. Synchronous, because
/// Hangfire renders dashboard pages synchronously (its own pages read storage the same way).
/// </summary>
internal sealed class DashboardStatusReader(NpgsqlDataSource dataSource, JobStorage storage, TimeProvider clock, IApiBudget? budget = null)
{
    public DashboardStatus Read()
    {
        var objects = ReadObjects();
        var pipelineScheduled = RecurringJobIds().Contains(Pipeline.PipelineSchedule.JobId);
        return new(objects, budget?.Snapshot, ReadLastRun(), DashboardHistoryReader.ReadWriteBack(dataSource),
            DashboardHistoryReader.ReadPipeline(dataSource, pipelineScheduled), clock.GetUtcNow());
    }

    private HashSet<string> RecurringJobIds()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs().Select(job => job.Id).ToHashSet(StringComparer.Ordinal);
    }

    private List<ObjectStatus> ReadObjects()
    {
        var jobs = RecurringSyncJobs();
        var objects = new Dictionary<string, ObjectStatus>(StringComparer.Ordinal);
        using (var command = dataSource.CreateCommand(DashboardSql.SyncStates))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                var source = reader.GetString(0);
                jobs.TryGetValue(source, out var job);
                objects[source] = new ObjectStatus(
                    source, reader.GetString(1), NullableInstant(reader, 2), reader.GetInt64(3), NullableInstant(reader, 4), reader.GetBoolean(5),
                    job?.NextExecution, job?.Cron, job?.LastJobState);
            }
        }

        foreach (var (source, job) in jobs.Where(j => !objects.ContainsKey(j.Key)))
        {
            objects[source] = new ObjectStatus(source, LogicalCatalog.Source(source)?.DefaultObject, null, null, null, false, job.NextExecution, job.Cron, job.LastJobState);
        }

        var order = LogicalCatalog.Sources.Select((s, i) => (s.Name, i)).ToDictionary(p => p.Name, p => p.i, StringComparer.Ordinal);
        return [.. objects.Values.OrderBy(o => order.GetValueOrDefault(o.Source, int.MaxValue)).ThenBy(o => o.Source, StringComparer.Ordinal)];
    }

    /// <summary>The <c>sync:&lt;source&gt;</c> recurring jobs, by source.</summary>
    private Dictionary<string, RecurringJobDto> RecurringSyncJobs()
    {
        using var connection = storage.GetConnection();
        return connection.GetRecurringJobs()
            .Where(job => job.Id.StartsWith(SyncSchedule.JobIdPrefix, StringComparison.Ordinal))
            .ToDictionary(job => job.Id[SyncSchedule.JobIdPrefix.Length..], StringComparer.Ordinal);
    }

    private MetricRunStatus? ReadLastRun()
    {
        MetricRunStatus run;
        using (var command = dataSource.CreateCommand(DashboardSql.LastMetricRun))
        using (var reader = command.ExecuteReader())
        {
            if (!reader.Read())
            {
                return null;
            }

            run = new MetricRunStatus(
                reader.GetInt64(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3),
                NullableInstant(reader, 4), JsonPairs(reader.GetString(5), e => e.GetDouble()), reader.IsDBNull(6) ? null : reader.GetString(6), []);
        }

        var quality = new List<QualityRow>();
        using (var command = dataSource.CreateCommand(DashboardSql.MetricQuality))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = run.Id });
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                quality.Add(new QualityRow(reader.GetString(0), reader.GetBoolean(1), reader.GetInt64(2), reader.GetInt64(3), JsonPairs(reader.GetString(4), e => e.GetInt64())));
            }
        }

        return run with { Quality = quality };
    }

    internal static DateTimeOffset? NullableInstant(NpgsqlDataReader reader, int ordinal) =>
        reader.IsDBNull(ordinal) ? null : reader.GetFieldValue<DateTimeOffset>(ordinal);

    /// <summary>A JSON object of numbers (step timings, skip reasons) as ordered pairs; anything else in it is left out.</summary>
    internal static List<KeyValuePair<string, T>> JsonPairs<T>(string json, Func<JsonElement, T> read)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.ValueKind != JsonValueKind.Object
            ? []
            : [.. document.RootElement.EnumerateObject().Where(p => p.Value.ValueKind == JsonValueKind.Number).Select(p => KeyValuePair.Create(p.Name, read(p.Value)))];
    }
}
