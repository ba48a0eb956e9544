"""Audit metrics at national scale: ~2,850 county-level areas × 200 chains (synthetic). Target: < 0.5 s for the
full similarity matrix.

Run: python -m bench.bench_metrics
"""

from __future__ import annotations

import statistics
import time
import tracemalloc
from collections.abc import Callable

import numpy as np
import pandas as pd

from bench.record import Figures
from sq_layout.analysis.metrics import cagr, chain_spread, jaccard_matrix, top_pairs

N_AREAS, N_CHAINS, DENSITY, NEIGHBOURS = 2850, 200, 0.05, 6


def synthetic(seed: int = 7) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Random membership (about 5 % of area–chain pairs) and about 6 border pairs per area."""
    rng = np.random.default_rng(seed)
    m = pd.DataFrame(
        rng.random((N_AREAS, N_CHAINS)) < DENSITY,
        index=[f"a{i:04d}" for i in range(N_AREAS)],
        columns=[f"c{j:03d}" for j in range(N_CHAINS)],
    )
    a = rng.integers(0, N_AREAS, N_AREAS * NEIGHBOURS // 2)
    b = (a + rng.integers(1, 50, len(a))) % N_AREAS
    pairs = pd.DataFrame({"a": m.index[a], "b": m.index[b], "relation": "border"})
    return m, pairs


def timed(fn: Callable[[], object], repeat: int = 5) -> tuple[float, float]:
    """Median seconds and peak traced memory (MB) of fn()."""
    times = []
    tracemalloc.start()
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    peak = tracemalloc.get_traced_memory()[1] / 1e6
    tracemalloc.stop()
    return statistics.median(times), peak


def main() -> None:
    """Time each metric on the synthetic national table; print and write bench/figures/bench_metrics.json."""
    fig = Figures(
        "bench_metrics",
        "Audit metrics at national scale",
        f"the audit's metrics on a synthetic table of {N_AREAS:,} areas × {N_CHAINS} chains (≈ 5 % linked, ≈ "
        f"{NEIGHBOURS} border pairs an area): the computation a 规划审视 tab waits for, median of repeated calls.",
    )
    t = "Metrics"
    m, pairs = synthetic()
    print(f"synthetic: {N_AREAS} areas x {N_CHAINS} chains, {int(m.to_numpy().sum())} links, {len(pairs)} border pairs")
    secs, mb = timed(lambda: jaccard_matrix(m))
    print(f"  full Jaccard similarity matrix ({N_AREAS}x{N_AREAS})  {secs:6.3f} s  peak {mb:6.0f} MB  (target < 0.5 s)")
    fig.add(t, "full Jaccard similarity matrix", secs, unit="s", column="time", target="< 0.5 s")
    fig.add(t, "full Jaccard similarity matrix", mb, unit="MB", column="peak memory")
    sim = jaccard_matrix(m)
    secs, mb = timed(lambda: top_pairs(sim, 50))
    print(f"  50 most similar pairs                       {secs:6.3f} s  peak {mb:6.0f} MB")
    fig.add(t, "50 most similar pairs", secs, unit="s", column="time")
    fig.add(t, "50 most similar pairs", mb, unit="MB", column="peak memory")
    secs, mb = timed(lambda: chain_spread(m, pairs), repeat=3)
    print(f"  per-chain spread incl. neighbour pairs      {secs:6.3f} s  peak {mb:6.0f} MB")
    fig.add(t, "per-chain spread incl. neighbour pairs", secs, unit="s", column="time")
    fig.add(t, "per-chain spread incl. neighbour pairs", mb, unit="MB", column="peak memory")
    start = np.random.default_rng(1).uniform(10, 500, N_CHAINS)
    secs, mb = timed(lambda: cagr(start, start * 2, 5), repeat=50)
    print(f"  CAGR for {N_CHAINS} chains                          {secs * 1000:6.3f} ms peak {mb:6.2f} MB")
    fig.add(t, f"CAGR for {N_CHAINS} chains", secs * 1000, unit="ms", column="time")
    fig.add(t, f"CAGR for {N_CHAINS} chains", mb, unit="MB", column="peak memory")
    fig.write()


if __name__ == "__main__":
    main()
