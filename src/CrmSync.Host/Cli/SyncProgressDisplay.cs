using CrmSync.Sync.Mappings;
using CrmSync.Sync.Pull;
using Spectre.Console;

namespace CrmSync.Host.Cli;

/// <summary>Progress bars for pulls: one per source, with rows, rows/s and the time left.</summary>
internal static class SyncProgressDisplay
{
    public static Task<T> RunAsync<T>(IAnsiConsole console, IReadOnlyList<SourceMapping> sources, Func<IProgress<PullProgress>, Task<T>> work) =>
        console.Progress()
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new RowsColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(context => work(new ProgressBridge(context, sources)));

    /// <summary>Feeds pull progress into one progress task per source.</summary>
    private sealed class ProgressBridge(ProgressContext context, IReadOnlyList<SourceMapping> sources) : IProgress<PullProgress>
    {
        private readonly Dictionary<string, ProgressTask> tasks = sources.ToDictionary(
            s => s.Source, s => context.AddTask(s.ObjectName, autoStart: false, maxValue: 1));

        public void Report(PullProgress value)
        {
            var task = tasks[value.Source];
            if (task.IsFinished)
            {
                return;
            }

            if (!task.IsStarted)
            {
                task.StartTask();
            }

            task.IsIndeterminate = value.Expected is null;
            task.MaxValue = Math.Max(value.Expected ?? value.Rows, value.Rows);
            task.Value = value.Rows;
            task.Description = $"{value.Source} ({value.Transport})";
            if (value.Done)
            {
                task.StopTask();
            }
        }
    }

    /// <summary>Rows so far and rows per second.</summary>
    private sealed class RowsColumn : ProgressColumn
    {
        public override Spectre.Console.Rendering.IRenderable Render(Spectre.Console.Rendering.RenderOptions options, ProgressTask task, TimeSpan deltaTime) =>
            new Text($"{task.Value:N0} rows, {task.Speed ?? 0:N0}/s");
    }
}
