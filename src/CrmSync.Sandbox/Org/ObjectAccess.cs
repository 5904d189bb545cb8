using System.Collections.Frozen;

namespace CrmSync.Sandbox.Org;

/// <summary>
/// What the integration user may see and edit of one object. Full access unless a schema fault rule (a field
/// deleted, a permission removed) says otherwise; the API endpoints consult it, the org's own generation does not.
/// </summary>
internal sealed class ObjectAccess
{
    private static readonly FrozenSet<string> None = FrozenSet<string>.Empty;

    private volatile Rights current = new(false, None, None, false);

    /// <summary>The object is not visible at all: not in describe global, INVALID_TYPE in queries and writes.</summary>
    public bool Hidden => current.Hidden;

    public bool CanRead(string field) => !current.HiddenFields.Contains(field);

    public bool CanEdit(string field) => !current.AllReadOnly && !current.ReadOnlyFields.Contains(field);

    public void Set(bool hidden, IEnumerable<string> hiddenFields, IEnumerable<string> readOnlyFields, bool allReadOnly) =>
        current = new Rights(hidden, hiddenFields.ToFrozenSet(StringComparer.OrdinalIgnoreCase), readOnlyFields.ToFrozenSet(StringComparer.OrdinalIgnoreCase), allReadOnly);

    private sealed record Rights(bool Hidden, FrozenSet<string> HiddenFields, FrozenSet<string> ReadOnlyFields, bool AllReadOnly);
}
