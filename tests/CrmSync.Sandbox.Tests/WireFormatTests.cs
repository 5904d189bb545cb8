using CrmSync.Sandbox.Org;
using CrmSync.Sandbox.Wire;

namespace CrmSync.Sandbox.Tests;

public sealed class WireFormatTests
{
    [Theory]
    [InlineData(1500.0, "1500.0")]
    [InlineData(1.39E8, "1.39E8")]
    [InlineData(0.001, "0.001")]
    [InlineData(0.0001, "1.0E-4")]
    [InlineData(1e7, "1.0E7")]
    [InlineData(9999999.0, "9999999.0")]
    [InlineData(12.5, "12.5")]
    [InlineData(-3.0, "-3.0")]
    [InlineData(0.0, "0.0")]
    [InlineData(123456789.12, "1.2345678912E8")]
    [InlineData(0.25, "0.25")]
    public void Numbers_are_written_like_Java_doubles(double value, string expected) =>
        Assert.Equal(expected, WireFormat.JavaDouble(value));

    [Fact]
    public void Datetimes_are_written_with_millis_and_plus0000()
    {
        var instant = new DateTimeOffset(2026, 3, 8, 10, 15, 30, TimeSpan.Zero);
        Assert.Equal("2026-03-08T10:15:30.000+0000", WireFormat.RestDateTime(instant));
        Assert.Equal("2026-03-08T10:15:30.000Z", WireFormat.BulkDateTime(instant.ToUnixTimeMilliseconds()));
    }

    [Fact]
    public void Ids_have_18_characters_with_the_case_safe_suffix_and_parse_back()
    {
        var id = SalesforceId.Format("001", 0);
        // prefix "001", instance "8d000", row+1 in 7 base-62 digits; no upper-case letter in any 5-char chunk → "AAA".
        Assert.Equal("0018d0000000001AAA", id);
        // row 9 → digit 'A' as the 5th char of the third chunk → bit 4 → suffix letter 16 = 'Q'.
        Assert.Equal("0018d000000000AAAQ", SalesforceId.Format("001", 9));
        Assert.Equal(0, SalesforceId.ParseRow(id));
        Assert.Equal(0, SalesforceId.ParseRow(id.AsSpan(0, 15)));
        Assert.Equal(123_456, SalesforceId.ParseRow(SalesforceId.Format("006", 123_456)));
        Assert.Equal(-1, SalesforceId.ParseRow("001000000000000AAA"));
    }
}
