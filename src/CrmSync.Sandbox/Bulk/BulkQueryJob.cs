using CrmSync.Sandbox.Soql;

namespace CrmSync.Sandbox.Bulk;

internal sealed class BulkQueryJob(string id, string operation, string objectName, long createdMillis, QueryResult result)
    : BulkJob(id, operation, objectName, createdMillis)
{
    public QueryResult Result { get; } = result;
}
