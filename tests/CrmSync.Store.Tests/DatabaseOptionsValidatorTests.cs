namespace CrmSync.Store.Tests;

public sealed class DatabaseOptionsValidatorTests
{
    private static readonly DatabaseOptionsValidator Validator = new();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Host=db.example.com;Port=5433;Database=crmsync;Username=crmsync;Password=x")]
    public void Accepts_an_empty_or_well_formed_connection_string(string? connectionString)
    {
        var result = Validator.Validate(null, new DatabaseOptions { ConnectionString = connectionString });

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Theory]
    [InlineData("Hostt=x;;Foo")]
    [InlineData("Host=db;Port=notanumber")]
    [InlineData("Database=crmsync")]
    public void Rejects_a_malformed_connection_string_naming_the_key(string connectionString)
    {
        var result = Validator.Validate(null, new DatabaseOptions { ConnectionString = connectionString });

        Assert.True(result.Failed);
        Assert.StartsWith("ConnectionStrings:CrmSync ", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Never_repeats_the_password_of_a_rejected_connection_string()
    {
        var result = Validator.Validate(null, new DatabaseOptions { ConnectionString = "Host=db;Password=hunter2-secret;Port=abc" });

        Assert.True(result.Failed);
        Assert.DoesNotContain("hunter2-secret", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(601)]
    public void Rejects_a_start_timeout_out_of_range_with_the_value(int seconds)
    {
        var result = Validator.Validate(null, new DatabaseOptions { StartTimeoutSeconds = seconds });

        Assert.Equal($"Database:StartTimeoutSeconds must be between 1 and 600 (was {seconds}).", result.FailureMessage);
    }
}
