using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Limits;

/// <summary>The org's API budget as this process sees it; inject it to show usage (e.g. on the dashboard).</summary>
public interface IApiBudget
{
    ApiBudgetSnapshot Snapshot { get; }
}

/// <summary>
/// One per configured org (a singleton). Every response's <c>Sforce-Limit-Info</c> updates it; before each call it
/// reserves one unit and refuses when used + in-flight + 1 would pass floor(limit × DailyApiShare).
/// </summary>
internal sealed class ApiBudget(IOptions<SalesforceOptions> options, TimeProvider clock, ILogger<ApiBudget> logger) : IApiBudget
{
    private readonly Lock _sync = new();
    private readonly double _share = options.Value.DailyApiShare;
    private readonly TimeSpan _recheckAfter = options.Value.BudgetRecheckInterval;
    private long _used;
    private long? _limit;
    private long _inFlight;
    private long _callsMade;
    private DateTimeOffset? _reportedAt;
    private ApiBudgetStopReason _stopReason;
    private DateTimeOffset _stoppedAt;

    public ApiBudgetSnapshot Snapshot
    {
        get
        {
            lock (_sync)
            {
                return TakeSnapshot();
            }
        }
    }

    private long? Allowed => _limit is { } limit ? (long)Math.Floor(limit * _share) : null;

    /// <summary>
    /// Reserves one call or throws <see cref="ApiBudgetExceededException"/>. Once stopped, one probe call is let
    /// through every <c>BudgetRecheckInterval</c> to learn whether the rolling 24-hour usage went down.
    /// </summary>
    public void Reserve()
    {
        lock (_sync)
        {
            var probe = _stopReason != ApiBudgetStopReason.None && _inFlight == 0
                && clock.GetUtcNow() - _stoppedAt >= _recheckAfter;
            if (probe)
            {
                _stopReason = ApiBudgetStopReason.None;
            }
            else if (_stopReason == ApiBudgetStopReason.None && Allowed is { } allowed && _used + _inFlight + 1 > allowed)
            {
                Stop(ApiBudgetStopReason.DailyShareReached);
                LimitsLog.ShareReached(logger, _used, _limit ?? 0, _share);
            }

            if (_stopReason != ApiBudgetStopReason.None)
            {
                throw new ApiBudgetExceededException(TakeSnapshot());
            }

            _inFlight++;
            _callsMade++;
        }
    }

    /// <summary>Ends a reservation and records what Salesforce reported, if it did.</summary>
    public void Complete(long? used, long? limit)
    {
        lock (_sync)
        {
            _inFlight = Math.Max(0, _inFlight - 1);
            if (used is { } u && limit is { } l)
            {
                _used = u;
                _limit = l;
                _reportedAt = clock.GetUtcNow();
            }
        }
    }

    public ApiBudgetExceededException RequestLimitExceeded()
    {
        lock (_sync)
        {
            Stop(ApiBudgetStopReason.RequestLimitExceeded);
            LimitsLog.RequestLimitExceeded(logger, _used, _limit ?? 0);
            return new ApiBudgetExceededException(TakeSnapshot(), System.Net.HttpStatusCode.Forbidden);
        }
    }

    private ApiBudgetSnapshot TakeSnapshot() =>
        new(_used, _limit, Allowed, _share, _callsMade, _reportedAt, _stopReason);

    private void Stop(ApiBudgetStopReason reason)
    {
        _stopReason = reason;
        _stoppedAt = clock.GetUtcNow();
    }
}
