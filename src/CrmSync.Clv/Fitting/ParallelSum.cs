namespace CrmSync.Clv.Fitting;

/// <summary>
/// Sums per-customer terms in a fixed number of chunks, in parallel, then adds the chunks in order: the result does not
/// depend on the number of cores or on scheduling.
/// </summary>
internal static class ParallelSum
{
    private const int ChunkCount = 16;
    private const int SerialBelow = 20_000;

    /// <summary><paramref name="accumulate"/>(from, to, sums) adds the terms of customers [from, to) into sums (length <paramref name="width"/>).</summary>
    public static void Run(int count, int width, Action<int, int, double[]> accumulate, Span<double> total)
    {
        total.Clear();
        if (count < SerialBelow)
        {
            var sums = new double[width];
            accumulate(0, count, sums);
            sums.CopyTo(total);
            return;
        }

        var chunks = new double[ChunkCount][];
        Parallel.For(0, ChunkCount, chunk =>
        {
            var sums = new double[width];
            accumulate((int)((long)count * chunk / ChunkCount), (int)((long)count * (chunk + 1) / ChunkCount), sums);
            chunks[chunk] = sums;
        });
        foreach (var sums in chunks)
        {
            for (var i = 0; i < width; i++)
            {
                total[i] += sums[i];
            }
        }
    }
}
