using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace CrmSync.Salesforce.Rest;

/// <summary>
/// Safe pieces for building SOQL
/// (https://developer.salesforce.com/docs/atlas.en-us.soql_sosl.meta/soql_sosl/sforce_api_calls_soql_select_quotedstringescapes.htm):
/// quoted strings, date and datetime literals, and API names checked before they reach a query.
/// </summary>
public static partial class Soql
{
    /// <summary><c>O'Brien</c> → <c>'O\'Brien'</c>; backslash, quotes and control characters escaped.</summary>
    public static string Quote(string value)
    {
        var text = new StringBuilder(value.Length + 2).Append('\'');
        foreach (var c in value)
        {
            text.Append(c switch
            {
                '\\' => @"\\",
                '\'' => @"\'",
                '"' => "\\\"",
                '\n' => @"\n",
                '\r' => @"\r",
                '\t' => @"\t",
                '\b' => @"\b",
                '\f' => @"\f",
                _ => c.ToString(),
            });
        }

        return text.Append('\'').ToString();
    }

    /// <summary>A datetime literal in UTC: <c>2026-03-08T10:15:30Z</c> (unquoted, as SOQL wants).</summary>
    public static string DateTime(DateTimeOffset value) =>
        value.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>A date literal: <c>2026-03-08</c>.</summary>
    public static string Date(DateOnly value) => value.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// Returns <paramref name="name"/> when it is a valid object, field or relationship path (<c>Account.Owner.Name</c>,
    /// <c>Invoice__c</c>, <c>ns__Field__c</c>); throws otherwise, so names from configuration cannot inject SOQL.
    /// </summary>
    public static string Name(string name) =>
        ApiName().IsMatch(name) ? name : throw new ArgumentException($"'{name}' is not a valid Salesforce API name.", nameof(name));

    [GeneratedRegex(@"^[A-Za-z][A-Za-z0-9_]{0,79}(\.[A-Za-z][A-Za-z0-9_]{0,79}){0,5}$", RegexOptions.CultureInvariant)]
    private static partial Regex ApiName();
}
