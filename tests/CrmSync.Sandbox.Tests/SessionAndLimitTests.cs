using System.Net;

namespace CrmSync.Sandbox.Tests;

public sealed class SessionAndLimitTests
{
    [Fact]
    public async Task A_token_idle_past_the_timeout_is_401_INVALID_SESSION_ID()
    {
        var clock = new ManualClock(new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.Zero));
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20, TimeProvider = clock, SessionIdleTimeout = TimeSpan.FromMinutes(30) });
        using var http = await Sandbox.LoginAsync(server);

        clock.Advance(TimeSpan.FromMinutes(29));
        var (stillValid, _) = await http.GetJsonAsync($"{Sandbox.V}/limits");
        clock.Advance(TimeSpan.FromMinutes(29));
        var (usedKeepsAlive, _) = await http.GetJsonAsync($"{Sandbox.V}/limits");
        clock.Advance(TimeSpan.FromMinutes(30));
        var (expired, body) = await http.GetJsonAsync($"{Sandbox.V}/limits");

        Assert.Equal(HttpStatusCode.OK, stillValid.StatusCode);
        Assert.Equal(HttpStatusCode.OK, usedKeepsAlive.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, expired.StatusCode);
        Assert.Equal("""[{"message":"Session expired or invalid","errorCode":"INVALID_SESSION_ID"}]""", body.GetRawText());
    }

    [Fact]
    public async Task Past_the_daily_limit_every_call_is_403_REQUEST_LIMIT_EXCEEDED()
    {
        await using var server = await SandboxServer.StartAsync(new SandboxSettings { Accounts = 20, DailyApiLimit = 3 });
        using var http = await Sandbox.LoginAsync(server);

        var statuses = new List<HttpStatusCode>();
        HttpResponseMessage last = null!;
        System.Text.Json.JsonElement body = default;
        for (var i = 0; i < 5; i++)
        {
            (last, body) = await http.GetJsonAsync(Sandbox.Query("SELECT Id FROM Account LIMIT 1"));
            statuses.Add(last.StatusCode);
        }

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.Forbidden, HttpStatusCode.Forbidden], statuses);
        Assert.Equal("REQUEST_LIMIT_EXCEEDED", body[0].GetProperty("errorCode").GetString());
        Assert.Equal("api-usage=3/3", last.Headers.GetValues("Sforce-Limit-Info").Single());
    }
}
