namespace CrmSync.Sandbox.Generation;

/// <summary>
/// The known truth behind the won deals (time unit: week), so a CLV fit can be checked by
/// recovering it. BG/NBD (Fader, Hardie and Lee 2005): purchase rate λ ~ Gamma(r, α) (rate α),
/// drop-out after each repeat purchase with p ~ Beta(a, b). Gamma-Gamma (Fader and Hardie 2013):
/// deal value ~ Gamma(p, ν), ν ~ Gamma(q, γ) (rate γ), so the mean deal is pγ/(q−1).
/// </summary>
public sealed record BtydParameters(double R, double Alpha, double A, double B, double P, double Q, double Gamma)
{
    public static BtydParameters Default { get; } = new(R: 0.8, Alpha: 12, A: 0.6, B: 2.4, P: 6, Q: 4, Gamma: 15000);

    public override string ToString() =>
        FormattableString.Invariant($"BG/NBD r={R} alpha={Alpha} a={A} b={B} (weeks); Gamma-Gamma p={P} q={Q} gamma={Gamma}");
}
