using CrmSync.Store.Migrations;
using CrmSync.Store.Postgres;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Store;

public static class StoreServiceCollectionExtensions
{
    /// <summary>Database options (validated on start), the Npgsql data source, migrations and the embedded cluster.</summary>
    public static IServiceCollection AddCrmSyncStore(this IServiceCollection services)
    {
        services.AddOptions<DatabaseOptions>()
            .Configure<IConfiguration>((options, configuration) => options.BindFrom(configuration))
            .ValidateOnStart();
        services.AddSingleton<IValidateOptions<DatabaseOptions>, DatabaseOptionsValidator>();
        services.TryAddSingleton(TimeProvider.System);

        services.AddSingleton(provider =>
        {
            var options = provider.GetRequiredService<IOptions<DatabaseOptions>>().Value;
            if (options.UsesEmbeddedServer)
            {
                throw new InvalidOperationException(
                    $"{DatabaseOptions.ConnectionStringKey} is empty: start the embedded PostgreSQL (StartEmbeddedPostgresIfUnconfiguredAsync) before building the host.");
            }

            return new NpgsqlDataSourceBuilder(options.ConnectionString)
                .UseLoggerFactory(provider.GetRequiredService<ILoggerFactory>())
                .Build();
        });
        services.AddSingleton(MigrationCatalog.Embedded);
        services.AddSingleton<MigrationRunner>();
        services.AddSingleton(provider => CreateEmbeddedPostgres(
            provider.GetRequiredService<IOptions<DatabaseOptions>>().Value,
            provider.GetRequiredService<IHostEnvironment>().ContentRootPath,
            provider.GetRequiredService<TimeProvider>(),
            provider.GetRequiredService<ILoggerFactory>()));
        return services;
    }

    /// <summary>
    /// When <c>ConnectionStrings:CrmSync</c> is empty, starts (or reuses) the embedded cluster and
    /// puts its connection string into the builder's configuration; with a connection string it
    /// does nothing and no server is started. Returns the embedded instance, if one is used.
    /// </summary>
    public static async Task<EmbeddedPostgresInstance?> StartEmbeddedPostgresIfUnconfiguredAsync(
        this IHostApplicationBuilder builder, ILoggerFactory loggerFactory, CancellationToken cancellationToken)
    {
        var options = ValidatedOptions(builder.Configuration);
        if (!options.UsesEmbeddedServer)
        {
            return null;
        }

        var embedded = CreateEmbeddedPostgres(options, builder.Environment.ContentRootPath, TimeProvider.System, loggerFactory);
        var instance = await embedded.StartAsync(cancellationToken);
        builder.Configuration.AddInMemoryCollection([new(DatabaseOptions.ConnectionStringKey, instance.ConnectionString)]);
        return instance;
    }

    /// <summary>The database options as configured, checked by the same validators the host runs on start.</summary>
    public static DatabaseOptions ValidatedOptions(IConfiguration configuration)
    {
        var options = new DatabaseOptions();
        options.BindFrom(configuration);
        var result = new DatabaseOptionsValidator().Validate(Options.DefaultName, options);
        return result.Failed
            ? throw new OptionsValidationException(Options.DefaultName, typeof(DatabaseOptions), result.Failures ?? [])
            : options;
    }

    public static EmbeddedPostgres CreateEmbeddedPostgres(DatabaseOptions options, string contentRoot, TimeProvider time, ILoggerFactory loggerFactory) =>
        new(EmbeddedClusterLayout.For(options, contentRoot), options.PostgresBinDir,
            TimeSpan.FromSeconds(options.StartTimeoutSeconds), time, loggerFactory.CreateLogger<EmbeddedPostgres>());
}
