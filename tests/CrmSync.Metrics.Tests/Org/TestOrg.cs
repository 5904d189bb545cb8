using System.Globalization;

namespace CrmSync.Metrics.Tests.Org;

/// <summary>
/// A tiny org written straight into the synced tables (crmsync.sf_*, logical column names), with
/// defaults for everything a test does not care about. Dates are "yyyy-MM-dd", instants
/// "yyyy-MM-ddTHH:mm" (UTC). Every source counts as pulled completely unless <see cref="Without"/>.
/// </summary>
public sealed class TestOrg
{
    public static readonly IReadOnlyList<string> Sources =
        ["account", "campaign", "campaign_member", "case", "contact", "deal", "event", "invoice", "lead", "product_usage", "survey", "task"];

    private readonly List<SyncedRow> rows = [];
    private readonly HashSet<string> unconfigured = [];
    private int nextId;

    public IReadOnlyList<SyncedRow> Rows => rows;

    public IEnumerable<string> ConfiguredSources => Sources.Where(s => !unconfigured.Contains(s));

    /// <summary>The source has never been pulled completely (no sync_state row): its metrics are "not configured".</summary>
    public TestOrg Without(string source)
    {
        unconfigured.Add(source);
        return this;
    }

    public TestOrg Account(string id, string? segment = null, string? created = "2020-01-01T00:00") =>
        Add("account", id, ("name", "Account " + id), ("segment", segment), ("created_at", Instant(created)));

    /// <summary>Many accounts at once: ids prefix1, prefix2, … prefixN.</summary>
    public TestOrg Accounts(string prefix, int count, string? segment = null)
    {
        for (var i = 1; i <= count; i++)
        {
            Account(prefix + i.ToString(CultureInfo.InvariantCulture), segment);
        }

        return this;
    }

    public TestOrg Won(string? account, string? closed, decimal? amount, string type = "New Customer") =>
        Deal(account, closed, amount, isClosed: true, isWon: true, type);

    public TestOrg Lost(string account, string closed, decimal? amount = 500) =>
        Deal(account, closed, amount, isClosed: true, isWon: false, "New Customer");

    public TestOrg Open(string account, string? closes = "2026-12-15", decimal? amount = 700) =>
        Deal(account, closes, amount, isClosed: false, isWon: false, "New Customer");

    /// <summary>A case; it is closed when it has a closed instant, unless <paramref name="isClosed"/> says otherwise.</summary>
    public TestOrg Case(
        string? account, string created, string? closed = null, string? firstResponse = null, bool firstContactResolution = false, bool? isClosed = null) =>
        Add("case", NewId("500"), ("account_id", account), ("created_at", Instant(created)), ("closed_at", Instant(closed)),
            ("is_closed", isClosed ?? closed is not null), ("status", (isClosed ?? closed is not null) ? "Closed" : "New"),
            ("first_response_at", Instant(firstResponse)), ("first_contact_resolution", firstContactResolution));

    public TestOrg Task(string? account, string? date, bool completed = true) =>
        Add("task", NewId("00T"), ("account_id", account), ("activity_date", Date(date)), ("is_closed", completed), ("status", completed ? "Completed" : "Not Started"));

    public TestOrg Event(string? account, string? date) =>
        Add("event", NewId("00U"), ("account_id", account), ("activity_date", Date(date)));

    public TestOrg Survey(string? account, string type, decimal? score, string? respondedAt) =>
        Add("survey", NewId("a0S"), ("account_id", account), ("type", type), ("score", score), ("responded_at", Instant(respondedAt)));

    public TestOrg Invoice(string? account, string? invoiced, string? paid, decimal amount = 1000) =>
        Add("invoice", NewId("a0I"), ("account_id", account), ("invoice_date", Date(invoiced)), ("paid_date", Date(paid)), ("amount", amount));

    public TestOrg Usage(string? account, string date) =>
        Add("product_usage", NewId("a0U"), ("account_id", account), ("usage_date", Date(date)), ("events", 5m));

    /// <summary>Usage on <paramref name="days"/> consecutive days from <paramref name="first"/>.</summary>
    public TestOrg UsageDays(string account, string first, int days)
    {
        var day = DateOnly.ParseExact(first, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        for (var i = 0; i < days; i++)
        {
            Usage(account, day.AddDays(i).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        }

        return this;
    }

    public TestOrg Contact(string id, string? account) => Add("contact", id, ("account_id", account));

    /// <summary>A campaign member: a contact's (or, with a null contact, a lead's) membership added at <paramref name="added"/>.</summary>
    public TestOrg Member(string? contact, string added, bool responded = false, string? respondedOn = null) =>
        Add("campaign_member", NewId("00v"), ("campaign_id", "701-1"), ("contact_id", contact), ("lead_id", contact is null ? "00Q-x" : null),
            ("has_responded", responded), ("created_at", Instant(added)), ("first_responded_date", Date(respondedOn)));

    public TestOrg Lead(string created, bool converted = false, string? convertedOn = null) =>
        Add("lead", NewId("00Q"), ("created_at", Instant(created)), ("is_converted", converted), ("converted_date", Date(convertedOn)));

    private TestOrg Deal(string? account, string? closed, decimal? amount, bool isClosed, bool isWon, string type) =>
        Add("deal", NewId("006"), ("account_id", account), ("amount", amount), ("close_date", Date(closed)), ("is_closed", isClosed),
            ("is_won", isWon), ("stage", isWon ? "Closed Won" : isClosed ? "Closed Lost" : "Prospecting"), ("type", type),
            ("created_at", Instant("2020-01-01T00:00")));

    private TestOrg Add(string source, string id, params (string Column, object? Value)[] columns)
    {
        rows.Add(new SyncedRow(source, id, columns));
        return this;
    }

    private string NewId(string prefix) => $"{prefix}-{++nextId}";

    private static DateOnly? Date(string? text) =>
        text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateTime? Instant(string? text) =>
        text is null ? null : DateTime.ParseExact(text, "yyyy-MM-dd'T'HH:mm", CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
}

/// <summary>One record of a synced table: its source, Id and logical columns.</summary>
public sealed record SyncedRow(string Source, string Id, IReadOnlyList<(string Column, object? Value)> Columns);
