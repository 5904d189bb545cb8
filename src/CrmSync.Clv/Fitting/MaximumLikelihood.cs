using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Optimization;

namespace CrmSync.Clv.Fitting;

/// <summary>The optimum a fit reached: log-parameters, the summed log-likelihood there, and how it got there.</summary>
internal sealed record FitOutcome(double[] LogParameters, double LogLikelihood, int Iterations, bool Converged, double GradientNorm);

/// <summary>
/// Maximises a log-likelihood over log-parameters with MathNet's BFGS on the mean log-likelihood per customer (so the
/// tolerances do not depend on the data size); when BFGS stops early it restarts from a Nelder–Mead point.
/// </summary>
internal static class MaximumLikelihood
{
    // exp(±40) spans every parameter a real data set produces; beyond it the objective is held flat.
    private const double LogBound = 40;

    public static FitOutcome Maximize(ILogLikelihood likelihood, double[] startLogParameters, FitOptions options)
    {
        var objective = ObjectiveFunction.Gradient(point => MeanNegative(likelihood, point));
        var bfgs = new BfgsMinimizer(options.GradientTolerance * 1e-3, 1e-14, 1e-16, options.MaxIterations);
        var start = Vector<double>.Build.DenseOfArray(startLogParameters);
        var iterations = 0;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            try
            {
                var result = bfgs.FindMinimum(objective, start);
                iterations += result.Iterations;
                start = result.MinimizingPoint;
            }
            catch (Exception e) when (e is OptimizationException or ArithmeticException or ArgumentException)
            {
                // A failed line search leaves no point: continue from a derivative-free step.
            }

            var outcome = Outcome(likelihood, start, iterations, options);
            if (outcome.Converged)
            {
                return outcome;
            }

            start = NelderMeadFrom(likelihood, start, options, ref iterations);
        }

        return Outcome(likelihood, start, iterations, options);
    }

    private static Vector<double> NelderMeadFrom(ILogLikelihood likelihood, Vector<double> start, FitOptions options, ref int iterations)
    {
        var valueOnly = ObjectiveFunction.Value(point => MeanNegative(likelihood, point).Item1);
        try
        {
            var result = new NelderMeadSimplex(1e-12, options.MaxIterations * 4).FindMinimum(valueOnly, start);
            iterations += result.Iterations;
            return result.MinimizingPoint;
        }
        catch (Exception e) when (e is OptimizationException or ArithmeticException)
        {
            return start;
        }
    }

    private static FitOutcome Outcome(ILogLikelihood likelihood, Vector<double> point, int iterations, FitOptions options)
    {
        var (value, gradient) = MeanNegative(likelihood, point);
        var norm = gradient.AbsoluteMaximum();
        var converged = double.IsFinite(value) && norm <= options.GradientTolerance
            && point.All(p => Math.Abs(p) < LogBound);
        return new FitOutcome(point.ToArray(), -value * likelihood.Count, iterations, converged, norm);
    }

    private static (double, Vector<double>) MeanNegative(ILogLikelihood likelihood, Vector<double> point)
    {
        var clamped = new double[point.Count];
        for (var i = 0; i < clamped.Length; i++)
        {
            clamped[i] = Math.Clamp(point[i], -LogBound, LogBound);
        }

        var gradient = new double[clamped.Length];
        var value = likelihood.Evaluate(clamped, gradient);
        var scale = -1.0 / likelihood.Count;
        for (var i = 0; i < gradient.Length; i++)
        {
            gradient[i] = Math.Abs(point[i]) > LogBound ? 0 : gradient[i] * scale;
        }

        return double.IsFinite(value)
            ? (value * scale, Vector<double>.Build.DenseOfArray(gradient))
            : (double.MaxValue, Vector<double>.Build.Dense(gradient.Length));
    }
}
