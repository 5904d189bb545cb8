using System.Diagnostics;
using System.Text;
using CrmSync.Sandbox;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.Crash;

/// <summary>What one run of the sync process did; <see cref="Stderr"/> holds its log lines up to the end or the kill.</summary>
internal sealed record SyncCrashRun(int ExitCode, bool Killed, TimeSpan Elapsed, string Stderr);

/// <summary>
/// Runs the real <c>crmsync sync</c> process against a sandbox, and kills it (SIGKILL) after a
/// delay or as soon as it logs a line the caller names.
/// </summary>
internal static class SyncCrashProcess
{
    public static Task<SyncCrashRun> RunAsync(
        SandboxServer sandbox, string connectionString, bool full, IReadOnlyDictionary<string, string?> settings,
        TimeSpan? killAfter = null, Func<string, bool>? killOnLine = null) =>
        RunVerbAsync(sandbox, connectionString, full ? ["sync", "--full"] : ["sync"], settings, killAfter, killOnLine);

    /// <summary>Runs any verb; killed after <paramref name="killAfter"/>, or that long after a line <paramref name="killOnLine"/> accepts.</summary>
    public static async Task<SyncCrashRun> RunVerbAsync(
        SandboxServer sandbox, string connectionString, string[] verb, IReadOnlyDictionary<string, string?> settings,
        TimeSpan? killAfter = null, Func<string, bool>? killOnLine = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = RepositoryRoot.Path;
        foreach (var argument in verb.Prepend(Path.Combine(AppContext.BaseDirectory, "crmsync.dll")).Concat(Settings(sandbox, connectionString, settings)))
        {
            start.ArgumentList.Add(argument);
        }

        var clock = Stopwatch.StartNew();
        using var process = new Process { StartInfo = start };
        var stderr = new StringBuilder();
        var lineSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (stderr)
            {
                stderr.AppendLine(line.Data);
            }

            if (killOnLine?.Invoke(line.Data) == true)
            {
                lineSeen.TrySetResult();
            }
        };
        process.Start();
        process.BeginErrorReadLine();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var exited = process.WaitForExitAsync();
        var trigger = killOnLine is not null ? lineSeen.Task.ContinueWith(_ => Task.Delay(killAfter ?? TimeSpan.Zero)).Unwrap()
            : killAfter is { } delay ? Task.Delay(delay) : null;
        var killed = false;
        if (trigger is not null && await Task.WhenAny(exited, trigger) != exited)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        await exited;
        await stdout;
        process.WaitForExit();
        var log = stderr.ToString();
        if (!killed && process.ExitCode != 0)
        {
            throw new InvalidOperationException($"crmsync {string.Join(' ', verb)} exited {process.ExitCode}: {log}");
        }

        return new SyncCrashRun(killed ? -9 : process.ExitCode, killed, clock.Elapsed, log);
    }

    private static IEnumerable<string> Settings(SandboxServer sandbox, string connectionString, IReadOnlyDictionary<string, string?> settings) =>
        new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri)) { ["ConnectionStrings:CrmSync"] = connectionString }
            .Concat(settings)
            .SelectMany(setting => new[] { "--set", $"{setting.Key}={setting.Value}" });
}
