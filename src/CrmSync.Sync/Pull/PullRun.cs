using CrmSync.Store.Synced;

namespace CrmSync.Sync.Pull;

/// <summary>The rows of one pull on their way to the store, in batches, and the watermark they carry.</summary>
internal sealed class PullRun(PullPlan plan, SyncedTableWriter writer, string source, DateTime? watermark, int batchSize, TimeProvider time)
{
    private readonly List<SyncedRow> batch = new(batchSize);
    private DateTime? newest = watermark;
    private string? newestId;

    public PullPlan Plan => plan;

    public long RowsRead { get; private set; }

    /// <summary>The watermark stored so far: every row up to it is in the table.</summary>
    public DateTime? Watermark { get; private set; } = watermark;

    public MergeResult Changes { get; private set; } = new(0, 0, 0);

    public async Task AddAsync(SyncedRow row, bool ordered, CancellationToken cancellationToken)
    {
        batch.Add(row);
        RowsRead++;
        if (newest is null || row.SystemModstamp >= newest)
        {
            (newest, newestId) = (row.SystemModstamp, row.Id);
        }

        if (batch.Count >= batchSize)
        {
            await FlushAsync(ordered, cancellationToken);
        }
    }

    /// <summary>Merges the batch; an ordered batch also moves the watermark to its newest row.</summary>
    public async Task FlushAsync(bool ordered, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        await MergeAsync(ordered ? newest : Watermark, complete: false, cancellationToken);
    }

    /// <summary>The last batch: the watermark moves to the newest row seen and the pull is marked complete.</summary>
    public Task CompleteAsync(CancellationToken cancellationToken) => MergeAsync(newest, complete: true, cancellationToken);

    private async Task MergeAsync(DateTime? newWatermark, bool complete, CancellationToken cancellationToken)
    {
        var state = new SyncState(source, plan.Mapping.ObjectName, newWatermark, newWatermark == newest ? newestId : null,
            plan.Signature, complete, 0, complete ? time.GetUtcNow().UtcDateTime : null);
        var result = await writer.MergeAsync(plan.Table, batch, state, cancellationToken);
        Changes = new MergeResult(Changes.Inserted + result.Inserted, Changes.Updated + result.Updated, Changes.Deleted + result.Deleted);
        Watermark = newWatermark;
        batch.Clear();
    }
}
