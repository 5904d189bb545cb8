using CrmSync.Benchmarks;

// Add a benchmark by adding a class implementing IBenchmark and listing it here.
IBenchmark[] benchmarks = [new SuiteBenchmark(), new MicroBenchmark(), new SandboxBenchmark(), new SalesforceClientBenchmark(), new SyncBenchmark(), new ComputeBenchmark(), new ClvBenchmark(), new WriteBackBenchmark()];

var chosen = args.Length > 0 ? benchmarks.FirstOrDefault(b => b.Name.Equals(args[0], StringComparison.OrdinalIgnoreCase)) : null;
if (chosen is null)
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/CrmSync.Benchmarks -- <benchmark> [options]");
    foreach (var benchmark in benchmarks)
    {
        Console.Error.WriteLine($"  {benchmark.Name,-10} {benchmark.Description}");
    }
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
try
{
    await chosen.RunAsync(args[1..], Console.Out, cancel.Token);
    return 0;
}
catch (InvalidOperationException e)
{
    // A missing prerequisite or a crmsync phase that failed: its message says which, and what it printed.
    Console.Error.WriteLine($"{chosen.Name}: {e.Message}");
    return 1;
}
