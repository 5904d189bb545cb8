using System.Globalization;
using CrmSync.Sandbox.Wire;
using Microsoft.AspNetCore.Http;

namespace CrmSync.Sandbox.Endpoints;

/// <summary>The API versions the sandbox answers: v20.0 (Winter '11) to <see cref="Latest"/>.</summary>
internal static class ApiVersions
{
    public const int Oldest = 31;
    public const int Latest = 66;

    public static bool IsSupported(string? version) =>
        version is not null && version.EndsWith(".0", StringComparison.Ordinal)
        && int.TryParse(version.AsSpan(0, version.Length - 2), NumberStyles.None, CultureInfo.InvariantCulture, out var major)
        && major is >= Oldest and <= Latest;

    /// <summary>v20.0 was Winter '11; every release since adds one version, three releases a year.</summary>
    public static string Label(int major)
    {
        var releases = major - 20;
        var season = (releases % 3) switch { 0 => "Winter", 1 => "Spring", _ => "Summer" };
        return string.Create(CultureInfo.InvariantCulture, $"{season} '{11 + releases / 3:00}");
    }

    /// <summary>Route group filter: an unknown version is Salesforce's 404 NOT_FOUND.</summary>
    public static ValueTask<object?> RequireSupported(EndpointFilterInvocationContext context, EndpointFilterDelegate next) =>
        IsSupported(context.HttpContext.Request.RouteValues["version"] as string)
            ? next(context)
            : ValueTask.FromResult<object?>(SalesforceJson.NotFound());

    public static string Of(HttpContext context) => (string)context.Request.RouteValues["version"]!;
}
