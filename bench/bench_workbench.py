"""Benchmark the 招商 workbench's prints: the monthly 通报 and the one-page chain brief on 50,000 firms, 5,000 projects
and 2,000 target firms.

Run: python -m bench.bench_workbench
Figures (issue 22): the monthly bulletin PDF ≤ 3 s, the chain brief ≤ 3 s. Printed: the process's first bulletin
PDF, then the bulletin's tables, its XLSX and PDF, the brief's PDF (best of 3 in one process, after a warm-up call),
with the load average they ran at; written to bench/figures/bench_workbench.json (bench/record.py).
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from datetime import date
from typing import Any

import numpy as np

from sq_layout.invest.demo import demo_data
from sq_layout.invest.pipeline import bulletin, readable
from sq_layout.invest.reports import bulletin_xlsx
from sq_layout.invest.seed import read_targets
from sq_layout.invest.workbench import add_prospect, chain_brief
from sq_layout.plan.dataset import bundled
from sq_layout.printing.bulletin import bulletin_pdf
from sq_layout.printing.chain_brief import brief_pdf

BUDGET_S = 3.0
CATEGORIES = ("央企国企", "长三角", "珠三角", "苏州对口", "跨国公司", "技术攻关", "其他")
PROVINCES = ("上海市", "江苏省", "浙江省", "广东省", "北京市", "安徽省")


def timed(fn: Callable[[], object], repeat: int = 3) -> tuple[float, float]:
    """The best of `repeat` runs after one warm-up call: wall-clock and the process's CPU seconds."""
    fn()
    best = (float("inf"), float("inf"))
    for _ in range(repeat):
        t0, c0 = time.perf_counter(), time.process_time()
        fn()
        best = min(best, (time.perf_counter() - t0, time.process_time() - c0))
    return best


def build_set() -> tuple[Any, Any]:
    """The bundled plan and a workbench of 50,000 firms, 5,000 projects and 2,000 target firms (示例, demo)."""
    ds = bundled()
    data = demo_data(ds, 50_000, 5_000)
    rng = np.random.default_rng(7)
    for i in range(2_000):  # fictional target firms (示例目标…), spread over regions, chains and the year
        record = {
            "name": f"示例目标{i:04d}",
            "province": PROVINCES[i % len(PROVINCES)],
            "chains": str(int(rng.integers(1, 21))),
            "category": CATEGORIES[i % len(CATEGORIES)],
            "date_added": date(2025, 1 + i % 12, 1 + i % 28),
        }
        data = add_prospect(data, record) if i < 50 else data  # the edit path for a few
    import pandas as pd

    rest = pd.DataFrame(
        {
            "prospect_id": [f"T{i + 51:05d}" for i in range(1_950)],
            "name": [f"示例目标{i:04d}" for i in range(50, 2_000)],
            "province": [PROVINCES[i % len(PROVINCES)] for i in range(50, 2_000)],
            "city": "",
            "chains": [str(int(c)) for c in rng.integers(1, 21, 1_950)],
            "links": "",
            "category": [CATEGORIES[i % len(CATEGORIES)] for i in range(50, 2_000)],
            "status": "待接触",
            "area_id": "",
            "owner": "",
            "next_step": "",
            "date_added": pd.to_datetime([date(2025, 1 + i % 12, 1 + i % 28) for i in range(50, 2_000)]),
            "origin": "demo",
            "source": "示例数据",
        }
    )
    data = (
        type(data)
        .of(
            {
                n: getattr(data, n)
                for n in ("firms", "projects", "carriers", "links", "actuals", "chain_leads", "chain_tasks")
            }
            | {"prospects": pd.concat([data.prospects, rest], ignore_index=True)},
            demo=True,
        )
        .validated()
    )
    return ds, data


def main() -> None:
    """Build the set, time each print, print the figures against the budget and write them."""
    load_before = [round(x, 2) for x in os.getloadavg()]
    ds, data = build_set()
    targets = read_targets()
    month = "2025-11"
    b = bulletin(ds, data, [], month, targets)
    first_pdf = time.perf_counter(), time.process_time()
    bulletin_pdf(readable(ds, b, "zh"), b.month, b.demo)
    first = time.perf_counter() - first_pdf[0], time.process_time() - first_pdf[1]
    rows = [
        ("bulletin tables", timed(lambda: bulletin(ds, data, [], month, targets))),
        ("bulletin XLSX", timed(lambda: bulletin_xlsx(ds, b))),
        ("bulletin PDF", timed(lambda: bulletin_pdf(readable(ds, b, "zh"), b.month, b.demo))),
        ("chain brief PDF (chain 3)", timed(lambda: brief_pdf(ds, chain_brief(ds, data, 3)))),
    ]
    print(f"load average {os.getloadavg()[0]:.1f}; {len(data.firms):,} firms, {len(data.projects):,} projects, "
          f"{len(data.prospects):,} target firms; moves in {month}: {len(b.moves)}")  # fmt: skip
    print(f"{'first PDF of the process':28s} {first[0]:6.2f} s ({first[1]:.2f} s CPU)")
    for name, (s, cpu) in rows:
        verdict = "" if "PDF" not in name else ("  ok" if s <= BUDGET_S else f"  over the {BUDGET_S:g} s budget")
        print(f"{name:28s} {s:6.2f} s ({cpu:.2f} s CPU){verdict}")
    from bench.record import Figures

    fig = Figures(
        "bench_workbench",
        "The 招商 workbench's prints",
        f"from asking for a print to its bytes, on {len(data.firms):,} firms, {len(data.projects):,} projects and "
        f"{len(data.prospects):,} target firms (the {month} bulletin: {len(b.moves)} moves); best of 3 after a "
        "warm-up call in one process, and the process's first bulletin PDF (its imports and font loading)",
    )
    fig.load_before = load_before  # the run's start, not the writing's
    budget = f"≤ {BUDGET_S:g} s (idle machine)"
    for name, (s, cpu) in [("bulletin PDF, first of the process", first), *rows]:
        target = budget if "PDF" in name else ""
        fig.add_wall_and_cpu("Prints", name, s, cpu, target=target)
    fig.write()


if __name__ == "__main__":
    main()
