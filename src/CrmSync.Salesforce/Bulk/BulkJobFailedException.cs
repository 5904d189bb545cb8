using CrmSync.Salesforce.Errors;

namespace CrmSync.Salesforce.Bulk;

/// <summary>A Bulk job ended <c>Failed</c> or <c>Aborted</c>; <see cref="Job"/> carries Salesforce's <c>errorMessage</c>.</summary>
public sealed class BulkJobFailedException(BulkJobInfo job)
    : SalesforceException(
        job.State == BulkJobStates.Aborted ? "BULK_JOB_ABORTED" : "BULK_JOB_FAILED",
        null,
        $"Bulk job {job.Id} ({job.Operation} {job.Object}) ended {job.State}: {job.ErrorMessage ?? "no error message"}")
{
    public BulkJobInfo Job { get; } = job;
}
