using CrmSync.Integration.Tests.Metrics.Recompute;
using Npgsql;

namespace CrmSync.Integration.Tests.Metrics;

public sealed record AccountRecord(string Id, string Segment, DateTime? CreatedAt);

public sealed record DealRecord(string Id, string? AccountId, decimal? Amount, DateOnly? CloseDate, bool IsClosed, bool IsWon, string? Type);

public sealed record CaseRecord(string Id, string? AccountId, DateTime? CreatedAt, DateTime? ClosedAt, bool IsClosed, DateTime? FirstResponseAt, bool FirstContactResolution);

public sealed record SurveyRecord(string Id, string? AccountId, string? Type, decimal? Score, DateTime? RespondedAt);

/// <summary>A Task (<see cref="Completed"/> = IsClosed) or an Event (always completed).</summary>
public sealed record ActivityRecord(string Id, string? AccountId, DateOnly? Date, bool Completed);

public sealed record InvoiceRecord(string Id, string? AccountId, DateOnly? InvoiceDate, DateOnly? PaidDate);

public sealed record UsageRecord(string Id, string? AccountId, DateOnly? UsageDate);

public sealed record ContactRecord(string Id, string? AccountId);

public sealed record MemberRecord(string Id, string? ContactId, bool HasResponded, DateTime? CreatedAt, DateOnly? FirstRespondedDate);

public sealed record LeadRecord(string Id, DateTime? CreatedAt, bool IsConverted, DateOnly? ConvertedDate);

/// <summary>Every synced row the metrics read, as plain records (crmsync.sf_*, logical column names).</summary>
public sealed record SyncedOrg(IReadOnlyList<AccountRecord> Accounts, IReadOnlyList<ContactRecord> Contacts, IReadOnlyList<LeadRecord> Leads, RecordSet Records)
{
    public static async Task<SyncedOrg> ReadAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var tasks = await ReadAsync(connection, "SELECT id, account_id, activity_date, is_closed FROM crmsync.sf_task",
            r => new ActivityRecord(r.Text(0)!, r.Text(1), r.Date(2), r.Flag(3)));
        var events = await ReadAsync(connection, "SELECT id, account_id, activity_date FROM crmsync.sf_event",
            r => new ActivityRecord(r.Text(0)!, r.Text(1), r.Date(2), Completed: true));
        var records = new RecordSet(
            await ReadAsync(connection, "SELECT id, account_id, amount, close_date, is_closed, is_won, type FROM crmsync.sf_deal",
                r => new DealRecord(r.Text(0)!, r.Text(1), r.Number(2), r.Date(3), r.Flag(4), r.Flag(5), r.Text(6))),
            await ReadAsync(connection, "SELECT id, account_id, created_at, closed_at, is_closed, first_response_at, first_contact_resolution FROM crmsync.sf_case",
                r => new CaseRecord(r.Text(0)!, r.Text(1), r.Instant(2), r.Instant(3), r.Flag(4), r.Instant(5), r.Flag(6))),
            await ReadAsync(connection, "SELECT id, account_id, type, score, responded_at FROM crmsync.sf_survey",
                r => new SurveyRecord(r.Text(0)!, r.Text(1), r.Text(2), r.Number(3), r.Instant(4))),
            [.. tasks, .. events],
            await ReadAsync(connection, "SELECT id, account_id, invoice_date, paid_date FROM crmsync.sf_invoice",
                r => new InvoiceRecord(r.Text(0)!, r.Text(1), r.Date(2), r.Date(3))),
            await ReadAsync(connection, "SELECT id, account_id, usage_date FROM crmsync.sf_product_usage",
                r => new UsageRecord(r.Text(0)!, r.Text(1), r.Date(2))),
            await ReadAsync(connection, "SELECT id, contact_id, has_responded, created_at, first_responded_date FROM crmsync.sf_campaign_member",
                r => new MemberRecord(r.Text(0)!, r.Text(1), r.Flag(2), r.Instant(3), r.Date(4))));
        return new SyncedOrg(
            await ReadAsync(connection, "SELECT id, segment, created_at FROM crmsync.sf_account",
                r => new AccountRecord(r.Text(0)!, SegmentOf(r.Text(1)), r.Instant(2))),
            await ReadAsync(connection, "SELECT id, account_id FROM crmsync.sf_contact", r => new ContactRecord(r.Text(0)!, r.Text(1))),
            await ReadAsync(connection, "SELECT id, created_at, is_converted, converted_date FROM crmsync.sf_lead",
                r => new LeadRecord(r.Text(0)!, r.Instant(1), r.Flag(2), r.Date(3))),
            records);
    }

    /// <summary>The segment as the README reads it: trimmed; empty or null is "(none)".</summary>
    private static string SegmentOf(string? value) => string.IsNullOrWhiteSpace(value) ? "(none)" : value.Trim();

    private static async Task<List<T>> ReadAsync<T>(NpgsqlConnection connection, string sql, Func<NpgsqlDataReader, T> read)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<T>();
        while (await reader.ReadAsync())
        {
            rows.Add(read(reader));
        }

        return rows;
    }
}

/// <summary>Nullable column reads by position.</summary>
internal static class RowReading
{
    public static string? Text(this NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetString(column);

    public static decimal? Number(this NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetDecimal(column);

    public static DateOnly? Date(this NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateOnly>(column);

    public static DateTime? Instant(this NpgsqlDataReader reader, int column) => reader.IsDBNull(column) ? null : reader.GetFieldValue<DateTime>(column);

    /// <summary>A checkbox: null reads as false.</summary>
    public static bool Flag(this NpgsqlDataReader reader, int column) => !reader.IsDBNull(column) && reader.GetBoolean(column);
}
