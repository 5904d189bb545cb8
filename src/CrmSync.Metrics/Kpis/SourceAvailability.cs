namespace CrmSync.Metrics.Kpis;

/// <summary>
/// Which logical sources can feed metrics: mapped (with their mapped fields) and pulled completely
/// at least once. An optional object absent from the org is mapped but never pulled; a mapped field
/// the org lacked at the last pull (<paramref name="goneFromOrg"/>) feeds nothing.
/// </summary>
public sealed class SourceAvailability(
    IReadOnlyDictionary<string, IReadOnlySet<string>> mappedFields,
    IReadOnlySet<string> pulledSources,
    IReadOnlyDictionary<string, IReadOnlySet<string>>? goneFromOrg = null)
{
    public bool Has(string source, string field) =>
        pulledSources.Contains(source) && mappedFields.TryGetValue(source, out var fields) && fields.Contains(field)
        && !(goneFromOrg?.GetValueOrDefault(source)?.Contains(field) ?? false);

    public bool Has(string source) => pulledSources.Contains(source) && mappedFields.ContainsKey(source);

    public IReadOnlyList<string> Sources => mappedFields.Keys.Where(Has).Order(StringComparer.Ordinal).ToList();
}
