using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;
using CrmSync.Host.Pipeline;
using CrmSync.Host.Tests.Dashboard;
using CrmSync.Host.Tests.Pipeline;
using CrmSync.Host.Tests.ScaleOut;
using CrmSync.Sandbox;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Security;

/// <summary>
/// The whole product at log level Trace — the demo, a server running the pipeline through faults (an expiring
/// session, a refused call), a foreground run, and logins with every credential kind — must never show a credential:
/// not in any log line, stored exception or job argument, nor on any dashboard page.
/// </summary>
[Collection(Jobs.AloneCollection.Name)]
public sealed partial class SecretsNotLoggedTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private static readonly Dictionary<string, string?> Trace = new()
    {
        ["Logging:LogLevel:Default"] = "Trace",
        ["Logging:LogLevel:Microsoft"] = "Trace",
        ["Logging:LogLevel:System"] = "Trace",
        ["Logging:LogLevel:Hangfire"] = "Trace",
        ["Logging:LogLevel:Npgsql"] = "Trace",
    };

    [Fact]
    public async Task No_credential_appears_in_logs_stored_errors_or_dashboard_pages()
    {
        using var rsa = RSA.Create(2048);
        var privateKey = rsa.ExportPkcs8PrivateKeyPem();
        var keyPath = Path.Combine(Path.GetTempPath(), $"crmsync-secrets-{Guid.NewGuid():N}.pem");
        await File.WriteAllTextAsync(keyPath, privateKey);
        var settings = new SandboxSettings
        {
            Seed = 9, Accounts = 60,
            ClientSecret = "cs-" + Guid.NewGuid().ToString("N"), Password = "pw-" + Guid.NewGuid().ToString("N"),
            RefreshToken = "rt-" + Guid.NewGuid().ToString("N"), JwtCertificatePem = rsa.ExportSubjectPublicKeyInfoPem(),
            Faults = "expire-after=40",
        };
        var dashboardPassword = "dash-" + Guid.NewGuid().ToString("N");
        await using var sandbox = await SandboxServer.StartAsync(settings);
        var database = await server.CreateDatabaseAsync("secrets");
        var common = new Dictionary<string, string?>(Trace)
        {
            ["ConnectionStrings:CrmSync"] = database,
            ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
            ["Salesforce:LoginUrl"] = sandbox.BaseUri.ToString(),
            ["Salesforce:ClientId"] = settings.ClientId,
            ["Salesforce:ClientSecret"] = settings.ClientSecret,
            ["Salesforce:Username"] = settings.Username,
            ["Salesforce:Password"] = settings.Password,
            ["Salesforce:RefreshToken"] = settings.RefreshToken,
            ["Salesforce:PrivateKeyPath"] = keyPath,
        };
        var seen = new StringBuilder();
        try
        {
            // A foreground run (sessions expire every 40 calls) and a login with each other credential kind.
            seen.Append(await RunCliAsync(common, "run", "--set", "Salesforce:AuthFlow=password"));
            seen.Append(await RunCliAsync(common, "sf", "limits", "--set", "Salesforce:AuthFlow=jwt"));
            seen.Append(await RunCliAsync(common, "sf", "limits", "--set", "Salesforce:AuthFlow=refresh_token"));
            seen.Append(await RunCliAsync(common, "sf", "limits", "--set", "Salesforce:AuthFlow=client_credentials"));

            // The server runs a pipeline, then one whose calls Salesforce refuses (its failure is stored by Hangfire).
            await using (var serve = await ServeProcess.StartAsync(
                new Dictionary<string, string?>(common)
                {
                    ["Salesforce:AuthFlow"] = "password", ["Jobs:QueuePollIntervalSeconds"] = "1", ["Jobs:PipelineCron"] = "0 0 1 1 *",
                    ["Dashboard:Username"] = "admin", ["Dashboard:Password"] = dashboardPassword, ["Dashboard:RequireHttps"] = "false",
                }, TimeSpan.FromMinutes(2)))
            {
                using var dashboard = DashboardClient(serve.Url, dashboardPassword);
                Assert.Equal(HttpStatusCode.NoContent, await DashboardButton.PressAsync(dashboard, "crmsync-run-pipeline"));
                await WaitForPipelineAsync(database, 2);
                await SetFaultsAsync(sandbox, "limit-after=1");
                Assert.Equal(HttpStatusCode.NoContent, await DashboardButton.PressAsync(dashboard, "crmsync-run-pipeline"));
                await WaitForFailedAttemptAsync(database);
                seen.Append(await DashboardPagesAsync(dashboard));
                seen.Append(serve.Log);
            }

            foreach (var row in await PipelineRunTests.QueryAsync(database, """
                SELECT coalesce(reason, '') || coalesce(data::text, '') FROM hangfire.state
                UNION ALL SELECT coalesce(arguments::text, '') || coalesce(invocationdata::text, '') FROM hangfire.job
                UNION ALL SELECT coalesce(error, '') || detail::text FROM crmsync.pipeline_step
                """))
            {
                seen.AppendLine(row[0]);
            }
        }
        finally
        {
            File.Delete(keyPath);
        }

        var text = seen.ToString();
        Assert.Contains("Pipeline 2", text, StringComparison.Ordinal); // the logs were read
        Assert.Contains("trce:", text, StringComparison.Ordinal); // at Trace
        Assert.Contains("REQUEST_LIMIT_EXCEEDED", text, StringComparison.Ordinal); // and the failure was stored
        Assert.Matches(SessionId(), "00D8d000001abcd!" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)).Replace('+', '.').Replace('/', '_'));
        foreach (var (what, secret) in new[]
        {
            ("client secret", settings.ClientSecret), ("password", settings.Password), ("refresh token", settings.RefreshToken),
            ("dashboard password", dashboardPassword), ("private key", privateKey.Split('\n')[1]),
        })
        {
            Assert.False(text.Contains(secret, StringComparison.Ordinal), $"the {what} appears in what CrmSync showed");
        }

        Assert.False(SessionId().IsMatch(text), $"an access token appears: {SessionId().Match(text).Value}");
    }

    [Fact]
    public async Task The_demo_at_trace_shows_no_credential()
    {
        // As its own process, so its console logs (standard error) are read too.
        var text = await RunCliAsync(
            new Dictionary<string, string?>(Trace)
            {
                ["ConnectionStrings:CrmSync"] = server.AdminConnectionString, ["Sync:MappingsPath"] = RepositoryRoot.Combine("mappings"),
            },
            "demo", "--no-serve", "--accounts", "100", "--urls", "http://127.0.0.1:0");

        Assert.Contains("Pipeline 2: succeeded", text, StringComparison.Ordinal);
        Assert.Contains("trce:", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sandbox-secret", text, StringComparison.Ordinal);
        Assert.False(SessionId().IsMatch(text), $"an access token appears: {SessionId().Match(text).Value}");

        // The demo's password is the word "sandbox", which its output names for good reasons: look where a credential would be.
        Assert.Matches(PasswordValue(), "grant_type=password&username=admin%40sandbox.crmsync&password=sandbox");
        Assert.False(PasswordValue().IsMatch(text), $"the demo's password appears: {PasswordValue().Match(text).Value}");
    }

    [GeneratedRegex(@"(?i)password[""'\s]*[=:]\s*[""']?sandbox\b")]
    private static partial Regex PasswordValue();

    /// <summary>A Salesforce session id: the org id's 15 characters, '!', and the token.</summary>
    [GeneratedRegex(@"\b[0-9A-Za-z]{15}![0-9A-Za-z._]{40,}")]
    private static partial Regex SessionId();

    private static HttpClient DashboardClient(Uri serve, string password)
    {
        var http = new HttpClient { BaseAddress = serve };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:" + password)));
        return http;
    }

    private static async Task<string> DashboardPagesAsync(HttpClient http)
    {
        var pages = new StringBuilder();
        foreach (var path in new[] { "/hangfire/crmsync", "/hangfire/jobs/succeeded", "/hangfire/jobs/scheduled", "/hangfire/jobs/failed", "/hangfire/recurring", "/hangfire/servers", "/health/ready" })
        {
            pages.AppendLine(await http.GetStringAsync(path));
        }

        foreach (Match job in JobLink().Matches(pages.ToString()).Take(40))
        {
            pages.AppendLine(await http.GetStringAsync(job.Groups[1].Value));
        }

        Assert.Contains("CrmSync", pages.ToString(), StringComparison.Ordinal);
        return pages.ToString();
    }

    [GeneratedRegex("href=\"(/hangfire/jobs/details/\\d+)\"")]
    private static partial Regex JobLink();

    private static async Task<string> RunCliAsync(Dictionary<string, string?> settings, params string[] verb)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = RepositoryRoot.Path;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crmsync.dll"));
        foreach (var argument in verb.Concat(settings.SelectMany(s => new[] { "--set", $"{s.Key}={s.Value}" })))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, $"crmsync {string.Join(' ', verb)} exited {process.ExitCode}: {await error}");
        return await output + await error;
    }

    private static async Task SetFaultsAsync(SandboxServer sandbox, string spec)
    {
        using var http = new HttpClient();
        using var response = await http.PutAsync(new Uri(sandbox.BaseUri, "/__sandbox/faults"), new StringContent(spec));
        response.EnsureSuccessStatusCode();
    }

    private static async Task WaitForPipelineAsync(string database, long id)
    {
        for (var i = 0; i < 600; i++)
        {
            if ((await PipelineRunTests.QueryAsync(database, $"SELECT status, coalesce(error, '') FROM crmsync.pipeline_run WHERE id = {id}")) is [[var status, var error]] && status != PipelineStatus.Running)
            {
                Assert.True(status == PipelineStatus.Succeeded, $"pipeline {id} {status}: {error}");
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException($"Pipeline {id} did not finish.");
    }

    private static async Task WaitForFailedAttemptAsync(string database)
    {
        for (var i = 0; i < 240; i++)
        {
            if ((await PipelineRunTests.QueryAsync(database, "SELECT count(*)::text FROM hangfire.state WHERE coalesce(reason, '') || coalesce(data::text, '') LIKE '%REQUEST_LIMIT_EXCEEDED%'"))[0][0] != "0")
            {
                return;
            }

            await Task.Delay(250);
        }

        throw new TimeoutException("The refused sync was not recorded.");
    }
}
