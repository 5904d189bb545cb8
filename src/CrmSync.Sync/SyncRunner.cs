using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Rest;
using CrmSync.Store.Synced;
using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CrmSync.Sync;

/// <summary>Pulls every mapped source (or the ones asked for), accounts first.</summary>
public sealed class SyncRunner(
    ObjectPuller puller, DescribeCache describes, SyncHistoryStore history, IOptions<SyncOptions> options, IHostEnvironment environment, TimeProvider clock)
{
    public MappingSet LoadMappings() => MappingLoader.LoadFolder(options.Value.MappingsFolder(environment.ContentRootPath));

    /// <summary>The mapped sources named by <paramref name="only"/> (source or object names; all when empty).</summary>
    public static IReadOnlyList<SourceMapping> Select(MappingSet mappings, IReadOnlyCollection<string> only)
    {
        if (mappings.HasErrors)
        {
            throw new MappingsInvalidException(mappings.Problems);
        }

        var unknown = only.Where(name => !mappings.Sources.Any(s => Matches(s, name))).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException(
                $"--objects: {string.Join(", ", unknown)} is not mapped. Mapped: {string.Join(", ", mappings.Sources.Select(s => $"{s.ObjectName} ({s.Source})"))}.");
        }

        return mappings.Sources
            .Where(s => only.Count == 0 || only.Any(name => Matches(s, name)))
            .OrderBy(s => LogicalCatalog.Sources.ToList().FindIndex(e => e.Name == s.Source))
            .ToList();
    }

    /// <summary>Pulls the sources in turn. An optional object the org lacks is skipped with a warning.</summary>
    public async Task<IReadOnlyList<PullResult>> RunAsync(IReadOnlyList<SourceMapping> sources, bool full, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var inOrg = await ObjectsInOrgAsync(fresh: full, cancellationToken);
        if (!full && sources.Any(s => !inOrg.Contains(s.ObjectName)))
        {
            // A mapped object missing from the stored describe may have been created in the org since.
            inOrg = await ObjectsInOrgAsync(fresh: true, cancellationToken);
        }

        var results = new List<PullResult>();
        foreach (var source in sources)
        {
            if (!inOrg.Contains(source.ObjectName))
            {
                if (!source.Optional)
                {
                    throw new InvalidOperationException(
                        $"{source.ObjectName} (source '{source.Source}', {source.Location}) is not in the org or not visible to the integration user.");
                }

                results.Add(Skipped(source, $"{source.ObjectName} is not in this org: '{source.Source}' metrics are not configured."));
                continue;
            }

            results.Add(await PullRecordedAsync(source, full, progress, cancellationToken));
        }

        return results;
    }

    /// <summary>
    /// The org refused the object itself (INVALID_TYPE, NOT_FOUND): it was deleted or the integration user lost read
    /// access since the stored describe. Describe global is asked again; an optional object gone is skipped, a required
    /// one fails the pull with what to do. The watermark is kept, so the pull resumes once access is back.
    /// </summary>
    private async Task<PullResult> ObjectRefusedAsync(SourceMapping source, SalesforceApiException refused, CancellationToken cancellationToken)
    {
        if ((await ObjectsInOrgAsync(fresh: true, cancellationToken)).Contains(source.ObjectName))
        {
            throw refused;
        }

        if (!source.Optional)
        {
            throw new ObjectNotVisibleException(
                $"{source.ObjectName} (source '{source.Source}', {source.Location}) is no longer visible to the integration user ({refused.ErrorCode}): " +
                $"grant Read on {source.ObjectName} (permission set CrmSync_Integration) or remove the mapping; the rows already pulled are kept and the next pull resumes from them.",
                refused);
        }

        return Skipped(source, $"{source.ObjectName} is no longer visible to the integration user ({refused.ErrorCode}): '{source.Source}' metrics are not configured until it is.");
    }

    private static PullResult Skipped(SourceMapping source, string why) =>
        new(source.Source, source.ObjectName, false, "skipped", 0, new(0, 0, 0), 0, [why], TimeSpan.Zero);

    private async Task<HashSet<string>> ObjectsInOrgAsync(bool fresh, CancellationToken cancellationToken) =>
        (await describes.GlobalAsync(fresh, cancellationToken)).Sobjects.Select(o => o.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);

    /// <summary>Pulls one source and appends the outcome to the sync history (a failure too, then rethrows).</summary>
    private async Task<PullResult> PullRecordedAsync(SourceMapping source, bool full, IProgress<PullProgress>? progress, CancellationToken cancellationToken)
    {
        var started = clock.GetUtcNow();
        PullResult pull;
        try
        {
            try
            {
                pull = await puller.PullAsync(source, full, progress, cancellationToken);
            }
            catch (SalesforceApiException refused) when (refused.ErrorCode is "INVALID_TYPE" or "NOT_FOUND")
            {
                pull = await ObjectRefusedAsync(source, refused, cancellationToken);
                if (pull.Transport == "skipped")
                {
                    return pull;
                }
            }
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            await history.RecordAsync(new SyncHistoryEntry(source.Source, started, clock.GetUtcNow(), Succeeded: false, Error: e.Message), CancellationToken.None);
            throw;
        }

        await history.RecordAsync(
            new SyncHistoryEntry(source.Source, started, clock.GetUtcNow(), Succeeded: true, pull.Full, pull.Transport, pull.RowsRead,
                pull.Changes.Inserted, pull.Changes.Updated, pull.Changes.Deleted + pull.Reconciled),
            cancellationToken);
        return pull;
    }

    private static bool Matches(SourceMapping source, string name) =>
        string.Equals(source.Source, name, StringComparison.OrdinalIgnoreCase) || string.Equals(source.ObjectName, name, StringComparison.OrdinalIgnoreCase);
}
