using CrmSync.Salesforce.Auth;
using CrmSync.Salesforce.Bulk;
using CrmSync.Salesforce.Errors;
using CrmSync.Salesforce.Json;
using CrmSync.Salesforce.Limits;
using CrmSync.Salesforce.Rest;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using Refit;

namespace CrmSync.Salesforce;

public static class SalesforceServiceCollectionExtensions
{
    /// <summary>Placeholder host; <see cref="SalesforceAuthHandler"/> points every request at the session's instance URL.</summary>
    private static readonly Uri InstancePlaceholder = new("https://salesforce-instance.invalid");

    /// <summary>
    /// Registers the Salesforce client for the org configured in section <c>Salesforce</c> (validated on start):
    /// <see cref="ISalesforceClient"/>, <see cref="ISObjectCollections"/>, <see cref="IBulkQueries"/>,
    /// <see cref="IBulkIngest"/> and <see cref="IApiBudget"/>.
    /// Each HTTP call goes: errors → retries/timeouts → per-org concurrency limit → JSON integrity → auth (re-login) → API budget.
    /// </summary>
    public static IServiceCollection AddSalesforce(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(ApiBudget)))
        {
            return services;
        }

        services.AddOptions<SalesforceOptions>().BindConfiguration(SalesforceOptions.SectionName).ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SalesforceOptions>, SalesforceOptionsValidator>());
        services.TryAddSingleton(TimeProvider.System);

        services.TryAddSingleton<SalesforceLoginClient>();
        services.TryAddSingleton<ISalesforceSessionProvider, SalesforceSessionProvider>();
        services.TryAddSingleton<ApiBudget>();
        services.TryAddSingleton<IApiBudget>(sp => sp.GetRequiredService<ApiBudget>());
        services.TryAddSingleton<OrgConcurrencyGate>();
        services.TryAddSingleton<BulkJobPoller>();
        services.TryAddTransient<SalesforceErrorHandler>();
        services.TryAddTransient<OrgConcurrencyHandler>();
        services.TryAddTransient<JsonIntegrityHandler>();
        services.TryAddTransient<SalesforceAuthHandler>();
        services.TryAddTransient<ApiBudgetHandler>();

        var login = services.AddHttpClient(SalesforceLoginClient.HttpClientName).ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler);
        login.AddResilienceHandler("CrmSync.Salesforce.Login", SalesforceResilience.Configure);

        var refit = CreateRefitSettings();
        AddApi<ISalesforceRootApi>(services, refit, versioned: false);
        AddApi<ISalesforceRestApi>(services, refit, versioned: true);
        AddApi<IBulkApi>(services, refit, versioned: true);

        services.TryAddTransient<ISalesforceClient, SalesforceClient>();
        services.TryAddTransient<ISObjectCollections, SObjectCollections>();
        services.TryAddTransient<IBulkQueries, BulkQueries>();
        services.TryAddTransient<IBulkIngest, BulkIngest>();
        return services;
    }

    /// <summary>Salesforce JSON, and the client's own typed exceptions surface as they are (not wrapped by Refit).</summary>
    private static RefitSettings CreateRefitSettings()
    {
        var settings = new RefitSettings(new SystemTextJsonContentSerializer(SalesforceJson.Options));
        settings.TransportExceptionFactory = (request, exception, ct) => exception switch
        {
            SalesforceException => exception,
            OperationCanceledException when ct.IsCancellationRequested => exception,
            _ => new SalesforceTransportException(SalesforceTransportException.TransportFailed,
                $"{request.Method} {request.RequestUri?.AbsolutePath} got no usable answer: {exception.Message}", exception),
        };
        settings.DeserializationExceptionFactory = (response, exception) => ValueTask.FromResult<Exception?>(
            new SalesforceTransportException(SalesforceTransportException.MalformedResponse,
                $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri?.AbsolutePath} answered a body that does not match the expected shape: {exception.Message}", exception));
        return settings;
    }

    /// <summary>gzip/deflate answers (Salesforce compresses REST and Bulk results when asked) and periodic DNS refresh.</summary>
    private static HttpMessageHandler CreatePrimaryHandler() => new SocketsHttpHandler
    {
        AutomaticDecompression = System.Net.DecompressionMethods.GZip | System.Net.DecompressionMethods.Deflate,
        PooledConnectionLifetime = TimeSpan.FromMinutes(5),
    };

    private static void AddApi<TApi>(IServiceCollection services, RefitSettings refit, bool versioned)
        where TApi : class
    {
        var client = services.AddRefitGeneratedClient<TApi>(refit)
            .ConfigureHttpClient((sp, http) =>
            {
                var options = sp.GetRequiredService<IOptions<SalesforceOptions>>().Value;
                http.BaseAddress = versioned ? new Uri(InstancePlaceholder, "/services/data/" + options.VersionSegment) : InstancePlaceholder;
                http.Timeout = Timeout.InfiniteTimeSpan;
            })
            .ConfigurePrimaryHttpMessageHandler(CreatePrimaryHandler)
            .AddHttpMessageHandler<SalesforceErrorHandler>();
        client.AddResilienceHandler("CrmSync.Salesforce." + typeof(TApi).Name, SalesforceResilience.Configure);
        client.AddHttpMessageHandler<OrgConcurrencyHandler>()
            .AddHttpMessageHandler<JsonIntegrityHandler>()
            .AddHttpMessageHandler<SalesforceAuthHandler>()
            .AddHttpMessageHandler<ApiBudgetHandler>();
    }
}
