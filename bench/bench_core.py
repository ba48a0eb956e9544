"""Benchmark the data core: cold load, cached load, and each query, as called on every Streamlit rerun.

Run: python -m bench.bench_core
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import time
from collections.abc import Callable

from bench.record import Figures
from sq_layout.analysis.overlap import area_chain_matrix, hosts_per_chain, shared_chains
from sq_layout.analysis.queries import Selection, area_details, area_industries, host_summary, parks_in_county
from sq_layout.analysis.spatial import neighbours, nesting
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame, assignment_facts, chain_links


def timeit(fn: Callable[[], object], repeat: int = 50) -> float:
    """Median wall time of fn() in milliseconds."""
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times)


def cold_load_ms() -> float:
    """Import + load + join in a fresh interpreter (what a new server process pays once)."""
    code = (
        "import time; t=time.perf_counter(); from sq_layout.plan.dataset import bundled;"
        "from sq_layout.plan.join import areas_frame; areas_frame(bundled()); print((time.perf_counter()-t)*1000)"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    return float(out.stdout.strip())


def main() -> None:
    """Time the cold load and each query; print and write bench/figures/bench_core.json."""
    fig = Figures(
        "bench_core",
        "The data core: load and queries",
        "the data work under a page: a new server process's import, load and join of the bundled plan (once), then "
        "each query a rerun makes (median of 50 calls, caches warm). No page or browser: the parts, not a wait.",
    )
    cold = [cold_load_ms() for _ in range(3)]
    print(f"cold import+load+join (fresh process): {min(cold):8.1f} ms (best of 3)")
    fig.add("Queries", "cold import + load + join (fresh process)", samples=cold, unit="ms")
    ds = bundled()
    for f in (assignment_facts, chain_links, areas_frame, nesting, neighbours):
        f(ds)  # warm the per-dataset caches, as the app does once
    rows = {
        "bundled() cached": lambda: bundled(),
        "areas_frame (cached)": lambda: areas_frame(ds),
        "area_industries(sihong)": lambda: area_industries(ds, "sihong"),
        "area_details(sucheng)": lambda: area_details(ds, "sucheng"),
        "parks_in_county(sucheng)": lambda: parks_in_county(ds, "sucheng"),
        "host_summary(chain 9)": lambda: host_summary(ds, Selection(chains=(9,))),
        "host_summary(3 chains + tier)": lambda: host_summary(ds, Selection(tiers=("leading",), chains=(3, 9, 18))),
        "hosts_per_chain(all)": lambda: hosts_per_chain(ds),
        "area_chain_matrix(all)": lambda: area_chain_matrix(ds),
        "shared_chains(all)": lambda: shared_chains(ds),
    }
    for name, fn in rows.items():
        ms = timeit(fn)
        print(f"{name:32s} {ms:8.2f} ms (median of 50)")
        fig.add("Queries", f"{name} (median of 50)", ms, unit="ms")
    fig.write()


if __name__ == "__main__":
    main()
