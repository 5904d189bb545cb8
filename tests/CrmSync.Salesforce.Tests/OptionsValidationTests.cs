using Microsoft.Extensions.Options;

namespace CrmSync.Salesforce.Tests;

public sealed class OptionsValidationTests
{
    private static string[] Failures(Action<SalesforceOptions> change)
    {
        var options = new SalesforceOptions
        {
            LoginUrl = "https://login.salesforce.com",
            AuthFlow = "password",
            ClientId = "id",
            ClientSecret = "secret",
            Username = "user@example.com",
            Password = "pw",
        };
        change(options);
        var result = new SalesforceOptionsValidator().Validate(null, options);
        return result.Failed ? result.Failures!.ToArray() : [];
    }

    [Fact]
    public void A_complete_password_configuration_is_valid() => Assert.Empty(Failures(_ => { }));

    [Fact]
    public void Names_the_allowed_auth_flows_and_the_bad_value()
    {
        var failure = Assert.Single(Failures(o => o.AuthFlow = "foo"));

        Assert.Equal("Salesforce:AuthFlow must be one of password, refresh_token, client_credentials, jwt (was 'foo').", failure);
    }

    [Fact]
    public void Jwt_needs_a_private_key_path()
    {
        var failures = Failures(o => o.AuthFlow = "jwt");

        Assert.Contains("Salesforce:PrivateKeyPath is required when Salesforce:AuthFlow is jwt.", failures);
    }

    [Fact]
    public void Jwt_key_file_must_exist()
    {
        var failures = Failures(o =>
        {
            o.AuthFlow = "jwt";
            o.PrivateKeyPath = "/nonexistent/key.pem";
        });

        Assert.Contains(failures, f => f.StartsWith("Salesforce:PrivateKeyPath points to a file that does not exist", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("refresh_token", "Salesforce:RefreshToken is required when Salesforce:AuthFlow is refresh_token.")]
    [InlineData("client_credentials", "Salesforce:ClientSecret is required when Salesforce:AuthFlow is client_credentials.")]
    public void Each_flow_names_its_missing_credentials(string flow, string expected)
    {
        var failures = Failures(o =>
        {
            o.AuthFlow = flow;
            o.ClientSecret = null;
        });

        Assert.Contains(expected, failures);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(1.5)]
    public void Daily_api_share_must_be_a_fraction(double share)
    {
        var failure = Assert.Single(Failures(o => o.DailyApiShare = share));

        Assert.StartsWith("Salesforce:DailyApiShare must be greater than 0 and at most 1", failure, StringComparison.Ordinal);
    }

    [Fact]
    public void Login_url_and_version_are_checked()
    {
        var failures = Failures(o =>
        {
            o.LoginUrl = "login.salesforce.com";
            o.ApiVersion = "62";
        });

        Assert.Equal(2, failures.Length);
        Assert.Contains(failures, f => f.StartsWith("Salesforce:LoginUrl must be an absolute http(s) URL", StringComparison.Ordinal));
        Assert.Contains(failures, f => f.StartsWith("Salesforce:ApiVersion must look like 62.0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Resolving_the_options_fails_with_the_message_when_configuration_is_wrong()
    {
        await using var stub = TestSupport.SalesforceStub.Start(new() { ["Salesforce:AuthFlow"] = "foo" });

        var error = Assert.Throws<OptionsValidationException>(() => stub.Get<IOptions<SalesforceOptions>>().Value);

        Assert.Contains("Salesforce:AuthFlow must be one of", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_shows_settings_but_not_credentials()
    {
        var options = new SalesforceOptions { ClientId = "3MVG9-id", ClientSecret = "s3cr3t-value", Password = "pw-value-1", RefreshToken = "5Aep-refresh", Username = "u@example.com" };

        var text = options.ToString();

        Assert.Contains("Username = u@example.com", text, StringComparison.Ordinal);
        Assert.Contains("ClientSecret = (set)", text, StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t-value", text, StringComparison.Ordinal);
        Assert.DoesNotContain("pw-value-1", text, StringComparison.Ordinal);
        Assert.DoesNotContain("5Aep-refresh", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Adding_the_client_twice_registers_it_once()
    {
        var services = new Microsoft.Extensions.DependencyInjection.ServiceCollection();

        services.AddSalesforce();
        var count = services.Count;
        services.AddSalesforce();

        Assert.Equal(count, services.Count);
    }
}
