using CrmSync.WriteBack.Targets;

namespace CrmSync.WriteBack.Tests.Unit;

public sealed class FieldValuesTests
{
    private static FieldSpec Field(string type, int precision = 0, int scale = 0) => new("F__c", type, precision, scale, 255, true, true, false, []);

    [Theory]
    [InlineData("percent", 5, 2, "0.9", "90.00")]          // a fraction is written as 0-100
    [InlineData("percent", 5, 2, "0.123456", "12.35")]
    [InlineData("percent", 5, 2, "0.000049", "0.00")]
    [InlineData("currency", 16, 2, "2.675", "2.68")]        // half away from zero, as Salesforce rounds
    [InlineData("currency", 16, 2, "-2.675", "-2.68")]
    [InlineData("double", 5, 1, "33.35", "33.4")]
    [InlineData("double", 8, 3, "1", "1.000")]              // one text per value: 1 and 1.000 compare equal
    [InlineData("double", 3, 0, "12.5", "13")]
    [InlineData("int", 9, 0, "7.5", "8")]
    public void Numbers_are_rounded_to_the_fields_scale(string type, int precision, int scale, string stored, string expected)
    {
        Assert.True(FieldValues.TryCanonical(decimal.Parse(stored, System.Globalization.CultureInfo.InvariantCulture), Field(type, precision, scale), out var canonical, out _));
        Assert.Equal(expected, canonical);
    }

    [Fact]
    public void A_double_from_the_store_is_rounded_like_a_decimal_and_a_non_number_is_null()
    {
        FieldValues.TryCanonical(0.87654321d, Field("percent", 5, 2), out var percent, out _);
        FieldValues.TryCanonical(double.NaN, Field("double", 8, 3), out var nan, out _);

        Assert.Equal("87.65", percent);
        Assert.Null(nan);
    }

    [Fact]
    public void Other_types_have_one_text_each()
    {
        string? Text(object value, string type)
        {
            Assert.True(FieldValues.TryCanonical(value, Field(type), out var canonical, out _));
            return canonical;
        }

        Assert.Equal("true", Text(true, "boolean"));
        Assert.Equal("2026-03-08", Text(new DateOnly(2026, 3, 8), "date"));
        Assert.Equal("2026-03-08T10:15:30.123Z", Text(new DateTimeOffset(2026, 3, 8, 11, 15, 30, 123, TimeSpan.FromHours(1)).AddTicks(4567), "datetime"));
        Assert.Equal("2026-03-08T00:00:00.000Z", Text(new DateTime(2026, 3, 8, 0, 0, 0, DateTimeKind.Utc), "datetime"));
        Assert.Equal("Gold", Text("Gold", "picklist"));
        Assert.Null(Text(string.Empty, "string"));
    }

    [Fact]
    public void A_value_of_the_wrong_kind_is_refused_with_the_field_named()
    {
        Assert.False(FieldValues.TryCanonical("abc", Field("double", 8, 2), out _, out var problem));
        Assert.Contains("F__c", problem, StringComparison.Ordinal);
        Assert.False(FieldValues.TryCanonical(3.5m, Field("boolean"), out _, out _));
    }

    [Fact]
    public void Json_values_are_numbers_booleans_or_text()
    {
        Assert.Equal(12.35m, FieldValues.Json("12.35", Field("percent", 5, 2)));
        Assert.Equal(false, FieldValues.Json("false", Field("boolean")));
        Assert.Equal("2026-03-08", FieldValues.Json("2026-03-08", Field("date")));
        Assert.Null(FieldValues.Json(null, Field("double")));
    }
}
