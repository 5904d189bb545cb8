using Npgsql;
using static CrmSync.Host.Dashboard.DashboardStatusReader;

namespace CrmSync.Host.Dashboard;

/// <summary>The page's history: pipeline runs with the newest one's steps, write runs and the records still failing.</summary>
internal static class DashboardHistoryReader
{
    public static PipelineView ReadPipeline(NpgsqlDataSource dataSource, bool scheduled)
    {
        var runs = new List<PipelineRunRow>();
        using (var command = dataSource.CreateCommand(DashboardSql.PipelineRuns))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(new PipelineRunRow(
                    reader.GetInt64(0), reader.GetString(1), reader.GetFieldValue<DateTimeOffset>(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), NullableInstant(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6)));
            }
        }

        var steps = new List<PipelineStepRow>();
        if (runs.Count > 0)
        {
            using var command = dataSource.CreateCommand(DashboardSql.PipelineSteps);
            command.Parameters.Add(new NpgsqlParameter { Value = runs[0].Id });
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                steps.Add(new PipelineStepRow(
                    reader.GetString(0), reader.GetString(1), reader.GetInt32(2), reader.IsDBNull(3) ? null : reader.GetString(3),
                    NullableInstant(reader, 4), NullableInstant(reader, 5), reader.IsDBNull(6) ? null : reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
            }
        }

        return new PipelineView(scheduled, runs, steps);
    }

    public static WriteBackStatus ReadWriteBack(NpgsqlDataSource dataSource)
    {
        var runs = new List<WriteRunRow>();
        using (var command = dataSource.CreateCommand(DashboardSql.WriteRuns))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                runs.Add(new WriteRunRow(
                    reader.GetInt64(0), reader.IsDBNull(1) ? null : reader.GetInt64(1), reader.GetBoolean(2), reader.GetString(3),
                    reader.GetFieldValue<DateTimeOffset>(4), reader.IsDBNull(5) ? null : reader.GetInt64(5), reader.GetInt32(6),
                    JsonPairs(reader.GetString(7), e => e.GetInt64()), JsonPairs(reader.GetString(8), e => e.GetInt64()), reader.IsDBNull(9) ? null : reader.GetString(9)));
            }
        }

        var errors = new List<WriteErrorRow>();
        long total = 0;
        using (var command = dataSource.CreateCommand(DashboardSql.WriteErrors))
        using (var reader = command.ExecuteReader())
        {
            while (reader.Read())
            {
                errors.Add(new WriteErrorRow(
                    reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4), reader.GetBoolean(5),
                    reader.GetInt32(6), reader.GetFieldValue<DateTimeOffset>(7), NullableInstant(reader, 8)));
                total = reader.GetInt64(9);
            }
        }

        return new WriteBackStatus(runs, errors, total);
    }
}
