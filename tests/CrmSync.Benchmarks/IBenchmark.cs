namespace CrmSync.Benchmarks;

/// <summary>One benchmark, chosen by name on the command line: <c>dotnet run -c Release --project tests/CrmSync.Benchmarks -- NAME [options]</c>.</summary>
internal interface IBenchmark
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(IReadOnlyList<string> args, TextWriter output, CancellationToken cancellationToken);
}
