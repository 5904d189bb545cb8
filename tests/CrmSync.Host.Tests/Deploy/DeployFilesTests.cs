using System.Text.RegularExpressions;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Deploy;

/// <summary>
/// No Docker engine runs here, so the image is never built in CI: these checks catch the paths and names in deploy/
/// that a move or rename in the repository would break.
/// </summary>
public sealed partial class DeployFilesTests
{
    private static readonly string Dockerfile = RepositoryRoot.Combine("deploy", "docker", "Dockerfile");

    [Fact]
    public void Every_path_the_dockerfile_copies_from_the_build_context_exists()
    {
        var sources = CopyLine().Matches(File.ReadAllText(Dockerfile))
            .Where(m => !m.Groups[1].Value.Contains("--from", StringComparison.Ordinal))
            .SelectMany(m => m.Groups[2].Value.Split(' ', StringSplitOptions.RemoveEmptyEntries).SkipLast(1))
            .ToList();

        Assert.Contains("src/", sources);
        Assert.All(sources, source => Assert.True(Path.Exists(RepositoryRoot.Combine(source.TrimEnd('/'))), $"COPY source {source} is not in the repository"));
    }

    [Fact]
    public void The_image_and_the_unit_publish_and_start_the_host_assembly()
    {
        var project = RepositoryRoot.Combine("src", "CrmSync.Host", "CrmSync.Host.csproj");
        var assembly = AssemblyName().Match(File.ReadAllText(project)).Groups[1].Value + ".dll";
        var dockerfile = File.ReadAllText(Dockerfile);
        var unit = File.ReadAllText(RepositoryRoot.Combine("deploy", "systemd", "crmsync.service"));

        Assert.Contains("dotnet publish src/CrmSync.Host/CrmSync.Host.csproj", dockerfile, StringComparison.Ordinal);
        Assert.Contains($"ENTRYPOINT [\"dotnet\", \"/app/{assembly}\"]", dockerfile, StringComparison.Ordinal);
        Assert.Matches($@"(?m)^ExecStart=/usr/bin/dotnet /opt/crmsync/{Regex.Escape(assembly)} serve ", unit);
        Assert.Matches("(?m)^EnvironmentFile=/etc/crmsync/crmsync.env$", unit);
        Assert.Matches("(?m)^User=crmsync$", unit);
    }

    [Fact]
    public void The_compose_file_builds_the_dockerfile_from_the_repository_root_and_reads_its_secrets_from_an_ignored_file()
    {
        var folder = RepositoryRoot.Combine("deploy", "docker");
        var compose = File.ReadAllText(Path.Combine(folder, "docker-compose.yml"));
        var context = Path.GetFullPath(Path.Combine(folder, ComposeValue("context").Match(compose).Groups[1].Value));
        var dockerfile = ComposeValue("dockerfile").Match(compose).Groups[1].Value;

        Assert.Equal(Path.GetFullPath(RepositoryRoot.Path), context);
        Assert.Equal(Path.GetFullPath(Dockerfile), Path.GetFullPath(Path.Combine(context, dockerfile)));
        Assert.Contains("env_file: .env", compose, StringComparison.Ordinal);
        Assert.Contains("*.env", File.ReadAllLines(RepositoryRoot.Combine(".gitignore")));
        Assert.True(File.Exists(Path.Combine(folder, "env.sample")));
    }

    [GeneratedRegex(@"(?m)^COPY((?:\s+--\S+)*)\s+(.+)$")]
    private static partial Regex CopyLine();

    [GeneratedRegex("<AssemblyName>([^<]+)</AssemblyName>")]
    private static partial Regex AssemblyName();

    private static Regex ComposeValue(string key) => new($@"(?m)^\s+{key}:\s*(\S+)\s*$");
}
