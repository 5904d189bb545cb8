using CrmSync.Store.Synced;

namespace CrmSync.Sync.Pull;

/// <summary>
/// The rows of one pull on their way to the store, in batches, and the watermark they carry.
/// While one batch merges, the next is read: merges still run one at a time and in order, so
/// each watermark is committed with exactly the rows before it.
/// </summary>
/// A pull into a table that was empty when it began appends instead of merging, until it may
/// read rows it already stored (<see cref="StopAppending"/>). Loaded in one transaction
/// (<see cref="EmptyTableLoad"/>), every batch goes into its one COPY instead, and only the last
/// batch commits, with the watermark.
internal sealed class PullRun(
    PullPlan plan, SyncedTableWriter writer, string source, DateTime? watermark, bool intoEmptyTable, bool inOneTransaction, int batchSize, TimeProvider time)
    : IAsyncDisposable
{
    /// <summary>
    /// A one-transaction load commits nothing per batch, so it hands rows to its COPY in small batches: rows then
    /// die young (gen 0) instead of a 10,000-row batch surviving into gen 1 while the next one is read.
    /// </summary>
    private const int LoadHandOverRows = 200;

    private readonly Dictionary<string, SyncedRow> batch = new(batchSize, StringComparer.Ordinal);
    private bool appending = intoEmptyTable;
    private bool loadWanted = intoEmptyTable && inOneTransaction;
    private EmptyTableLoad? load;
    private Task pending = Task.CompletedTask;
    private DateTime? newest = watermark;
    private string? newestId;

    public PullPlan Plan => plan;

    public long RowsRead { get; private set; }

    /// <summary>The watermark handed to the store so far: every row up to it is in the table once merges finish.</summary>
    public DateTime? Watermark { get; private set; } = watermark;

    public MergeResult Changes { get; private set; } = new(0, 0, 0);

    public async Task AddAsync(SyncedRow row, bool ordered, CancellationToken cancellationToken)
    {
        // One version per Id in a batch (the newest), as the merge requires.
        if (!batch.TryGetValue(row.Id, out var seen) || row.SystemModstamp >= seen.SystemModstamp)
        {
            batch[row.Id] = row;
        }

        RowsRead++;
        if (newest is null || row.SystemModstamp >= newest)
        {
            (newest, newestId) = (row.SystemModstamp, row.Id);
        }

        if (batch.Count >= (loadWanted || load is not null ? LoadHandOverRows : batchSize))
        {
            await FlushAsync(ordered, cancellationToken);
        }
    }

    /// <summary>From here on rows may come again (a Bulk job re-reading the lookback window): merge them.</summary>
    public void StopAppending() => appending = false;

    /// <summary>Starts merging the batch; an ordered batch also moves the watermark to its newest row.</summary>
    public async Task FlushAsync(bool ordered, CancellationToken cancellationToken)
    {
        if (batch.Count > 0)
        {
            await StartMergeAsync(ordered ? newest : Watermark, complete: false, cancellationToken);
        }
    }

    /// <summary>The last batch: the watermark moves to the newest row seen and the pull is marked complete.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        await StartMergeAsync(newest, complete: true, cancellationToken);
        await pending;
    }

    private async Task StartMergeAsync(DateTime? newWatermark, bool complete, CancellationToken cancellationToken)
    {
        await pending;
        if (loadWanted && load is null && batch.Count > 0)
        {
            // Begun with the first rows, not with the pull: the table is locked only while rows flow in.
            load = await writer.BeginEmptyTableLoadAsync(plan.Table, cancellationToken);
            (loadWanted, appending) = (load is not null, load is not null);
        }

        var rows = batch.Values.ToList();

        // Reused, not replaced: a new 10,000-entry dictionary per batch lands on the large object heap and costs gen 2 collections.
        batch.Clear();
        var state = new SyncState(source, plan.Mapping.ObjectName, newWatermark, newWatermark == newest ? newestId : null,
            plan.Signature, complete, complete ? time.GetUtcNow().UtcDateTime : null, plan.MissingFields);
        Watermark = newWatermark;
        pending = load is null ? MergeAsync(rows, state, appending, cancellationToken) : LoadAsync(load, rows, state, complete, cancellationToken);
    }

    private async Task MergeAsync(List<SyncedRow> rows, SyncState state, bool append, CancellationToken cancellationToken)
    {
        var result = append
            ? await writer.AppendAsync(plan.Table, rows, state, cancellationToken)
            : await writer.MergeAsync(plan.Table, rows, state, cancellationToken);
        Changes += result;
    }

    private async Task LoadAsync(EmptyTableLoad into, List<SyncedRow> rows, SyncState state, bool complete, CancellationToken cancellationToken)
    {
        await Task.Run(() => into.Append(rows), cancellationToken);
        if (complete)
        {
            Changes += await into.CommitAsync(state, cancellationToken);
        }
    }

    /// <summary>After a failure: lets the batch in flight end (its error is the one already thrown, or moot), then rolls an uncommitted load back.</summary>
    public async ValueTask DisposeAsync()
    {
        await pending.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        if (load is not null)
        {
            await load.DisposeAsync();
        }
    }
}
