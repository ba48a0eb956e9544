"""Benchmark the chain diagram (产业链图谱): model with node grades, SVG and print page; 50,000 firms + 5,000 projects.

Run: python -m bench.bench_chain_diagram
Figure (issue 22): a chain diagram with its node grades ≤ 0.3 s. Printed: median and worst of the model (records
exploded, nodes graded) and of the SVG per chain, for the plan baseline and the 50k demo set; the print page once.
"""

from __future__ import annotations

import statistics
import time

from bench.record import Figures
from layers.chain_diagram import diagram_svg
from sq_layout.invest.demo import demo_data
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.repository import plan_baseline
from sq_layout.plan.dataset import bundled
from sq_layout.printing.chain_page import chain_page_bytes
from sq_layout.printing.printmap import PrintSpec

BUDGET_S = 0.3


def timed(fn, repeat: int = 3) -> float:
    """The best of `repeat` runs, in seconds."""
    best = float("inf")
    for _ in range(repeat):
        t0 = time.perf_counter()
        fn()
        best = min(best, time.perf_counter() - t0)
    return best


def main() -> None:
    """Time model + SVG for every chain with links, on both sets; print the figures and the verdict."""
    fig = Figures(
        "bench_chain_diagram",
        "The chain diagram (产业链图谱)",
        "from choosing a chain to its diagram ready to send: the model (records exploded, nodes graded) and its SVG, "
        "for every chain with links (best of 3 calls each; the page's rerun and paint are not included); the print "
        "page once.",
    )
    ds = bundled()
    sets = {"plan baseline": plan_baseline(ds), "demo 50,000 + 5,000": demo_data(ds, 50_000, 5_000)}
    worst_all = 0.0
    for name, data in sets.items():
        chains = sorted({int(c) for c in data.links["chain_no"]})
        chain_diagram(ds, data, chains[0])  # the plan files read once (cached), as on a page that is open
        model = [timed(lambda c=c, d=data: chain_diagram(ds, d, c)) for c in chains]
        both = [timed(lambda c=c, d=data: diagram_svg(chain_diagram(ds, d, c), "zh")) for c in chains]
        worst_all = max(worst_all, max(both))
        print(
            f"{name:22s} {len(chains)} chains  model median {statistics.median(model) * 1000:6.1f} ms, "
            f"worst {max(model) * 1000:6.1f} ms;  model+SVG median {statistics.median(both) * 1000:6.1f} ms, "
            f"worst {max(both) * 1000:6.1f} ms"
        )
        t = "Diagram per chain"
        fig.add(t, "chains with links", len(chains), column=name)
        fig.add(t, "model (median, range over chains)", samples=model, unit="s", column=name)
        worst = f"≤ {BUDGET_S} s (worst)"
        fig.add(t, "model + SVG (median, range over chains)", samples=both, unit="s", column=name, target=worst)
    d = chain_diagram(ds, sets["demo 50,000 + 5,000"], 3)
    t0 = time.perf_counter()
    pdf = chain_page_bytes(ds, d, PrintSpec(dpi=150))
    page_s = time.perf_counter() - t0
    print(f"print page (A4 PDF, chain 3, 50k set): {page_s:.2f} s, {len(pdf) / 1024:.0f} KB")
    fig.add("Print page (A4 PDF, chain 3, 50,000-firm set)", "time", page_s, unit="s")
    fig.add("Print page (A4 PDF, chain 3, 50,000-firm set)", "size", len(pdf), unit="B")
    verdict = "within" if worst_all <= BUDGET_S else "OVER"
    budget = f"{BUDGET_S * 1000:.0f} ms"
    print(f"chain diagram with node grades: worst {worst_all * 1000:.0f} ms, {verdict} the {budget} budget")
    fig.write()


if __name__ == "__main__":
    main()
