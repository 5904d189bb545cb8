using System.Net.Http.Headers;
using System.Text.Json;

namespace CrmSync.Sandbox.Tests;

/// <summary>One small sandbox (300 accounts, seed 7) shared by the read-only tests of a class.</summary>
public sealed class SandboxFixture : IAsyncLifetime
{
    public SandboxServer Server { get; private set; } = null!;

    public HttpClient Http { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Server = await SandboxServer.StartAsync(new SandboxSettings { Seed = 7, Accounts = 300 });
        Http = await Sandbox.LoginAsync(Server);
    }

    public async Task DisposeAsync()
    {
        Http.Dispose();
        await Server.DisposeAsync();
    }
}

internal static class Sandbox
{
    public const string V = "/services/data/v62.0";

    public static Dictionary<string, string> PasswordGrant() => new()
    {
        ["grant_type"] = "password",
        ["client_id"] = "crmsync-sandbox",
        ["client_secret"] = "sandbox-secret",
        ["username"] = "admin@sandbox.crmsync",
        ["password"] = "sandbox",
    };

    /// <summary>An HttpClient on the sandbox with a bearer token from the default login.</summary>
    public static async Task<HttpClient> LoginAsync(SandboxServer server)
    {
        var http = new HttpClient { BaseAddress = server.BaseUri };
        using var response = await http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(PasswordGrant()));
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", body.RootElement.GetProperty("access_token").GetString());
        return http;
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> GetJsonAsync(this HttpClient http, string url, Action<HttpRequestMessage>? configure = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        configure?.Invoke(request);
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static async Task<(HttpResponseMessage Response, JsonElement Body)> SendJsonAsync(this HttpClient http, HttpMethod method, string url, string json)
    {
        using var request = new HttpRequestMessage(method, url) { Content = new StringContent(json, System.Text.Encoding.UTF8, "application/json") };
        var response = await http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response, text.Length == 0 ? default : JsonDocument.Parse(text).RootElement.Clone());
    }

    public static string Query(string soql) => $"{V}/query?q={Uri.EscapeDataString(soql)}";

    public static string QueryAll(string soql) => $"{V}/queryAll?q={Uri.EscapeDataString(soql)}";
}
