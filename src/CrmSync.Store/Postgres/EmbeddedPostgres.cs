using System.Security.Cryptography;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace CrmSync.Store.Postgres;

/// <summary>
/// A private PostgreSQL cluster under one folder, made from the installed server binaries:
/// created on first start, reused afterwards, reachable only on 127.0.0.1 with a generated password.
/// </summary>
public sealed class EmbeddedPostgres(
    EmbeddedClusterLayout layout,
    string? configuredBinDirectory,
    TimeSpan startTimeout,
    TimeProvider time,
    ILogger<EmbeddedPostgres> logger)
{
    private readonly ProcessRunner runner = new();

    public EmbeddedClusterLayout Layout => layout;

    public async Task<EmbeddedPostgresStatus> GetStatusAsync(CancellationToken cancellationToken)
    {
        if (!layout.IsInitialized)
        {
            return new EmbeddedPostgresStatus(EmbeddedClusterState.NotCreated, layout.Root, null, null, null);
        }

        var binaries = PostgresBinaries.Locate(configuredBinDirectory);
        var running = await IsRunningAsync(binaries, cancellationToken);
        return new EmbeddedPostgresStatus(
            running ? EmbeddedClusterState.Running : EmbeddedClusterState.Stopped,
            layout.Root, layout.ReadPort(), layout.ReadMajorVersion(), binaries.Directory);
    }

    /// <summary>Creates the cluster if needed and starts it if it is not running. Safe to call from several processes.</summary>
    public async Task<EmbeddedPostgresInstance> StartAsync(CancellationToken cancellationToken)
    {
        var binaries = PostgresBinaries.Locate(configuredBinDirectory);
        Directory.CreateDirectory(layout.Root);
        using (await ClusterLock.AcquireAsync(layout.LockFile, startTimeout, time, cancellationToken))
        {
            if (!layout.IsInitialized)
            {
                await InitializeAsync(binaries, cancellationToken);
            }

            var alreadyRunning = await IsRunningAsync(binaries, cancellationToken);
            var port = layout.ReadPort() ?? 0;
            if (!alreadyRunning)
            {
                port = await StartServerAsync(binaries, port, cancellationToken);
            }

            var instance = new EmbeddedPostgresInstance(
                ConnectionStringFor(port), port, layout.ReadMajorVersion() ?? "?", alreadyRunning);
            await EnsureDatabaseExistsAsync(port, cancellationToken);
            return instance;
        }
    }

    /// <summary>Stops the cluster (fast shutdown: open sessions are rolled back). Returns false when it was not running.</summary>
    public async Task<bool> StopAsync(CancellationToken cancellationToken)
    {
        if (!layout.IsInitialized)
        {
            return false;
        }

        var binaries = PostgresBinaries.Locate(configuredBinDirectory);
        using (await ClusterLock.AcquireAsync(layout.LockFile, startTimeout, time, cancellationToken))
        {
            if (!await IsRunningAsync(binaries, cancellationToken))
            {
                return false;
            }

            var result = await runner.RunAsync(binaries.PgCtl,
                ["stop", "-D", layout.ServerDataDirectory, "-m", "fast", "-w", "-t", ((int)startTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture)],
                cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new EmbeddedPostgresException($"pg_ctl stop failed for {layout.DataDirectory}: {result.Output}");
            }

            Log.EmbeddedStopped(logger, layout.Root);
            return true;
        }
    }

    private async Task<bool> IsRunningAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        // pg_ctl status: 0 running, 3 not running, 4 no accessible data directory.
        var result = await runner.RunAsync(binaries.PgCtl, ["status", "-D", layout.ServerDataDirectory], cancellationToken);
        return result.ExitCode == 0;
    }

    private async Task InitializeAsync(PostgresBinaries binaries, CancellationToken cancellationToken)
    {
        Log.EmbeddedInitializing(logger, layout.Root, binaries.Directory);
        await PrepareDirectoriesAsync(cancellationToken);

        var password = Convert.ToBase64String(RandomNumberGenerator.GetBytes(24)).Replace('/', '_').Replace('+', '-');
        await WritePrivateFileAsync(layout.PasswordFile, password, cancellationToken);
        var passwordForInitDb = Path.Combine(layout.ServerLogDirectory, "initdb.password");
        await WritePrivateFileAsync(passwordForInitDb, password, cancellationToken);
        await GiveToServiceUserAsync(passwordForInitDb, cancellationToken);
        try
        {
            var result = await runner.RunAsync(binaries.InitDb,
                ["-D", layout.ServerDataDirectory, "-U", EmbeddedClusterLayout.SuperUser, "--pwfile", passwordForInitDb,
                 "--auth", "scram-sha-256", "--encoding", "UTF8", "--no-locale"],
                cancellationToken);
            if (result.ExitCode != 0)
            {
                throw new EmbeddedPostgresException($"initdb failed for {layout.DataDirectory}: {result.Output}");
            }
        }
        finally
        {
            File.Delete(passwordForInitDb);
        }

    }

    private async Task PrepareDirectoriesAsync(CancellationToken cancellationToken)
    {
        if (runner.RunsAsServiceUser && !await ServiceUserCanReachRootAsync(cancellationToken))
        {
            var storage = layout.RelocatedStorage;
            Directory.CreateDirectory(Path.Combine(storage, "data"));
            Directory.CreateDirectory(Path.Combine(storage, "logs"));
            await GiveToServiceUserAsync(storage, cancellationToken);
            ReplaceWithLink(layout.DataDirectory, Path.Combine(storage, "data"));
            ReplaceWithLink(layout.LogDirectory, Path.Combine(storage, "logs"));
            Log.EmbeddedRelocated(logger, layout.Root, storage);
            return;
        }

        Directory.CreateDirectory(layout.DataDirectory);
        Directory.CreateDirectory(layout.LogDirectory);
        if (runner.RunsAsServiceUser)
        {
            await GiveToServiceUserAsync(layout.DataDirectory, cancellationToken);
            await GiveToServiceUserAsync(layout.LogDirectory, cancellationToken);
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(layout.DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    private async Task<bool> ServiceUserCanReachRootAsync(CancellationToken cancellationToken) =>
        (await runner.RunAsync("test", ["-x", layout.Root], cancellationToken)).ExitCode == 0;

    private static void ReplaceWithLink(string path, string target)
    {
        if (Directory.Exists(path))
        {
            Directory.Delete(path, recursive: true);
        }

        Directory.CreateSymbolicLink(path, target);
    }

    private async Task GiveToServiceUserAsync(string path, CancellationToken cancellationToken)
    {
        if (!runner.RunsAsServiceUser)
        {
            return;
        }

        var result = await ProcessRunner.RunAsCurrentUserAsync("chown", ["-R", $"{ProcessRunner.ServiceUser}:", path], cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"Running as root, CrmSync runs PostgreSQL as the '{ProcessRunner.ServiceUser}' OS user, but could not give it {path}: {result.Output}");
        }
    }

    private async Task<int> StartServerAsync(PostgresBinaries binaries, int preferredPort, CancellationToken cancellationToken)
    {
        var port = preferredPort > 0 && FreeTcpPort.IsFree(preferredPort) ? preferredPort : FreeTcpPort.Pick();
        await File.WriteAllTextAsync(layout.PortFile, port.ToString(System.Globalization.CultureInfo.InvariantCulture), cancellationToken);

        var result = await runner.RunAsync(binaries.PgCtl,
            ["start", "-D", layout.ServerDataDirectory, "-l", layout.ServerLog, "-w",
             "-t", ((int)startTimeout.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
             // TCP on loopback only, and no socket file in a folder a normal user may not be able to write.
             "-o", $"-p {port} -c listen_addresses=127.0.0.1 -c unix_socket_directories=''"],
            cancellationToken);
        if (result.ExitCode != 0)
        {
            throw new EmbeddedPostgresException(
                $"pg_ctl start failed for {layout.DataDirectory} (exit {result.ExitCode}): {result.Output}{Environment.NewLine}{TailOfServerLog()}");
        }

        Log.EmbeddedStarted(logger, port, layout.Root);
        return port;
    }

    private string TailOfServerLog()
    {
        try
        {
            return File.Exists(layout.ServerLog) ? string.Join(Environment.NewLine, File.ReadLines(layout.ServerLog).TakeLast(10)) : string.Empty;
        }
        catch (IOException)
        {
            return string.Empty;
        }
    }

    private async Task EnsureDatabaseExistsAsync(int port, CancellationToken cancellationToken)
    {
        // Unpooled: a pooled connection could outlive a stop and restart of this cluster.
        var admin = new NpgsqlConnectionStringBuilder(BuildConnectionString(port, "postgres")) { Pooling = false };
        await using var connection = new NpgsqlConnection(admin.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection)
        {
            Parameters = { new() { Value = EmbeddedClusterLayout.DatabaseName } },
        };
        if (await exists.ExecuteScalarAsync(cancellationToken) is not null)
        {
            return;
        }

        await using var create = new NpgsqlCommand($"CREATE DATABASE {EmbeddedClusterLayout.DatabaseName}", connection);
        await create.ExecuteNonQueryAsync(cancellationToken);
    }

    /// <summary>How to reach CrmSync's database on a cluster running on <paramref name="port"/>.</summary>
    public string ConnectionStringFor(int port) => BuildConnectionString(port, EmbeddedClusterLayout.DatabaseName);

    private string BuildConnectionString(int port, string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = EmbeddedClusterLayout.SuperUser,
        Password = File.ReadAllText(layout.PasswordFile).Trim(),
        Database = database,
    }.ConnectionString;

    private static async Task WritePrivateFileAsync(string path, string content, CancellationToken cancellationToken)
    {
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using var file = new StreamWriter(path, options);
        await file.WriteAsync(content.AsMemory(), cancellationToken);
    }
}
