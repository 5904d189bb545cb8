using System.Globalization;

namespace CrmSync.Host.Dashboard;

/// <summary>The page's pipeline and write-back sections.</summary>
internal sealed partial class CrmSyncPage
{
    private void WritePipeline(PipelineView pipeline)
    {
        WriteLiteral("""<h3>Pipeline</h3>""");
        if (!IsReadOnly && pipeline.Scheduled)
        {
            WriteLiteral($"""
                <p><button id="crmsync-run-pipeline" class="btn btn-sm btn-primary" data-ajax="{E(Url.To(CrmSyncDashboardRoutes.RunPipelinePath))}" data-loading-text="Starting…">Run pipeline now</button>
                <span class="text-muted">sync every object → compute KPIs and CLV → write back what changed; one run at a time</span></p>
                """);
        }

        if (pipeline.Runs.Count == 0)
        {
            WriteLiteral("""<p id="crmsync-pipeline">No pipeline has run yet.</p>""");
            return;
        }

        WriteLiteral("""
            <div class="table-responsive"><table id="crmsync-pipeline-runs" class="table table-condensed">
            <thead><tr><th>Run</th><th>Status</th><th>Trigger</th><th>As of</th><th>Started</th><th>Finished</th><th>Error</th></tr></thead><tbody>
            """);
        foreach (var run in pipeline.Runs)
        {
            WriteLiteral($"""
                <tr data-run="{run.Id}"><td>{run.Id}</td><td class="crmsync-pipeline-status">{E(run.Status)}</td><td>{E(run.Trigger)}</td><td>{Instant(run.AsOf)}</td><td>{Instant(run.StartedAt)}</td><td>{Instant(run.FinishedAt)}</td><td>{E(run.Error)}</td></tr>
                """);
        }

        WriteLiteral($"""
            </tbody></table></div>
            <h4>Steps of run {pipeline.Runs[0].Id}</h4>
            <div class="table-responsive"><table id="crmsync-pipeline-steps" class="table table-condensed">
            <thead><tr><th>Step</th><th>Status</th><th>Attempts</th><th>Job</th><th>Started</th><th>Finished</th><th>Summary</th></tr></thead><tbody>
            """);
        foreach (var step in pipeline.Steps)
        {
            var job = step.JobId is null ? "–" : $"""<a href="{E(Url.JobDetails(step.JobId))}">#{E(step.JobId)}</a>""";
            WriteLiteral($"""
                <tr data-step="{E(step.Step)}"><td>{E(step.Step)}</td><td>{E(step.Status)}</td><td>{step.Attempts}</td><td>{job}</td><td>{Instant(step.StartedAt)}</td><td>{Instant(step.FinishedAt)}</td><td>{E(step.Error ?? step.Summary)}</td></tr>
                """);
        }

        WriteLiteral("</tbody></table></div>");
    }

    private void WriteWriteBack(WriteBackStatus writeBack)
    {
        WriteLiteral("""<h3>Write-back</h3>""");
        if (writeBack.Runs.Count == 0)
        {
            WriteLiteral("""<p id="crmsync-writeback">Nothing written back yet.</p>""");
        }
        else
        {
            WriteLiteral("""
                <div class="table-responsive"><table id="crmsync-writeback" class="table table-condensed">
                <thead><tr><th>Write run</th><th>Metric run</th><th>Status</th><th>Started</th><th>Seconds</th><th>API calls</th><th>Records by outcome</th><th>Errors by code</th></tr></thead><tbody>
                """);
            foreach (var run in writeBack.Runs)
            {
                var seconds = run.ElapsedMs is { } ms ? (ms / 1000.0).ToString("0.0", CultureInfo.InvariantCulture) : "–";
                WriteLiteral($"""
                    <tr data-write-run="{run.Id}"><td>{run.Id}{(run.DryRun ? " (dry run)" : string.Empty)}</td><td>{run.MetricRunId}</td><td>{E(run.Status)}</td><td>{Instant(run.StartedAt)}</td><td>{seconds}</td><td>{run.ApiCalls}</td><td>{E(Pairs(run.Outcomes))}</td><td>{E(Pairs(run.ErrorCodes))}{(run.Error is null ? string.Empty : " " + E(run.Error))}</td></tr>
                    """);
            }

            WriteLiteral("</tbody></table></div>");
        }

        WriteLiteral($"""<h4>Records not written ({Number(writeBack.ErrorCount)})</h4>""");
        if (writeBack.Errors.Count == 0)
        {
            WriteLiteral("""<p id="crmsync-write-errors">None: every record of the last runs was written or unchanged.</p>""");
            return;
        }

        WriteLiteral("""
            <div class="table-responsive"><table id="crmsync-write-errors" class="table table-condensed">
            <thead><tr><th>Object</th><th>Record</th><th>Fields</th><th>Code</th><th>Message</th><th>Retried</th><th>Attempts</th><th>Last failed</th><th>Next retry</th></tr></thead><tbody>
            """);
        foreach (var error in writeBack.Errors)
        {
            WriteLiteral($"""
                <tr><td>{E(error.ObjectName)}</td><td>{E(error.Record)}</td><td>{E(error.Fields)}</td><td>{E(error.Code)}</td><td>{E(error.Message)}</td><td>{(error.Retryable ? "yes" : "no: waits for other values")}</td><td>{error.Attempts}</td><td>{Instant(error.LastFailedAt)}</td><td>{Instant(error.NextRetryAt)}</td></tr>
                """);
        }

        WriteLiteral("</tbody></table></div>");
        if (writeBack.ErrorCount > writeBack.Errors.Count)
        {
            WriteLiteral($"""<p>The newest {writeBack.Errors.Count} of {Number(writeBack.ErrorCount)}; all of them are in <code>crmsync.write_error</code>.</p>""");
        }
    }

    private static string Pairs(IReadOnlyList<KeyValuePair<string, long>> pairs) =>
        pairs.Count == 0 ? "–" : string.Join(", ", pairs.Select(p => $"{p.Key} {p.Value.ToString("N0", CultureInfo.InvariantCulture)}"));
}
