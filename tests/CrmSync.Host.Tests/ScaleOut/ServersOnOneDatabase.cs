using System.Globalization;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Host.Web;
using Hangfire;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace CrmSync.Host.Tests.ScaleOut;

/// <summary>
/// Two real <c>crmsync serve</c> processes on one database, and a third in-process host that only watches and
/// enqueues (it listens on a queue nothing is sent to).
/// </summary>
internal sealed class ServersOnOneDatabase : IAsyncDisposable
{
    private ServersOnOneDatabase(ServeProcess first, ServeProcess second, WebApplication observer) =>
        (First, Second, Observer) = (first, second, observer);

    public ServeProcess First { get; }

    public ServeProcess Second { get; }

    public WebApplication Observer { get; }

    public JobStorage Storage => Observer.Services.GetRequiredService<JobStorage>();

    public string Logs => First.Log + Second.Log;

    public static async Task<ServersOnOneDatabase> StartAsync(Dictionary<string, string?> settings, TimeSpan timeout)
    {
        var first = await ServeProcess.StartAsync(settings, timeout);
        var second = await ServeProcess.StartAsync(settings, timeout);
        var observer = await CrmSyncWebApplication.BuildAsync(
            [.. settings, new("Jobs:Queues:0", "observer"), new("Logging:LogLevel:Default", "Warning")], "http://127.0.0.1:0", CancellationToken.None);
        await observer.StartAsync();
        return new ServersOnOneDatabase(first, second, observer);
    }

    /// <summary>The pulls recorded in <c>crmsync.sync_history</c> (source, process, start, end, outcome); fails if one source's pulls overlap.</summary>
    public static async Task<List<string[]>> PullsNeverOverlappingAsync(string database)
    {
        var pulls = await PipelineRunTests.QueryAsync(database,
            "SELECT source, process, started_at, finished_at, outcome FROM crmsync.sync_history ORDER BY source, started_at");
        foreach (var bySource in pulls.GroupBy(p => p[0]))
        {
            var spans = bySource.Select(p => (Start: DateTimeOffset.Parse(p[2], CultureInfo.InvariantCulture), End: DateTimeOffset.Parse(p[3], CultureInfo.InvariantCulture))).ToList();
            for (var i = 1; i < spans.Count; i++)
            {
                Assert.True(spans[i - 1].End <= spans[i].Start, $"{bySource.Key} was pulled twice at once: {spans[i - 1]} and {spans[i]}");
            }
        }

        return pulls;
    }

    public async ValueTask DisposeAsync()
    {
        await Observer.DisposeAsync();
        await Second.DisposeAsync();
        await First.DisposeAsync();
    }
}
