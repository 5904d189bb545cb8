using System.Diagnostics;

namespace CrmSync.Store.Postgres;

/// <summary>Output of a finished external program.</summary>
public sealed record ProcessResult(int ExitCode, string StandardOutput, string StandardError)
{
    public string Output => string.Join(Environment.NewLine, new[] { StandardOutput, StandardError }.Where(s => s.Length > 0)).Trim();
}

/// <summary>
/// Runs PostgreSQL's programs. PostgreSQL refuses to run as root, so when this process is root
/// every program runs as the <c>postgres</c> OS user through <c>runuser</c>.
/// </summary>
public sealed class ProcessRunner
{
    public const string ServiceUser = "postgres";

    public bool RunsAsServiceUser { get; } = Environment.IsPrivilegedProcess;

    public async Task<ProcessResult> RunAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        // As the service user, start in "/": it may not be allowed into the current folder.
        var startInfo = RunsAsServiceUser
            ? new ProcessStartInfo("runuser") { ArgumentList = { "-u", ServiceUser, "--", program }, WorkingDirectory = "/" }
            : new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return await RunAsync(startInfo, cancellationToken);
    }

    /// <summary>Runs a program as the current user (chown and the like).</summary>
    public static async Task<ProcessResult> RunAsCurrentUserAsync(string program, IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var startInfo = new ProcessStartInfo(program);
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        return await RunAsync(startInfo, cancellationToken);
    }

    private static async Task<ProcessResult> RunAsync(ProcessStartInfo startInfo, CancellationToken cancellationToken)
    {
        startInfo.RedirectStandardOutput = true;
        startInfo.RedirectStandardError = true;
        startInfo.RedirectStandardInput = true;
        startInfo.UseShellExecute = false;
        // Programs started here must not inherit a locale PostgreSQL does not know.
        startInfo.Environment["LC_ALL"] = "C";
        startInfo.Environment["LANG"] = "C";

        using var process = Process.Start(startInfo)
            ?? throw new EmbeddedPostgresException($"Could not start {startInfo.FileName}.");
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        return new ProcessResult(process.ExitCode, (await stdout).Trim(), (await stderr).Trim());
    }
}
