using System.Diagnostics;
using System.Text;
using CrmSync.Sandbox;
using CrmSync.Testing;

namespace CrmSync.WriteBack.Tests.Crash;

/// <summary>What one run of the write-back process did; <see cref="Output"/> holds its log and output up to the end or the kill.</summary>
internal sealed record WriteBackProcessRun(int ExitCode, bool Killed, string Output);

/// <summary>Runs the real <c>crmsync writeback</c> process against a sandbox, and kills it (SIGKILL) as soon as it logs a line the caller names.</summary>
internal static class WriteBackProcess
{
    public static async Task<WriteBackProcessRun> RunAsync(SandboxServer sandbox, string connectionString, Func<string, bool>? killOnLine = null)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = RepositoryRoot.Path;
        var settings = new Dictionary<string, string?>(SandboxLogin.Settings(sandbox.BaseUri))
        {
            ["ConnectionStrings:CrmSync"] = connectionString,
            ["WriteBack:ParallelCalls"] = "1",
            ["Logging:LogLevel:CrmSync.WriteBack.TargetWriteBack"] = "Information",
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crmsync.dll"));
        start.ArgumentList.Add("writeback");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add($"{key}={value}");
        }

        using var process = new Process { StartInfo = start };
        var output = new StringBuilder();
        var lineSeen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line.Data);
            }

            if (killOnLine?.Invoke(line.Data) == true)
            {
                lineSeen.TrySetResult();
            }
        }

        process.ErrorDataReceived += OnLine;
        process.OutputDataReceived += OnLine;
        process.Start();
        process.BeginErrorReadLine();
        process.BeginOutputReadLine();
        var exited = process.WaitForExitAsync();
        var killed = false;
        if (killOnLine is not null && await Task.WhenAny(exited, lineSeen.Task) != exited)
        {
            process.Kill(entireProcessTree: true);
            killed = true;
        }

        await exited;
        process.WaitForExit();
        lock (output)
        {
            return new WriteBackProcessRun(killed ? -9 : process.ExitCode, killed, output.ToString());
        }
    }
}
