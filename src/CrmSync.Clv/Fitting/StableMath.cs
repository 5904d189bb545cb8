namespace CrmSync.Clv.Fitting;

/// <summary>
/// ln(1+x) and eˣ−1 accurate near 0 (.NET's double.LogP1 and double.ExpM1 compute Log(1+x) and Exp(x)−1, which lose
/// every digit there). Kahan's corrections: the rounding of 1+x (or of eˣ) is divided back out.
/// </summary>
internal static class StableMath
{
    public static double Log1P(double x)
    {
        var u = 1 + x;
        return u == 1 ? x : Math.Log(u) * x / (u - 1);
    }

    public static double Expm1(double x)
    {
        if (Math.Abs(x) < 1e-5)
        {
            return x + (x * x / 2) + (x * x * x / 6);
        }

        var u = Math.Exp(x);
        if (u == 1)
        {
            return x;
        }

        var um1 = u - 1;
        return um1 == -1 || double.IsInfinity(u) ? um1 : um1 * x / Math.Log(u);
    }
}
