using System.Globalization;
using System.Net;
using CrmSync.Sandbox.Generation;
using CrmSync.Sandbox.Org;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.ResponseCompression;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CrmSync.Sandbox;

/// <summary>
/// The Salesforce emulator on a real Kestrel port of 127.0.0.1: generate the org, then serve
/// OAuth, REST, Bulk API 2.0 and the /__sandbox/ test controls until disposed.
/// </summary>
public sealed class SandboxServer : IAsyncDisposable
{
    private readonly WebApplication app;

    private SandboxServer(WebApplication app, Uri baseUri, IReadOnlyList<string> banner)
    {
        this.app = app;
        BaseUri = baseUri;
        Banner = banner;
    }

    /// <summary>http://127.0.0.1:port</summary>
    public Uri BaseUri { get; }

    /// <summary>Lines to print on start: URL, default login, BTYD parameters, object counts, generation time.</summary>
    public IReadOnlyList<string> Banner { get; }

    public static async Task<SandboxServer> StartAsync(SandboxSettings settings, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(settings);
        ArgumentOutOfRangeException.ThrowIfLessThan(settings.Accounts, 1);
        var btyd = BtydParameters.Default;
        var clock = new OrgClock(settings.TimeProvider, settings.EffectiveAsOf);
        var (org, population, elapsed) = await Task.Run(() => new OrgGenerator(settings, btyd).Generate(clock), cancellationToken);
        var state = new SandboxState(settings, btyd, org, population, elapsed);

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { ApplicationName = typeof(SandboxServer).Assembly.GetName().Name });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(options =>
        {
            // A fixed port also listens on ::1, so "http://localhost:<port>" (the documented login URL) never waits on a refused IPv6 attempt.
            if (settings.Port == 0)
            {
                options.Listen(IPAddress.Loopback, 0);
            }
            else
            {
                options.ListenLocalhost(settings.Port);
            }
            options.Limits.MaxRequestBodySize = 150L * 1024 * 1024;
        });
        builder.Services.AddSingleton(state);
        builder.Services.AddResponseCompression(options =>
        {
            options.Providers.Add<GzipCompressionProvider>();
            options.MimeTypes = ["application/json", "text/csv"];
        });
        builder.Services.Configure<GzipCompressionProviderOptions>(options => options.Level = System.IO.Compression.CompressionLevel.Fastest);
        var app = builder.Build();
        app.MapSandbox();
        await app.StartAsync(cancellationToken);

        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        var baseUri = new Uri($"http://127.0.0.1:{address.Port}");
        state.BaseUri = baseUri;
        return new SandboxServer(app, baseUri, BannerLines(state, baseUri));
    }

    public Task WaitForShutdownAsync(CancellationToken cancellationToken) => app.WaitForShutdownAsync(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        await app.StopAsync();
        await app.DisposeAsync();
    }

    private static string[] BannerLines(SandboxState state, Uri baseUri)
    {
        var s = state.Settings;
        var root = baseUri.ToString().TrimEnd('/');
        var counts = string.Join(", ", state.Org.Tables.Select(t => string.Create(CultureInfo.InvariantCulture, $"{t.Name} {t.Count:N0}")));
        return
        [
            $"CrmSync Salesforce sandbox on {root} (login URL; http://localhost:{baseUri.Port} works too; API v{Endpoints.ApiVersions.Oldest}.0–v{Endpoints.ApiVersions.Latest}.0)",
            $"Login: POST {root}/services/oauth2/token grant_type=password client_id={s.ClientId} client_secret={s.ClientSecret} username={s.Username} password={s.Password}",
            $"Refresh token for grant_type=refresh_token: {s.RefreshToken}",
            string.Create(CultureInfo.InvariantCulture, $"Org: seed {s.Seed}, {s.Accounts:N0} accounts, as-of {s.EffectiveAsOf:yyyy-MM-dd'T'HH:mm:ss'Z'}, generated in {state.GenerationTime.TotalSeconds:0.00} s"),
            $"Known truth: {state.Btyd}",
            $"Objects: {counts}",
            $"Faults: {(state.Faults.Spec.ToString() is { Length: > 0 } faults ? faults : "none")}",
            "Test controls: POST /__sandbox/advance?days=N, GET /__sandbox/stats, GET /__sandbox/truth (per-account λ, p, ν), GET|PUT|DELETE /__sandbox/faults",
        ];
    }
}
