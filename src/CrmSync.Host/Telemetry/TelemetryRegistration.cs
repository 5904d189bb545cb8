using Microsoft.Extensions.Options;
using OpenTelemetry.Exporter;
using OpenTelemetry.Metrics;

namespace CrmSync.Host.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>
    /// The <c>CrmSync</c> meter, and OpenTelemetry exporting it (plus ASP.NET Core's and the runtime's HTTP meters) over
    /// OTLP when <c>Telemetry:OtlpEndpoint</c> is set.
    /// </summary>
    public static IHostApplicationBuilder AddCrmSyncTelemetry(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddMetrics();
        services.AddSingleton<CrmSyncMetrics>();
        services.AddOptions<TelemetryOptions>().BindConfiguration(TelemetryOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<TelemetryOptions>, TelemetryOptionsValidator>();
        if (string.IsNullOrEmpty(builder.Configuration[$"{TelemetryOptions.Section}:OtlpEndpoint"]))
        {
            return builder;
        }

        // Read now, used when the exporter is built at start, after the validator above has run.
        var settings = builder.Configuration.GetSection(TelemetryOptions.Section).Get<TelemetryOptions>() ?? new TelemetryOptions();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            .AddMeter(CrmSyncMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "System.Net.Http")
            .AddOtlpExporter((exporter, reader) =>
            {
                exporter.Endpoint = new Uri(settings.OtlpEndpoint!);
                exporter.Protocol = settings.OtlpProtocol == "http" ? OtlpExportProtocol.HttpProtobuf : OtlpExportProtocol.Grpc;
                reader.PeriodicExportingMetricReaderOptions.ExportIntervalMilliseconds = settings.ExportIntervalSeconds * 1000;
            }));
        return builder;
    }
}
