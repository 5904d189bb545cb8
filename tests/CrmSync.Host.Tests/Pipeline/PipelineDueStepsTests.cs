using CrmSync.Host.Pipeline;

namespace CrmSync.Host.Tests.Pipeline;

/// <summary>Which steps a claim hands out: every sync at once, then compute once all are done, then write-back.</summary>
public sealed class PipelineDueStepsTests
{
    [Fact]
    public void Pending_syncs_are_due_together_and_compute_waits_for_them()
    {
        var steps = Steps(("sync:account", "pending"), ("sync:deal", "pending"), ("compute", "pending"), ("writeback", "pending"));

        Assert.Equal(["sync:account", "sync:deal"], PipelineStore.DueSteps(steps));
    }

    [Fact]
    public void Compute_is_not_due_while_a_sync_runs_or_has_failed()
    {
        Assert.Empty(PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("sync:deal", "running"), ("compute", "pending"), ("writeback", "pending"))));
        Assert.Empty(PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("sync:deal", "failed"), ("compute", "pending"), ("writeback", "pending"))));
    }

    [Fact]
    public void Compute_follows_finished_or_skipped_syncs_and_write_back_follows_compute()
    {
        Assert.Equal(["compute"], PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("sync:survey", "skipped"), ("compute", "pending"), ("writeback", "pending"))));
        Assert.Empty(PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("compute", "enqueued"), ("writeback", "pending"))));
        Assert.Equal(["writeback"], PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("compute", "succeeded"), ("writeback", "pending"))));
        Assert.Empty(PipelineStore.DueSteps(Steps(("sync:account", "succeeded"), ("compute", "succeeded"), ("writeback", "running"))));
    }

    [Fact]
    public void The_as_of_of_a_run_without_one_is_rounded_as_configured()
    {
        var now = new DateTimeOffset(2026, 11, 23, 17, 42, 5, TimeSpan.FromHours(1));

        Assert.Equal(new DateTimeOffset(2026, 11, 23, 0, 0, 0, TimeSpan.Zero), PipelineAsOf.Resolve(now, "day"));
        Assert.Equal(new DateTimeOffset(2026, 11, 23, 16, 0, 0, TimeSpan.Zero), PipelineAsOf.Resolve(now, "hour"));
        Assert.Equal(now, PipelineAsOf.Resolve(now, "now"));
        Assert.False(PipelineAsOf.IsKnown("week"));
    }

    private static List<PipelineStepInfo> Steps(params (string Step, string Status)[] steps) =>
        [.. steps.Select(s => new PipelineStepInfo(s.Step, s.Status, null, null, 0, null, "{}", null))];
}
