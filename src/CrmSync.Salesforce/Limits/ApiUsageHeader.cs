using System.Globalization;

namespace CrmSync.Salesforce.Limits;

/// <summary>
/// Parses <c>Sforce-Limit-Info: api-usage=25/15000</c>
/// (https://developer.salesforce.com/docs/atlas.en-us.api_rest.meta/api_rest/headers_api_usage.htm).
/// </summary>
internal static class ApiUsageHeader
{
    public const string Name = "Sforce-Limit-Info";

    public static bool TryParse(HttpResponseMessage response, out long used, out long limit)
    {
        used = limit = 0;
        if (!response.Headers.TryGetValues(Name, out var values))
        {
            return false;
        }

        foreach (var value in values)
        {
            foreach (var part in value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
            {
                if (TryParsePart(part, out used, out limit))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static bool TryParsePart(string part, out long used, out long limit)
    {
        used = limit = 0;
        const string prefix = "api-usage=";
        if (!part.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        var numbers = part[prefix.Length..].Split('/');
        return numbers.Length == 2
            && long.TryParse(numbers[0], NumberStyles.None, CultureInfo.InvariantCulture, out used)
            && long.TryParse(numbers[1], NumberStyles.None, CultureInfo.InvariantCulture, out limit);
    }
}
