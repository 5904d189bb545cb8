using System.Diagnostics.Metrics;
using CrmSync.Host.Telemetry;
using CrmSync.Salesforce.Limits;
using CrmSync.Store.Synced;
using CrmSync.Sync.Pull;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;

namespace CrmSync.Host.Tests.Telemetry;

/// <summary>The <c>CrmSync</c> meter as a <see cref="MeterListener"/> (and so any OpenTelemetry exporter) sees it.</summary>
public sealed class CrmSyncMetricsTests
{
    [Fact]
    public void A_recorded_sync_shows_rows_changes_duration_and_api_calls_per_object()
    {
        using var services = new ServiceCollection()
            .AddMetrics()
            .AddSingleton<IApiBudget>(new FixedBudget(new ApiBudgetSnapshot(1234, 15000, 7500, 0.5, 42, DateTimeOffset.UnixEpoch, ApiBudgetStopReason.None)))
            .AddSingleton<CrmSyncMetrics>()
            .BuildServiceProvider();
        var factory = services.GetRequiredService<IMeterFactory>();
        var seen = new List<(string Instrument, double Value, Dictionary<string, object?> Tags)>();
        using var listener = new MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            // Only this test's meter: other tests' hosts create their own "CrmSync" meters in parallel.
            if (instrument.Meter.Scope == factory)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((i, value, tags, _) => seen.Add((i.Name, value, Tags(tags))));
        listener.SetMeasurementEventCallback<double>((i, value, tags, _) => seen.Add((i.Name, value, Tags(tags))));
        var metrics = services.GetRequiredService<CrmSyncMetrics>();
        listener.Start();

        metrics.RecordPull(new PullResult("deal", "Opportunity", false, "REST", 1500, new MergeResult(1000, 400, 10), 5, [], TimeSpan.FromSeconds(2)));
        metrics.RecordSyncDuration("deal", TimeSpan.FromMilliseconds(2500), CrmSyncMetrics.Outcome.Succeeded);
        metrics.RecordComputeDuration(TimeSpan.FromSeconds(7), CrmSyncMetrics.Outcome.Failed);
        listener.RecordObservableInstruments();

        Assert.Equal(
            [
                ("crmsync.sync.rows", 1500d, "deal", "REST"),
                ("crmsync.sync.changes", 1000d, "deal", "inserted"),
                ("crmsync.sync.changes", 400d, "deal", "updated"),
                ("crmsync.sync.changes", 15d, "deal", "deleted"),
                ("crmsync.sync.duration", 2.5d, "deal", "succeeded"),
            ],
            seen.Where(s => s.Instrument.StartsWith("crmsync.sync.", StringComparison.Ordinal))
                .Select(s => (s.Instrument, s.Value, (string)s.Tags["crmsync.source"]!,
                    (string)(s.Tags.GetValueOrDefault("crmsync.transport") ?? s.Tags.GetValueOrDefault("crmsync.change") ?? s.Tags["crmsync.outcome"])!)));
        Assert.Equal((7d, "failed"), seen.Where(s => s.Instrument == "crmsync.compute.duration").Select(s => (s.Value, (string)s.Tags["crmsync.outcome"]!)).Single());
        Assert.Equal(42d, seen.Single(s => s.Instrument == "crmsync.salesforce.api_calls").Value);
        Assert.Equal(1234d, seen.Single(s => s.Instrument == "crmsync.salesforce.api_used").Value);
    }

    [Fact]
    public void Opentelemetry_exports_only_when_an_otlp_endpoint_is_configured()
    {
        using var without = Build([]);
        using var with = Build([new("Telemetry:OtlpEndpoint", "http://127.0.0.1:4317")]);

        Assert.Null(without.Services.GetService<MeterProvider>());
        Assert.NotNull(without.Services.GetService<CrmSyncMetrics>());
        Assert.NotNull(with.Services.GetService<MeterProvider>());
    }

    [Theory]
    [InlineData("localhost:4317", "grpc", 60, "Telemetry:OtlpEndpoint must be an absolute http(s) URL such as http://localhost:4317 (was 'localhost:4317').")]
    [InlineData("http://collector:4318", "thrift", 60, "Telemetry:OtlpProtocol must be 'grpc' or 'http' (was 'thrift').")]
    [InlineData(null, "grpc", 0, "Telemetry:ExportIntervalSeconds must be between 1 and 3600 (was 0).")]
    public void Bad_telemetry_settings_are_refused_naming_the_key_and_value(string? endpoint, string protocol, int interval, string message)
    {
        var result = new TelemetryOptionsValidator().Validate(null, new TelemetryOptions { OtlpEndpoint = endpoint, OtlpProtocol = protocol, ExportIntervalSeconds = interval });

        Assert.Equal(message, result.FailureMessage);
    }

    private static IHost Build(KeyValuePair<string, string?>[] settings)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCrmSyncTelemetry();
        return builder.Build();
    }

    private static Dictionary<string, object?> Tags(ReadOnlySpan<KeyValuePair<string, object?>> tags)
    {
        var result = new Dictionary<string, object?>(StringComparer.Ordinal);
        foreach (var tag in tags)
        {
            result[tag.Key] = tag.Value;
        }

        return result;
    }

    private sealed class FixedBudget(ApiBudgetSnapshot snapshot) : IApiBudget
    {
        public ApiBudgetSnapshot Snapshot => snapshot;
    }
}
