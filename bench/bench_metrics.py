"""Audit metrics at national scale: ~2,850 county-level areas × 200 chains (synthetic). Target: < 0.5 s for the
full similarity matrix.

Run: python -m bench.bench_metrics
"""

from __future__ import annotations

import statistics
import time
import tracemalloc

import numpy as np
import pandas as pd

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


def timed(fn, repeat: int = 5) -> tuple[float, float]:
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
    m, pairs = synthetic()
    print(f"synthetic: {N_AREAS} areas x {N_CHAINS} chains, {int(m.to_numpy().sum())} links, {len(pairs)} border pairs")
    secs, mb = timed(lambda: jaccard_matrix(m))
    print(f"  full Jaccard similarity matrix ({N_AREAS}x{N_AREAS})  {secs:6.3f} s  peak {mb:6.0f} MB  (target < 0.5 s)")
    sim = jaccard_matrix(m)
    secs, mb = timed(lambda: top_pairs(sim, 50))
    print(f"  50 most similar pairs                       {secs:6.3f} s  peak {mb:6.0f} MB")
    secs, mb = timed(lambda: chain_spread(m, pairs), repeat=3)
    print(f"  per-chain spread incl. neighbour pairs      {secs:6.3f} s  peak {mb:6.0f} MB")
    start = np.random.default_rng(1).uniform(10, 500, N_CHAINS)
    secs, mb = timed(lambda: cagr(start, start * 2, 5), repeat=50)
    print(f"  CAGR for {N_CHAINS} chains                          {secs * 1000:6.3f} ms peak {mb:6.2f} MB")


if __name__ == "__main__":
    main()
