using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging;

namespace CrmSync.Benchmarks;

/// <summary>
/// Where a first load's time goes, read off the log events the sync writes anyway: before its first
/// row (describes, COUNT, the Bulk job until its first page), rows in (fetch, convert, COPY), the
/// index rebuild with the commit, and what follows (the sync history).
/// </summary>
internal sealed class SyncPhaseClock : ILoggerProvider, ILogger
{
    private const int FirstLoadStarted = 1201;
    private const int RebuildingIndexes = 1202;
    private const int FirstLoadCommitted = 1203;

    private readonly Dictionary<int, long> seen = [];
    private long started;

    public void Start()
    {
        lock (seen)
        {
            seen.Clear();
            started = Stopwatch.GetTimestamp();
        }
    }

    /// <summary>"before first row / rows in / indexes + commit / after", in seconds.</summary>
    public string Phases()
    {
        lock (seen)
        {
            var end = Stopwatch.GetTimestamp();
            if (!seen.TryGetValue(FirstLoadStarted, out var first) || !seen.TryGetValue(RebuildingIndexes, out var copied) || !seen.TryGetValue(FirstLoadCommitted, out var committed))
            {
                return "(not a one-transaction load)";
            }

            return string.Create(CultureInfo.InvariantCulture,
                $"{Seconds(started, first):0.00} / {Seconds(first, copied):0.00} / {Seconds(copied, committed):0.00} / {Seconds(committed, end):0.00}");
        }
    }

    public ILogger CreateLogger(string categoryName) => this;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
    {
        if (eventId.Id is FirstLoadStarted or RebuildingIndexes or FirstLoadCommitted)
        {
            lock (seen)
            {
                seen[eventId.Id] = Stopwatch.GetTimestamp();
            }
        }
    }

    public bool IsEnabled(LogLevel logLevel) => true;

    public IDisposable? BeginScope<TState>(TState state)
        where TState : notnull => null;

    public void Dispose()
    {
    }

    private static double Seconds(long from, long to) => Stopwatch.GetElapsedTime(from, to).TotalSeconds;
}
