using CrmSync.WriteBack.Ledger;
using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Transport;

/// <summary>The answers for a group of records sent together, handed over as soon as they are known.</summary>
public delegate Task AnswersReceived(IReadOnlyList<(RecordChange Change, RecordResult Result)> answers, CancellationToken cancellationToken);

/// <summary>Sends record changes to Salesforce and reports one result per record.</summary>
public interface IWriteTransport
{
    /// <summary>How it sends, for the report (e.g. <c>collections</c>).</summary>
    string Name { get; }

    Task SendAsync(TargetPlan target, IReadOnlyList<RecordChange> changes, AnswersReceived answered, CancellationToken cancellationToken);
}
