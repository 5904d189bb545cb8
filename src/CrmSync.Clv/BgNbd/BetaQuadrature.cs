using MathNet.Numerics.Integration;
using static MathNet.Numerics.SpecialFunctions;

namespace CrmSync.Clv.BgNbd;

/// <summary>
/// E[f(p)] for p ~ Beta(a, b) by composite Gauss–Legendre after substitutions that remove the density's endpoint
/// singularities: u = pᵃ on (0, ½] and v = (1−p)ᵇ on [½, 1), so a, b &lt; 1 are as easy as a, b &gt; 1.
/// </summary>
internal static class BetaQuadrature
{
    private const int Panels = 64;
    private const int Order = 16;

    public static double Expectation(Func<double, double> f, double a, double b)
    {
        var left = Panelled(u => Integrand(f, Math.Pow(u, 1 / a), b - 1, fromLeft: true), Math.Pow(0.5, a)) / a;
        var right = Panelled(v => Integrand(f, Math.Pow(v, 1 / b), a - 1, fromLeft: false), Math.Pow(0.5, b)) / b;
        return (left + right) * Math.Exp(-BetaLn(a, b));
    }

    /// <summary>f(p) times the density factor the substitution leaves, (1−p)^(b−1) on the left, p^(a−1) on the right.</summary>
    private static double Integrand(Func<double, double> f, double distance, double exponent, bool fromLeft)
    {
        var p = fromLeft ? distance : 1 - distance;
        return p is <= 0 or >= 1 ? 0 : f(p) * Math.Pow(1 - distance, exponent);
    }

    private static double Panelled(Func<double, double> g, double end)
    {
        var sum = 0.0;
        for (var i = 0; i < Panels; i++)
        {
            sum += GaussLegendreRule.Integrate(g, end * i / Panels, end * (i + 1) / Panels, Order);
        }

        return sum;
    }
}
