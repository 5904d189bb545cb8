using System.Globalization;
using System.Text.RegularExpressions;

namespace CrmSync.Sandbox.Faults;

/// <summary>How the org changes under the integration user.</summary>
public enum SchemaChange
{
    /// <summary>An admin deleted the field: gone from describe, INVALID_FIELD in queries and writes.</summary>
    DropField,

    /// <summary>Read access removed from an object (gone from describe global, INVALID_TYPE) or from one field (as if deleted).</summary>
    RevokeRead,

    /// <summary>Edit access removed from a field (or every field of an object): describe says not updateable, writes fail INVALID_FIELD_FOR_INSERT_UPDATE.</summary>
    RevokeEdit,
}

/// <summary>
/// A schema fault rule, <c>drop-field=Opportunity.Amount@40</c>: the change happens once <see cref="AfterCalls"/>
/// further API calls have been answered, counted from when the rule was set (at start, or by PUT /__sandbox/faults).
/// </summary>
public sealed partial record SchemaRule(SchemaChange Change, string Object, string? Field, long AfterCalls)
{
    public static string RuleName(SchemaChange change) => change switch
    {
        SchemaChange.DropField => "drop-field",
        SchemaChange.RevokeRead => "revoke-read",
        _ => "revoke-edit",
    };

    /// <summary>Parses <c>Object[.Field][@N]</c>; throws <see cref="FormatException"/> naming the rule.</summary>
    public static SchemaRule Parse(SchemaChange change, string rule, string value)
    {
        var match = Target().Match(value);
        if (!match.Success || (change == SchemaChange.DropField && !match.Groups["field"].Success))
        {
            var shape = change == SchemaChange.DropField ? "Object.Field" : "Object or Object.Field";
            throw new FormatException($"Fault rule '{rule}' must be {RuleName(change)}={shape}[@CALLS], e.g. {RuleName(change)}=Opportunity.Amount@40.");
        }
        var after = match.Groups["after"].Success ? long.Parse(match.Groups["after"].Value, CultureInfo.InvariantCulture) : 0;
        return new SchemaRule(change, match.Groups["object"].Value, match.Groups["field"].Success ? match.Groups["field"].Value : null, after);
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{RuleName(Change)}={Object}{(Field is null ? "" : "." + Field)}@{AfterCalls}");

    [GeneratedRegex(@"^(?<object>[A-Za-z][A-Za-z0-9_]*)(\.(?<field>[A-Za-z][A-Za-z0-9_]*))?(@(?<after>[0-9]{1,9}))?$")]
    private static partial Regex Target();
}
