using System.Security.Cryptography;
using System.Text;

namespace CrmSync.Store.Postgres;

/// <summary>The files of one embedded cluster, all under one folder (default <c>.crmsync/pg</c>).</summary>
public sealed record EmbeddedClusterLayout(string Root)
{
    public const string SuperUser = "crmsync";
    public const string DatabaseName = "crmsync";

    public string DataDirectory => Path.Combine(Root, "data");
    public string LogDirectory => Path.Combine(Root, "logs");

    /// <summary>
    /// The paths handed to PostgreSQL's programs: the link targets when the data was relocated,
    /// since the postgres OS user cannot pass through <see cref="Root"/> then.
    /// </summary>
    public string ServerDataDirectory => Resolve(DataDirectory);
    public string ServerLogDirectory => Resolve(LogDirectory);
    public string ServerLog => Path.Combine(ServerLogDirectory, "server.log");
    public string PortFile => Path.Combine(Root, "port");
    public string PasswordFile => Path.Combine(Root, "superuser.password");
    public string LockFile => Path.Combine(Root, ".lock");
    public bool IsInitialized => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    public static EmbeddedClusterLayout For(DatabaseOptions options, string contentRoot) =>
        new(Path.GetFullPath(options.EmbeddedDirectory, contentRoot));

    /// <summary>
    /// Where the postgres OS user keeps the data when it cannot reach <see cref="Root"/> (for
    /// example a clone under /root): a folder under /var/lib/crmsync, linked from <see cref="Root"/>.
    /// </summary>
    public string RelocatedStorage =>
        Path.Combine("/var/lib/crmsync", "pg-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Root)))[..12]);

    private static string Resolve(string directory) =>
        new DirectoryInfo(directory).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? directory;

    public int? ReadPort() =>
        File.Exists(PortFile) && int.TryParse(File.ReadAllText(PortFile).Trim(), out var port) ? port : null;

    public string? ReadMajorVersion() =>
        IsInitialized ? File.ReadAllText(Path.Combine(DataDirectory, "PG_VERSION")).Trim() : null;
}
