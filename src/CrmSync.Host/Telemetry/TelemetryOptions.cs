using Microsoft.Extensions.Options;

namespace CrmSync.Host.Telemetry;

/// <summary>Section <c>Telemetry</c>: where OpenTelemetry sends the <c>CrmSync</c> meter; checked by <see cref="TelemetryOptionsValidator"/>.</summary>
public sealed class TelemetryOptions
{
    public const string Section = "Telemetry";

    /// <summary>An OTLP collector, e.g. <c>http://localhost:4317</c> (gRPC) or <c>http://localhost:4318</c> with <see cref="OtlpProtocol"/> = <c>http</c>; empty: no export.</summary>
    public string? OtlpEndpoint { get; set; }

    /// <summary><c>grpc</c> (default) or <c>http</c> (OTLP/HTTP protobuf).</summary>
    public string OtlpProtocol { get; set; } = "grpc";

    public int ExportIntervalSeconds { get; set; } = 60;
}

internal sealed class TelemetryOptionsValidator : IValidateOptions<TelemetryOptions>
{
    public ValidateOptionsResult Validate(string? name, TelemetryOptions options)
    {
        var failures = new List<string>();
        if (!string.IsNullOrEmpty(options.OtlpEndpoint)
            && !(Uri.TryCreate(options.OtlpEndpoint, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)))
        {
            failures.Add($"Telemetry:OtlpEndpoint must be an absolute http(s) URL such as http://localhost:4317 (was '{options.OtlpEndpoint}').");
        }

        if (options.OtlpProtocol is not ("grpc" or "http"))
        {
            failures.Add($"Telemetry:OtlpProtocol must be 'grpc' or 'http' (was '{options.OtlpProtocol}').");
        }

        if (options.ExportIntervalSeconds is < 1 or > 3600)
        {
            failures.Add($"Telemetry:ExportIntervalSeconds must be between 1 and 3600 (was {options.ExportIntervalSeconds}).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
