"""Times Python lifetimes on the summaries ClvBenchmark writes: python3 clv_lifetimes.py FILE.csv REPEATS.

FILE.csv has columns frequency,recency,T,monetary_value (lifetimes' names). Prints one JSON object.
lifetimes needs numpy, scipy, pandas and autograd; if it cannot be imported the error is printed as JSON.
"""
import json
import sys
import time

try:
    import pandas as pd
    from lifetimes import BetaGeoFitter, GammaGammaFitter
    import lifetimes
except Exception as error:  # noqa: BLE001 - report any import failure to the benchmark
    print(json.dumps({"error": f"{type(error).__name__}: {error}"}))
    sys.exit(0)


def timed(fit, repeats):
    seconds = []
    for _ in range(repeats):
        start = time.perf_counter()
        model = fit()
        seconds.append(time.perf_counter() - start)
    return model, sorted(seconds)[len(seconds) // 2], seconds[0]


def main():
    data = pd.read_csv(sys.argv[1])
    repeats = int(sys.argv[2])
    bgf, bg_median, bg_first = timed(lambda: BetaGeoFitter().fit(data["frequency"], data["recency"], data["T"]), repeats)
    repeaters = data[(data["frequency"] > 0) & (data["monetary_value"] > 0)]
    ggf, gg_median, gg_first = timed(lambda: GammaGammaFitter().fit(repeaters["frequency"], repeaters["monetary_value"]), repeats)
    print(json.dumps({
        "version": lifetimes.__version__,
        "bgnbd_seconds": bg_median, "bgnbd_first_seconds": bg_first,
        "gamma_gamma_seconds": gg_median, "gamma_gamma_first_seconds": gg_first,
        "bgnbd": {k: float(v) for k, v in bgf.params_.items()},
        "gamma_gamma": {k: float(v) for k, v in ggf.params_.items()},
    }))


main()
