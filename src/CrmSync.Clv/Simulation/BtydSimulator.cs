using CrmSync.Clv.BgNbd;
using CrmSync.Clv.GammaGamma;
using CrmSync.Clv.Rfm;
using MathNet.Numerics.Distributions;

namespace CrmSync.Clv.Simulation;

/// <summary>A simulated customer with what the models cannot see: alive at T or not, and purchases after T.</summary>
public sealed record SimulatedCustomer(PurchaseHistory History, bool AliveAtEnd, int FuturePurchases);

/// <summary>
/// Customers drawn from known BG/NBD (and optionally Gamma-Gamma) parameters, for parameter-recovery tests and
/// benchmarks. Each customer: λ ~ Gamma(r, rate α), p ~ Beta(a, b); purchases at exponential gaps of rate λ after the
/// first (at time 0), dropping out with probability p after each repeat purchase; observed until T.
/// </summary>
public static class BtydSimulator
{
    /// <param name="ages">Each customer's T (time from first purchase to the end of observation).</param>
    /// <param name="spend">When given, each purchase is worth z ~ Gamma(p, rate ν) with the customer's ν ~ Gamma(q, rate γ).</param>
    /// <param name="resolution">
    /// When positive, times are floored to multiples of it (e.g. 1/7 for days in weeks) and purchases in the same slot
    /// merge into one, as same-day deals do in real data.
    /// </param>
    public static PurchaseHistory[] Simulate(BgNbdParameters purchase, GammaGammaParameters? spend, IReadOnlyList<double> ages, Random random, double resolution = 0)
    {
        ArgumentNullException.ThrowIfNull(ages);
        var histories = new PurchaseHistory[ages.Count];
        for (var i = 0; i < histories.Length; i++)
        {
            histories[i] = SimulateCustomer(purchase, spend, ages[i], 0, random, resolution).History;
        }

        return histories;
    }

    /// <summary>Customers observed until their T, plus how they go on over the next <paramref name="future"/> time units.</summary>
    public static SimulatedCustomer[] SimulateWithFuture(BgNbdParameters purchase, IReadOnlyList<double> ages, double future, Random random)
    {
        ArgumentNullException.ThrowIfNull(ages);
        var customers = new SimulatedCustomer[ages.Count];
        for (var i = 0; i < customers.Length; i++)
        {
            customers[i] = SimulateCustomer(purchase, null, ages[i], future, random, 0);
        }

        return customers;
    }

    private static SimulatedCustomer SimulateCustomer(BgNbdParameters purchase, GammaGammaParameters? spend, double age, double future, Random random, double resolution)
    {
        ArgumentNullException.ThrowIfNull(purchase);
        ArgumentNullException.ThrowIfNull(random);
        age = Floor(age, resolution);
        var rate = Gamma.Sample(random, purchase.R, purchase.Alpha);
        var dropout = Beta.Sample(random, purchase.A, purchase.B);
        var valueRate = spend is null ? 0 : Gamma.Sample(random, spend.Q, spend.Gamma);
        double time = 0, lastSlot = 0, repeatValue = 0;
        int repeats = 0, futurePurchases = 0;
        var alive = true;
        while (true)
        {
            time += Exponential.Sample(random, rate);
            var slot = Floor(time, resolution);
            if (slot > age + future || double.IsInfinity(time))
            {
                break;
            }

            if (slot > age)
            {
                futurePurchases++;
            }
            else if (slot > lastSlot || resolution <= 0)
            {
                repeats++;
                lastSlot = slot;
            }

            // A purchase merged into the first day belongs to the first purchase, not to the repeats.
            repeatValue += spend is null || repeats == 0 || slot > age ? 0 : Gamma.Sample(random, spend.P, valueRate);
            if (random.NextDouble() < dropout)
            {
                alive = slot > age;
                break;
            }
        }

        return new SimulatedCustomer(new PurchaseHistory(repeats, lastSlot, age, repeats > 0 ? repeatValue / repeats : 0), alive, futurePurchases);
    }

    private static double Floor(double time, double resolution) => resolution > 0 ? Math.Floor((time / resolution) + 1e-9) * resolution : time;
}
