using System.Globalization;
using System.Text;
using CrmSync.Clv;
using CrmSync.Clv.Holdout;

namespace CrmSync.Host.Cli;

/// <summary>
/// An SVG line chart of actual vs predicted mean holdout purchases by calibration repeat purchases, the chart lifetimes
/// users know as plot_calibration_purchases_vs_holdout_purchases.
/// </summary>
internal static class ClvHoldoutPlot
{
    private const int Width = 640;
    private const int Height = 420;
    private const int Left = 70;
    private const int Right = 30;
    private const int Top = 50;
    private const int Bottom = 60;

    public static string Svg(HoldoutComparison holdout)
    {
        var rows = holdout.Rows;
        var maxY = NiceCeiling(rows.Max(r => Math.Max(r.ActualMean, r.PredictedMean)));
        var slots = Math.Max(rows.Count - 1, 1);
        double X(int i) => Left + ((Width - Left - Right) * (double)i / slots);
        double Y(double v) => Height - Bottom - ((Height - Top - Bottom) * v / maxY);

        var svg = new StringBuilder();
        svg.Append(Inv($"<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{Width}\" height=\"{Height}\" font-family=\"sans-serif\" font-size=\"12\">\n"));
        svg.Append(Inv($"<rect width=\"{Width}\" height=\"{Height}\" fill=\"white\"/>\n"));
        svg.Append(Inv($"<text x=\"{Width / 2}\" y=\"22\" text-anchor=\"middle\" font-size=\"15\">Actual vs predicted purchases in the holdout period</text>\n"));
        svg.Append(Inv($"<text x=\"{Width / 2}\" y=\"38\" text-anchor=\"middle\" fill=\"#555\">{holdout.CalibrationEnd:yyyy-MM-dd} → {holdout.HoldoutEnd:yyyy-MM-dd}, {holdout.HoldoutLength:0.#} {holdout.Unit.Name()}s</text>\n"));
        for (var tick = 0; tick <= 5; tick++)
        {
            var value = maxY * tick / 5;
            svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Y(value):0.#}\" y2=\"{Y(value):0.#}\" stroke=\"#e5e5e5\"/>"));
            svg.Append(Inv($"<text x=\"{Left - 8}\" y=\"{Y(value) + 4:0.#}\" text-anchor=\"end\">{value:0.##}</text>\n"));
        }

        for (var i = 0; i < rows.Count; i++)
        {
            svg.Append(Inv($"<text x=\"{X(i):0.#}\" y=\"{Height - Bottom + 18}\" text-anchor=\"middle\">{rows[i].RepeatPurchases}{(rows[i].AndMore ? "+" : string.Empty)}</text>\n"));
        }

        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Width - Right}\" y1=\"{Height - Bottom}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>"));
        svg.Append(Inv($"<line x1=\"{Left}\" x2=\"{Left}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"#333\"/>\n"));
        svg.Append(Inv($"<text x=\"{(Width + Left - Right) / 2}\" y=\"{Height - 18}\" text-anchor=\"middle\">Purchases in calibration period (repeat purchases)</text>\n"));
        svg.Append(Inv($"<text transform=\"translate(18 {(Height + Top - Bottom) / 2}) rotate(-90)\" text-anchor=\"middle\">Average purchases in holdout period</text>\n"));
        Series(svg, rows.Select((r, i) => (X(i), Y(r.ActualMean))), "#1f77b4", "none", "actual", 0);
        Series(svg, rows.Select((r, i) => (X(i), Y(r.PredictedMean))), "#ff7f0e", "6 4", "predicted (BG/NBD)", 1);
        svg.Append("</svg>\n");
        return svg.ToString();
    }

    private static void Series(StringBuilder svg, IEnumerable<(double X, double Y)> points, string colour, string dash, string label, int legendRow)
    {
        var list = points.ToList();
        svg.Append(Inv($"<polyline fill=\"none\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\" points=\"{string.Join(' ', list.Select(p => Inv($"{p.X:0.#},{p.Y:0.#}")))}\"/>\n"));
        foreach (var (x, y) in list)
        {
            svg.Append(Inv($"<circle cx=\"{x:0.#}\" cy=\"{y:0.#}\" r=\"3.5\" fill=\"{colour}\"/>"));
        }

        var legendY = Top + 8 + (legendRow * 18);
        svg.Append(Inv($"\n<line x1=\"{Left + 16}\" x2=\"{Left + 46}\" y1=\"{legendY}\" y2=\"{legendY}\" stroke=\"{colour}\" stroke-width=\"2\" stroke-dasharray=\"{dash}\"/>"));
        svg.Append(Inv($"<text x=\"{Left + 52}\" y=\"{legendY + 4}\">{label}</text>\n"));
    }

    /// <summary>1, 2, 2.5, 4, 5, 6 or 8 times a power of ten, at least <paramref name="value"/>: round numbers for the axis.</summary>
    private static double NiceCeiling(double value)
    {
        if (!(value > 0))
        {
            return 1;
        }

        var power = Math.Pow(10, Math.Floor(Math.Log10(value)));
        return new[] { 1, 2, 2.5, 4, 5, 6, 8, 10 }.Select(m => m * power).First(v => v >= value);
    }

    private static string Inv(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
