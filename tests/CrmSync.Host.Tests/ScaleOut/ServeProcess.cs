using System.Diagnostics;
using System.Text;
using CrmSync.Testing;

namespace CrmSync.Host.Tests.ScaleOut;

/// <summary>A real <c>crmsync serve</c> process, started with <c>--set</c> settings; killed when disposed.</summary>
internal sealed class ServeProcess : IAsyncDisposable
{
    private readonly Process process;
    private readonly StringBuilder log = new();

    private ServeProcess(Process process) => this.process = process;

    /// <summary>The process's resident memory now.</summary>
    public long WorkingSetBytes
    {
        get
        {
            process.Refresh();
            return process.WorkingSet64;
        }
    }

    public bool HasExited => process.HasExited;

    /// <summary>The address the process said it serves on.</summary>
    public Uri Url => new(System.Text.RegularExpressions.Regex.Match(Log, @"serving on (\S+): dashboard").Groups[1].Value);

    public string Log
    {
        get
        {
            lock (log)
            {
                return log.ToString();
            }
        }
    }

    /// <summary>Starts the process and waits until it says it is serving.</summary>
    public static async Task<ServeProcess> StartAsync(IReadOnlyDictionary<string, string?> settings, TimeSpan timeout)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.Environment["CRMSYNC_CONTENT_ROOT"] = RepositoryRoot.Path;
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "crmsync.dll"));
        start.ArgumentList.Add("serve");
        start.ArgumentList.Add("--urls");
        start.ArgumentList.Add("http://127.0.0.1:0");
        foreach (var (key, value) in settings)
        {
            start.ArgumentList.Add("--set");
            start.ArgumentList.Add($"{key}={value}");
        }

        var serving = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var server = new ServeProcess(new Process { StartInfo = start, EnableRaisingEvents = true });
        DataReceivedEventHandler collect = (_, line) =>
        {
            if (line.Data is null)
            {
                return;
            }

            lock (server.log)
            {
                server.log.AppendLine(line.Data);
            }

            if (line.Data.Contains("CrmSync is serving on", StringComparison.Ordinal))
            {
                serving.TrySetResult();
            }
        };
        server.process.OutputDataReceived += collect;
        server.process.ErrorDataReceived += collect;
        server.process.Exited += (_, _) => serving.TrySetException(new InvalidOperationException($"crmsync serve exited: {server.Log}"));
        server.process.Start();
        server.process.BeginOutputReadLine();
        server.process.BeginErrorReadLine();
        await serving.Task.WaitAsync(timeout);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }

        process.Dispose();
    }
}
