using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;

namespace CrmSync.Sync.Tests.Pull;

public sealed class SalesforceTextTests
{
    [Theory]
    [InlineData("2026-03-08T10:15:30.000Z", "2026-03-08T10:15:30.0000000Z")]
    [InlineData("2026-03-08T10:15:30.123+0000", "2026-03-08T10:15:30.1230000Z")]
    [InlineData("2024-02-29T23:59:59.999Z", "2024-02-29T23:59:59.9990000Z")]
    [InlineData("2026-01-02T03:04:05.000-0200", "2026-01-02T05:04:05.0000000Z")]
    [InlineData("2026-01-02T03:04:05+01:00", "2026-01-02T02:04:05.0000000Z")]
    public void Datetimes_in_every_layout_salesforce_writes_are_read_as_utc(string text, string utc)
    {
        Assert.True(SalesforceText.TryParseDateTime(text, out var value));
        Assert.Equal(DateTimeKind.Utc, value.Kind);
        Assert.Equal(utc, value.ToString("O", System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("2026-02-30T10:15:30.000Z")]
    [InlineData("2026-13-01T10:15:30.000Z")]
    [InlineData("2026-03-08T24:00:00.000Z")]
    [InlineData("yesterday")]
    public void Text_that_is_no_datetime_is_refused(string text) => Assert.False(SalesforceText.TryParseDateTime(text, out _));

    [Theory]
    [InlineData("2026-03-08", true)]
    [InlineData("2024-02-29", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("0000-01-01", false)]
    [InlineData("08/03/2026", false)]
    [InlineData("2026-3-8", false)]
    public void Dates_are_read_in_their_one_layout_only(string text, bool valid)
    {
        Assert.Equal(valid, SalesforceText.TryParseDate(text, out var value));
        if (valid)
        {
            Assert.Equal(DateOnly.ParseExact(text, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), value);
        }
    }

    [Fact]
    public void Values_take_their_column_type_and_misfits_give_null()
    {
        Assert.Equal(139_000_000m, SalesforceText.Parse("1.39E8", FieldKind.Money));
        Assert.Equal(true, SalesforceText.Parse("true", FieldKind.Boolean));
        Assert.Equal("Closed Won", SalesforceText.Parse("Closed Won", FieldKind.Text));
        Assert.Null(SalesforceText.Parse("lots", FieldKind.Number));
        Assert.Null(SalesforceText.Parse("yes", FieldKind.Boolean));
    }
}
