using CrmSync.Sandbox.Generation;

namespace CrmSync.Sandbox.Faults;

/// <summary>Applies the current <see cref="FaultSpec"/>; decisions hash (seed, rule, sequence number) so they repeat run to run.</summary>
internal sealed class FaultInjector(int seed, FaultSpec spec)
{
    private long recordSequence;

    public FaultSpec Spec { get; set; } = spec;

    public bool Unavailable(long call) => Hit(1, call, Spec.Unavailable);

    public bool Truncate(long call) => Hit(2, call, Spec.Truncate);

    public TimeSpan? Delay(long call) => Hit(3, call, Spec.Slow) ? Spec.SlowBy : null;

    public bool LimitExceeded(long call) => call > Spec.LimitAfterCalls;

    /// <summary>Decides for the next written record whether it fails UNABLE_TO_LOCK_ROW.</summary>
    public bool LockRow() => Spec.LockRow > 0 && Hit(4, Interlocked.Increment(ref recordSequence), Spec.LockRow);

    private bool Hit(ulong rule, long sequence, double share)
    {
        if (share <= 0)
        {
            return false;
        }
        var hash = DeterministicRandom.Mix(DeterministicRandom.Mix((ulong)seed * 31 + rule) ^ (ulong)sequence);
        return (hash >> 11) * (1.0 / (1UL << 53)) < share;
    }
}
