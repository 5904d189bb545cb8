using System.Net.Http.Json;
using System.Text.Json;

namespace CrmSync.Sync.Tests.Pull;

/// <summary>
/// Reads the sandbox over plain HTTP, independently of CrmSync's client: the expected side of
/// the comparisons. Logs in with the default login and follows nextRecordsUrl.
/// </summary>
public sealed class SandboxReader(Uri baseUri) : IDisposable
{
    private string? token;

    public HttpClient Http { get; } = new() { BaseAddress = baseUri };

    /// <summary>Every live (not deleted) record of <paramref name="objectName"/>: id → API field → canonical text.</summary>
    public async Task<Dictionary<string, Dictionary<string, string?>>> ReadAsync(string objectName, IReadOnlyCollection<string> fields)
    {
        token ??= await LoginAsync();
        var rows = new Dictionary<string, Dictionary<string, string?>>();
        var next = $"/services/data/v62.0/query?q={Uri.EscapeDataString($"SELECT Id, {string.Join(", ", fields)} FROM {objectName}")}";
        while (next is not null)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, next);
            request.Headers.Authorization = new("Bearer", token);
            using var response = await Http.SendAsync(request);
            response.EnsureSuccessStatusCode();
            using var page = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            foreach (var record in page.RootElement.GetProperty("records").EnumerateArray())
            {
                rows[record.GetProperty("Id").GetString()!] = fields.ToDictionary(f => f, f => Canonical.FromJson(record.GetProperty(f)));
            }

            next = page.RootElement.TryGetProperty("nextRecordsUrl", out var url) ? url.GetString() : null;
        }

        return rows;
    }

    /// <summary>SELECT COUNT() over query (live rows) or queryAll (with those in the recycle bin).</summary>
    public async Task<int> CountAsync(string objectName, bool includeDeleted)
    {
        token ??= await LoginAsync();
        var resource = includeDeleted ? "queryAll" : "query";
        using var request = new HttpRequestMessage(HttpMethod.Get, $"/services/data/v62.0/{resource}?q={Uri.EscapeDataString($"SELECT COUNT() FROM {objectName}")}");
        request.Headers.Authorization = new("Bearer", token);
        using var response = await Http.SendAsync(request);
        response.EnsureSuccessStatusCode();
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return body.RootElement.GetProperty("totalSize").GetInt32();
    }

    public void Dispose() => Http.Dispose();

    private async Task<string> LoginAsync()
    {
        using var response = await Http.PostAsync("/services/oauth2/token", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password",
            ["client_id"] = "crmsync-sandbox",
            ["client_secret"] = "sandbox-secret",
            ["username"] = "admin@sandbox.crmsync",
            ["password"] = "sandbox",
        }));
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString()!;
    }
}
