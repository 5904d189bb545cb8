using CrmSync.Salesforce.Rest;

namespace CrmSync.Salesforce.Tests.Rest;

public sealed class SoqlTests
{
    [Theory]
    [InlineData("Acme", "'Acme'")]
    [InlineData("O'Brien", @"'O\'Brien'")]
    [InlineData(@"back\slash", @"'back\\slash'")]
    [InlineData("x' OR Name != '", @"'x\' OR Name != \''")]
    [InlineData("two\nlines", @"'two\nlines'")]
    public void Quote_escapes_what_soql_requires(string value, string expected) => Assert.Equal(expected, Soql.Quote(value));

    [Fact]
    public void Literals_are_utc_iso_without_quotes()
    {
        Assert.Equal("2026-03-08T10:15:30Z", Soql.DateTime(new DateTimeOffset(2026, 3, 8, 12, 15, 30, TimeSpan.FromHours(2))));
        Assert.Equal("2026-03-08", Soql.Date(new DateOnly(2026, 3, 8)));
    }

    [Theory]
    [InlineData("Account")]
    [InlineData("Invoice__c")]
    [InlineData("ns__Score__c")]
    [InlineData("Account.Owner.Name")]
    public void Valid_api_names_pass(string name) => Assert.Equal(name, Soql.Name(name));

    [Theory]
    [InlineData("")]
    [InlineData("Account WHERE Id != null")]
    [InlineData("Name,Id")]
    [InlineData("1Field")]
    [InlineData("Field__c'")]
    public void Anything_else_is_refused(string name) => Assert.Throws<ArgumentException>(() => Soql.Name(name));
}
