namespace CrmSync.Sandbox.Generation;

/// <summary>
/// Per-account hidden state of the generating process (purchase rate, drop-out probability,
/// spend rate, alive), kept so that /__sandbox/advance continues the same process.
/// </summary>
internal sealed class Population(int accounts)
{
    public double[] PurchaseRatePerWeek { get; } = new double[accounts];
    public double[] DropOut { get; } = new double[accounts];
    public double[] SpendRate { get; } = new double[accounts];
    public bool[] Alive { get; } = new bool[accounts];
    public bool[] Customer { get; } = new bool[accounts];
    public int[] FirstContact { get; } = new int[accounts];
    public int[] ContactCount { get; } = new int[accounts];
    public int[] DealCount { get; } = new int[accounts];

    public int Count => accounts;
}
