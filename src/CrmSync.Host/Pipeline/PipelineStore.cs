using Npgsql;
using NpgsqlTypes;

namespace CrmSync.Host.Pipeline;

/// <summary>
/// Pipeline runs and their steps in the store. A claim locks the run's row, so when several steps
/// finish at once on different servers exactly one of them hands out the next step.
/// </summary>
public sealed class PipelineStore(NpgsqlDataSource dataSource, TimeProvider clock)
{
    private const string UniqueViolation = "23505";

    /// <summary>Records a new run with its steps, all pending; null when another run is still running.</summary>
    public async Task<long?> StartAsync(string trigger, string owner, DateTimeOffset asOf, bool dryRun, IReadOnlyList<string> steps, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        long runId;
        try
        {
            runId = (long)(await Command(connection, PipelineSql.InsertRun, trigger, owner, asOf, dryRun, clock.GetUtcNow()).ExecuteScalarAsync(cancellationToken))!;
        }
        catch (PostgresException e) when (e.SqlState == UniqueViolation)
        {
            return null;
        }

        for (var i = 0; i < steps.Count; i++)
        {
            await Command(connection, PipelineSql.InsertStep, runId, steps[i], i).ExecuteNonQueryAsync(cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        return runId;
    }

    public async Task<PipelineRunInfo?> RunningAsync(CancellationToken cancellationToken) =>
        await ReadRunAsync(PipelineSql.Running, [], cancellationToken);

    public async Task<PipelineRunInfo?> LatestAsync(CancellationToken cancellationToken) =>
        await ReadRunAsync(PipelineSql.Latest, [], cancellationToken);

    public async Task<PipelineRunInfo?> RunAsync(long runId, CancellationToken cancellationToken) =>
        await ReadRunAsync(PipelineSql.Run, [runId], cancellationToken);

    public async Task<IReadOnlyList<PipelineStepInfo>> StepsAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await ReadStepsAsync(connection, runId, cancellationToken);
    }

    /// <summary>
    /// Hands out the steps now due: every pending sync; then compute once all syncs are done; then write-back.
    /// Marks the run succeeded when its last step is done. A failed step stops the hand-out.
    /// </summary>
    public async Task<PipelineClaim> ClaimAsync(long runId, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await Command(connection, PipelineSql.LockRun, runId).ExecuteScalarAsync(cancellationToken) is not "running")
        {
            return new PipelineClaim([], Finished: true);
        }

        var steps = await ReadStepsAsync(connection, runId, cancellationToken);
        if (steps.All(s => s.IsDone))
        {
            await Command(connection, PipelineSql.FinishRun, runId, PipelineStatus.Succeeded, clock.GetUtcNow(), DBNull.Value).ExecuteNonQueryAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new PipelineClaim([], Finished: true);
        }

        var due = DueSteps(steps);
        var claimed = new List<string>();
        if (due.Count > 0)
        {
            await using var reader = await Command(connection, PipelineSql.Claim, runId, due.ToArray()).ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                claimed.Add(reader.GetString(0));
            }
        }

        await transaction.CommitAsync(cancellationToken);
        return new PipelineClaim(claimed, Finished: false);
    }

    /// <summary>Pending steps whose predecessors are done: syncs first (all at once), then compute, then write-back.</summary>
    internal static IReadOnlyList<string> DueSteps(IReadOnlyList<PipelineStepInfo> steps)
    {
        var syncs = steps.Where(s => PipelineStatus.SourceOf(s.Step) is not null).ToList();
        var pendingSyncs = syncs.Where(s => s.Status == PipelineStatus.Pending).Select(s => s.Step).ToList();
        if (pendingSyncs.Count > 0 || !syncs.All(s => s.IsDone))
        {
            return pendingSyncs;
        }

        var compute = steps.Single(s => s.Step == PipelineStatus.ComputeStep);
        if (!compute.IsDone)
        {
            return compute.Status == PipelineStatus.Pending ? [compute.Step] : [];
        }

        var writeBack = steps.Single(s => s.Step == PipelineStatus.WriteBackStep);
        return writeBack.Status == PipelineStatus.Pending ? [writeBack.Step] : [];
    }

    public async Task SetJobIdAsync(long runId, string step, string jobId, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.SetJobId, cancellationToken, runId, step, jobId);

    /// <summary>Puts unfinished steps back to pending (a stopped process left them); returns how many.</summary>
    public async Task<int> ResetUnfinishedAsync(long runId, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.ResetUnfinished, cancellationToken, runId);

    public async Task<int> ResetStepAsync(long runId, string step, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.ResetStep, cancellationToken, runId, step);

    /// <summary>Counts an attempt; returns the step as it now is (already done: nothing to do).</summary>
    public async Task<(string Status, DateTimeOffset StartedAt, int Attempts)> BeginStepAsync(long runId, string step, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var reader = await Command(connection, PipelineSql.BeginStep, runId, step, clock.GetUtcNow()).ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            throw new InvalidOperationException($"Pipeline run {runId} has no step '{step}'.");
        }

        return (reader.GetString(0), reader.GetFieldValue<DateTimeOffset>(1), reader.GetInt32(2));
    }

    public async Task CompleteStepAsync(long runId, string step, string status, string summary, string detailJson, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.CompleteStep, cancellationToken, runId, step, status, summary, new NpgsqlParameter { Value = detailJson, NpgsqlDbType = NpgsqlDbType.Text }, clock.GetUtcNow());

    /// <summary>Marks an unfinished step failed; returns 0 when it was already done.</summary>
    public async Task<int> FailStepAsync(long runId, string step, string error, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.FailStep, cancellationToken, runId, step, error, clock.GetUtcNow());

    public async Task FailRunAsync(long runId, string error, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.FinishRun, cancellationToken, runId, PipelineStatus.Failed, clock.GetUtcNow(), error);

    public async Task TakeOverAsync(long runId, CancellationToken cancellationToken) =>
        await ExecuteAsync(PipelineSql.TakeOver, cancellationToken, runId);

    public async Task<long?> MetricRunSinceAsync(DateTimeOffset asOf, DateTimeOffset since, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Command(connection, PipelineSql.MetricRunSince, asOf, since).ExecuteScalarAsync(cancellationToken) as long?;
    }

    /// <summary>
    /// Takes the foreground lock on its own connection, held until the returned handle is disposed;
    /// null when another foreground pipeline holds it.
    /// </summary>
    public async Task<IAsyncDisposable?> TryForegroundLockAsync(CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        if (await Command(connection, PipelineSql.TryForegroundLock).ExecuteScalarAsync(cancellationToken) is true)
        {
            return new ForegroundLock(connection);
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>True when no foreground pipeline process is alive (its lock is free).</summary>
    public async Task<bool> ForegroundProcessGoneAsync(CancellationToken cancellationToken)
    {
        await using var handle = await TryForegroundLockAsync(cancellationToken);
        return handle is not null;
    }

    private async Task<PipelineRunInfo?> ReadRunAsync(string sql, object[] parameters, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var reader = await Command(connection, sql, parameters).ExecuteReaderAsync(cancellationToken);
        if (!await reader.ReadAsync(cancellationToken))
        {
            return null;
        }

        return new PipelineRunInfo(
            reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetFieldValue<DateTimeOffset>(3), reader.GetBoolean(4),
            reader.GetString(5), reader.GetFieldValue<DateTimeOffset>(6));
    }

    private static async Task<IReadOnlyList<PipelineStepInfo>> ReadStepsAsync(NpgsqlConnection connection, long runId, CancellationToken cancellationToken)
    {
        var steps = new List<PipelineStepInfo>();
        await using var reader = await Command(connection, PipelineSql.Steps, runId).ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            steps.Add(new PipelineStepInfo(
                reader.GetString(0), reader.GetString(1), reader.IsDBNull(2) ? null : reader.GetString(2),
                reader.IsDBNull(3) ? null : reader.GetFieldValue<DateTimeOffset>(3), reader.GetInt32(4),
                reader.IsDBNull(5) ? null : reader.GetString(5), reader.GetString(6), reader.IsDBNull(7) ? null : reader.GetString(7)));
        }

        return steps;
    }

    private async Task<int> ExecuteAsync(string sql, CancellationToken cancellationToken, params object[] parameters)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        return await Command(connection, sql, parameters).ExecuteNonQueryAsync(cancellationToken);
    }

    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, params object[] parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var value in parameters)
        {
            command.Parameters.Add(value as NpgsqlParameter ?? new NpgsqlParameter { Value = value });
        }

        return command;
    }

    /// <summary>The foreground lock's connection: closing it releases the lock.</summary>
    private sealed class ForegroundLock(NpgsqlConnection connection) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            await using (connection)
            {
                await Command(connection, PipelineSql.ForegroundUnlock).ExecuteScalarAsync(CancellationToken.None);
            }
        }
    }
}
