using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using CrmSync.Benchmarks.Micro;

namespace CrmSync.Benchmarks;

/// <summary>
/// BenchmarkDotNet micro-benchmarks (parsers, likelihoods), run in this process (no project generated and built per
/// benchmark) as short runs: 3 warm-ups, 3 iterations, about a minute in all. Options after the name go to
/// BenchmarkDotNet (e.g. --filter *Bulk*).
/// </summary>
internal sealed class MicroBenchmark : IBenchmark
{
    public string Name => "micro";

    public string Description => "BenchmarkDotNet: Salesforce page parsers, mapping files, BG/NBD and Gamma-Gamma likelihoods (BenchmarkDotNet options follow, e.g. --filter *Bulk*)";

    public Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken)
    {
        var config = DefaultConfig.Instance
            .AddJob(Job.ShortRun.WithToolchain(InProcessEmitToolchain.Instance))
            .WithArtifactsPath(Path.Combine(Path.GetTempPath(), "crmsync-benchmarkdotnet"));
        BenchmarkSwitcher.FromTypes([typeof(ParserBenchmarks), typeof(LikelihoodBenchmarks)])
            .Run(args.Count > 0 ? [.. args] : ["--filter", "*"], config);
        return Task.CompletedTask;
    }
}
