using System.CommandLine;
using CrmSync.Store;
using CrmSync.Store.Migrations;
using CrmSync.Store.Postgres;
using Microsoft.Extensions.Options;
using Npgsql;

namespace CrmSync.Host.Cli;

/// <summary><c>db start|stop|status|migrate</c>: the embedded PostgreSQL and the schema.</summary>
internal static class DbCommand
{
    public static Command Create() => new("db", "The embedded PostgreSQL (under .crmsync/pg, used when ConnectionStrings:CrmSync is empty) and the schema migrations.")
    {
        Verb("start", "Create the embedded PostgreSQL if needed and start it; a second start reuses the running one.", StartAsync),
        Verb("stop", "Stop the embedded PostgreSQL.", StopAsync),
        Verb("status", "Show whether the embedded PostgreSQL runs, where, and which migrations are applied.", StatusAsync),
        Verb("migrate", "Apply pending migrations (starts the embedded PostgreSQL when it is used).", MigrateAsync),
    };

    private static Command Verb(string name, string description, Func<ParseResult, TextWriter, CancellationToken, Task<int>> action)
    {
        var command = new Command(name, description);
        command.SetAction((parse, cancellationToken) => action(parse, parse.InvocationConfiguration.Output, cancellationToken));
        return command;
    }

    private static async Task<int> StartAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = VerbHost.BuildValidated(VerbHost.CreateBuilder(parse).WithStore());
        if (await ReportConfiguredServerAsync(host, output))
        {
            return ExitCodes.Success;
        }

        var instance = await host.Services.GetRequiredService<EmbeddedPostgres>().StartAsync(cancellationToken);
        var layout = host.Services.GetRequiredService<EmbeddedPostgres>().Layout;
        await output.WriteLineAsync(
            $"Embedded PostgreSQL {instance.MajorVersion} {(instance.WasAlreadyRunning ? "is already running" : "started")} on 127.0.0.1:{instance.Port} (data: {layout.DataDirectory}).");
        await output.WriteLineAsync(
            $"Connect with: psql \"host=127.0.0.1 port={instance.Port} user={EmbeddedClusterLayout.SuperUser} dbname={EmbeddedClusterLayout.DatabaseName}\" (password in {layout.PasswordFile}).");
        return ExitCodes.Success;
    }

    private static async Task<int> StopAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = VerbHost.BuildValidated(VerbHost.CreateBuilder(parse).WithStore());
        if (await ReportConfiguredServerAsync(host, output))
        {
            return ExitCodes.Success;
        }

        var embedded = host.Services.GetRequiredService<EmbeddedPostgres>();
        var stopped = await embedded.StopAsync(cancellationToken);
        await output.WriteLineAsync(stopped ? $"Embedded PostgreSQL stopped ({embedded.Layout.Root})." : $"Embedded PostgreSQL was not running ({embedded.Layout.Root}).");
        return ExitCodes.Success;
    }

    private static async Task<int> StatusAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = VerbHost.BuildValidated(VerbHost.CreateBuilder(parse).WithStore());
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        string? connectionString = options.ConnectionString;
        if (!await ReportConfiguredServerAsync(host, output))
        {
            var status = await host.Services.GetRequiredService<EmbeddedPostgres>().GetStatusAsync(cancellationToken);
            await output.WriteLineAsync(status.State switch
            {
                EmbeddedClusterState.NotCreated => $"Embedded PostgreSQL: not created yet ({status.Directory}); './crmsync db start' creates it.",
                EmbeddedClusterState.Stopped => $"Embedded PostgreSQL {status.MajorVersion}: stopped ({status.Directory}; binaries {status.BinDirectory}).",
                _ => $"Embedded PostgreSQL {status.MajorVersion}: running on 127.0.0.1:{status.Port} ({status.Directory}; binaries {status.BinDirectory}).",
            });
            if (status.State != EmbeddedClusterState.Running)
            {
                return ExitCodes.Success;
            }

            connectionString = host.Services.GetRequiredService<EmbeddedPostgres>().ConnectionStringFor(status.Port!.Value);
        }

        await using var dataSource = NpgsqlDataSource.Create(connectionString!);
        var runner = new MigrationRunner(dataSource, MigrationCatalog.Embedded, host.Services.GetRequiredService<ILogger<MigrationRunner>>());
        var migrations = await runner.GetStatusAsync(cancellationToken);
        await output.WriteLineAsync(
            $"Migrations: {migrations.Applied.Count} applied, {migrations.Pending.Count} pending" +
            (migrations.Pending.Count > 0 ? $" ({string.Join(", ", migrations.Pending.Select(m => m.FileName))}); './crmsync db migrate' applies them." : "."));
        return ExitCodes.Success;
    }

    private static async Task<int> MigrateAsync(ParseResult parse, TextWriter output, CancellationToken cancellationToken)
    {
        using var host = await VerbHost.BuildWithDatabaseAsync(parse, cancellationToken);
        var applied = await host.Services.GetRequiredService<MigrationRunner>().MigrateAsync(cancellationToken);
        await output.WriteLineAsync(applied.Count == 0
            ? "The schema is current; nothing to apply."
            : $"Applied {applied.Count} migration(s): {string.Join(", ", applied.Select(m => m.FileName))}.");
        return ExitCodes.Success;
    }

    /// <summary>With a connection string CrmSync never starts a server: say so and which one is used.</summary>
    private static async Task<bool> ReportConfiguredServerAsync(IHost host, TextWriter output)
    {
        var options = host.Services.GetRequiredService<IOptions<DatabaseOptions>>().Value;
        if (options.UsesEmbeddedServer)
        {
            return false;
        }

        var server = new NpgsqlConnectionStringBuilder(options.ConnectionString);
        await output.WriteLineAsync(
            $"{DatabaseOptions.ConnectionStringKey} is set: CrmSync uses the server at {server.Host}:{server.Port} (database {server.Database}) and does not manage an embedded one.");
        return true;
    }

    private static HostApplicationBuilder WithStore(this HostApplicationBuilder builder)
    {
        builder.Services.AddCrmSyncStore();
        return builder;
    }
}
