using System.Net;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

public sealed class OAuthAndVersionTests(SandboxFixture sandbox) : IClassFixture<SandboxFixture>
{
    [Fact]
    public async Task Password_grant_answers_like_the_docs_without_expires_in()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        var before = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
        using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(Sandbox.PasswordGrant()));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json; charset=UTF-8", response.Content.Headers.ContentType!.ToString());
        Assert.Equal("Bearer", body.GetProperty("token_type").GetString());
        Assert.Equal(sandbox.Server.BaseUri.ToString().TrimEnd('/'), body.GetProperty("instance_url").GetString());
        Assert.StartsWith(body.GetProperty("instance_url").GetString() + "/id/00D", body.GetProperty("id").GetString());
        Assert.False(body.TryGetProperty("expires_in", out _));
        Assert.Equal(JsonValueKind.String, body.GetProperty("issued_at").ValueKind);
        Assert.InRange(long.Parse(body.GetProperty("issued_at").GetString()!, System.Globalization.CultureInfo.InvariantCulture), before, before + 60_000);
        Assert.False(string.IsNullOrEmpty(body.GetProperty("access_token").GetString()));
    }

    [Theory]
    [InlineData("password", "username", "nobody@example.com", "invalid_grant", "authentication failure")]
    [InlineData("password", "client_id", "someone-else", "invalid_client_id", "client identifier invalid")]
    [InlineData("password", "client_secret", "wrong", "invalid_client", "invalid client credentials")]
    [InlineData("authorization_code", "code", "x", "unsupported_grant_type", "grant type not supported")]
    [InlineData("refresh_token", "refresh_token", "stale", "invalid_grant", "expired access/refresh token")]
    public async Task Failed_logins_are_400_with_error_and_description(string grant, string field, string value, string error, string description)
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        var form = Sandbox.PasswordGrant();
        form["grant_type"] = grant;
        form[field] = value;
        using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(form));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(error, body.GetProperty("error").GetString());
        Assert.Equal(description, body.GetProperty("error_description").GetString());
    }

    [Fact]
    public async Task Refresh_token_and_client_credentials_grants_issue_working_tokens()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        foreach (var form in new[]
                 {
                     new Dictionary<string, string> { ["grant_type"] = "refresh_token", ["client_id"] = "crmsync-sandbox", ["client_secret"] = "sandbox-secret", ["refresh_token"] = "5Aep861sandbox.refresh.token" },
                     new Dictionary<string, string> { ["grant_type"] = "client_credentials", ["client_id"] = "crmsync-sandbox", ["client_secret"] = "sandbox-secret" },
                 })
        {
            using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(form));
            var token = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("access_token").GetString();
            using var limits = new HttpRequestMessage(HttpMethod.Get, $"{Sandbox.V}/limits");
            limits.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
            using var answer = await http.SendAsync(limits);
            Assert.Equal(HttpStatusCode.OK, answer.StatusCode);
        }
    }

    [Fact]
    public async Task Calls_without_a_valid_token_are_401_INVALID_SESSION_ID()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        http.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", "00D000000000000!nonsense");
        var (response, body) = await http.GetJsonAsync($"{Sandbox.V}/limits");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", body.GetRawText());
    }

    [Fact]
    public async Task Versions_list_label_url_version_and_need_no_token()
    {
        using var http = new HttpClient { BaseAddress = sandbox.Server.BaseUri };
        var (response, body) = await http.GetJsonAsync("/services/data/");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var v62 = body.EnumerateArray().Single(v => v.GetProperty("version").GetString() == "62.0");
        Assert.Equal("Winter '25", v62.GetProperty("label").GetString());
        Assert.Equal("/services/data/v62.0", v62.GetProperty("url").GetString());
        Assert.Contains(body.EnumerateArray(), v => v.GetProperty("label").GetString() == "Summer '24" && v.GetProperty("version").GetString() == "61.0");
    }

    [Fact]
    public async Task Limits_report_daily_api_requests_and_every_response_carries_Sforce_Limit_Info()
    {
        var (first, _) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/limits");
        var (second, body) = await sandbox.Http.GetJsonAsync($"{Sandbox.V}/limits");

        var used1 = Used(first);
        var used2 = Used(second);
        Assert.True(used2 > used1);
        var daily = body.GetProperty("DailyApiRequests");
        Assert.Equal(1_000_000, daily.GetProperty("Max").GetInt64());
        Assert.Equal(1_000_000 - used2, daily.GetProperty("Remaining").GetInt64());
    }

    [Fact]
    public async Task Unknown_api_version_is_404_NOT_FOUND()
    {
        var (response, body) = await sandbox.Http.GetJsonAsync("/services/data/v12.0/limits");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("NOT_FOUND", body[0].GetProperty("errorCode").GetString());
    }

    internal static long Used(HttpResponseMessage response)
    {
        var info = response.Headers.GetValues("Sforce-Limit-Info").Single();
        Assert.Matches("^api-usage=[0-9]+/1000000$", info);
        return long.Parse(info["api-usage=".Length..info.IndexOf('/', StringComparison.Ordinal)], System.Globalization.CultureInfo.InvariantCulture);
    }
}
