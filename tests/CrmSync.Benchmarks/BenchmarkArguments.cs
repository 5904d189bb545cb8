using System.Globalization;

namespace CrmSync.Benchmarks;

internal static class BenchmarkArguments
{
    /// <summary>The integer after <paramref name="name"/> (e.g. <c>--accounts 100000</c>), else the default.</summary>
    public static int Int(IReadOnlyList<string> args, string name, int fallback)
    {
        for (var i = 0; i < args.Count - 1; i++)
        {
            if (args[i] == name)
            {
                return int.Parse(args[i + 1], CultureInfo.InvariantCulture);
            }
        }
        return fallback;
    }
}
