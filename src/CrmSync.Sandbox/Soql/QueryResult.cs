using CrmSync.Sandbox.Org;

namespace CrmSync.Sandbox.Soql;

/// <summary>
/// An evaluated query: the matching rows in order, fixed when the query ran. Pages (REST locator,
/// Bulk results) slice it instead of re-running the query, so paging a million rows stays linear.
/// </summary>
internal sealed record QueryResult(ObjectTable Table, IReadOnlyList<Column> Columns, int[] Rows, bool IsCount)
{
    public int TotalSize => Rows.Length;
}
