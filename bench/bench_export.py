"""Benchmark what a user waits for when printing: the first PDF of a fresh process (after a fresh font cache, and
once the fonts are prepared), a chain's atlas and the whole atlas, each with the load average it ran under.

The prepared-font PDF, the chain's atlas and the whole atlas are interleaved over --rounds rounds (default 3), each
in a fresh process. The fresh-cache PDF converts both faces (≈ 1 min each on an idle core), so it is measured once
per run, first, into a throwaway cache. Figures go to bench/figures/bench_export.json.

Run: python -m bench.bench_export [--rounds 3]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]

FIRST_PDF = """
import os, sys, time
t0 = time.perf_counter()
from sq_layout.plan.dataset import bundled
from sq_layout.printing.printmap import PrintSpec, map_bytes
from sq_layout.analysis.queries import Selection
ds = bundled()
t1, c1 = time.perf_counter(), time.process_time()
pdf = map_bytes(ds, Selection(), "shuyang", PrintSpec(), "pdf")  # an area's report: map, table, bold title
t2 = time.perf_counter()
print(t2 - t1, t2 - t0, len(pdf), os.getloadavg()[0], time.process_time() - c1)
"""

ATLAS = """
import os, sys, time
from sq_layout.plan.dataset import bundled
from sq_layout.printing.atlas import atlas_pages, build_atlas, page_count
from sq_layout.printing.printmap import PrintSpec
ds = bundled()
spec = PrintSpec(orientation="portrait", dpi=150)
pages = atlas_pages(ds, "zh")
if sys.argv[2] == "chain":  # the chain's page, its industry's page and the pages of the areas hosting it
    chain = next(p for p in pages if p.selection.chains == (3,))
    names = set(chain.table.iloc[1:, 0])
    hosts = set(ds.areas.loc[ds.areas["name"].isin(names) | ds.areas["short_name"].isin(names), "area_id"])
    pages = [p for p in pages if p is chain or p.selection.industries == ("pv",) or p.area in hosts]
t, c = time.perf_counter(), time.process_time()
build_atlas(ds, sys.argv[1], spec, pages=pages)
print(time.perf_counter() - t, page_count(ds, spec, pages), os.getloadavg()[0], time.process_time() - c)
"""


def run(code: str, *args: str, env: dict[str, str] | None = None) -> list[float]:
    """Run a snippet in a fresh Python process and return the numbers it prints."""
    out = subprocess.run(
        [sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True, env=env
    )
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    """Measure, print and write the figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--no-fresh", action="store_true", help="skip the fresh-font-cache PDF (two font conversions)")
    a = ap.parse_args()
    figures: dict[str, Any] = {"cores": os.cpu_count(), "load_before": [round(x, 2) for x in os.getloadavg()]}
    if not a.no_fresh:
        with tempfile.TemporaryDirectory() as cache:
            pdf_s, total_s, _size, load, _cpu = run(FIRST_PDF, env={**os.environ, "SQ_LAYOUT_CACHE": cache})
        figures["first_pdf_fresh_cache"] = {"seconds": pdf_s, "with_imports": total_s, "load": load}
        print(f"first PDF, fresh font cache (converts both faces)  {pdf_s:6.1f} s   load {load:.1f}")
    subprocess.run([sys.executable, "-m", "sq_layout", "fonts"], cwd=ROOT, check=True, capture_output=True)
    rounds: list[dict[str, list[float]]] = []
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(a.rounds):
            pdf_s, _total, _size, load_pdf, cpu_pdf = run(FIRST_PDF)
            chain_s, chain_pages, load_chain, cpu_chain = run(ATLAS, str(Path(tmp) / f"c{r}"), "chain")
            whole_s, whole_pages, load_whole, cpu_whole = run(ATLAS, str(Path(tmp) / f"w{r}"), "whole")
            rounds.append(
                {
                    "first_pdf": [pdf_s, cpu_pdf, load_pdf],
                    "chain_atlas": [chain_s, cpu_chain, load_chain],
                    "whole_atlas": [whole_s, cpu_whole, load_whole],
                }
            )
            print(
                f"round {r + 1}: first PDF (fonts prepared) {pdf_s:5.1f} s, {cpu_pdf:.1f} s CPU (load {load_pdf:.1f})"
                f" · chain's atlas ({chain_pages:.0f} p.) {chain_s:5.1f} s, {cpu_chain:.1f} s CPU (load "
                f"{load_chain:.1f}) · whole atlas ({whole_pages:.0f} p.) {whole_s:5.1f} s, {cpu_whole:.1f} s CPU "
                f"(load {load_whole:.1f})"
            )
    for key, target in (("first_pdf", 5), ("chain_atlas", 20), ("whole_atlas", 40)):
        secs = [rd[key][0] for rd in rounds]
        cpus = [rd[key][1] for rd in rounds]
        loads = [rd[key][-1] for rd in rounds]
        figures[key] = {"all_s": secs, "cpu_s": cpus, "loads": loads, "target_s": target}
        print(
            f"{key:12s} median {statistics.median(secs):6.1f} s, {statistics.median(cpus):.1f} s CPU "
            f"(target ≤ {target} s on an idle machine)"
        )
    write_figures(figures)


def write_figures(figures: dict[str, Any]) -> None:
    """The run's figures through bench/record.py (bench/figures/bench_export.json), for the performance guide."""
    from bench.record import Figures

    fig = Figures(
        "bench_export",
        "Printing and the atlas",
        "from asking for a print to the file written, each in a fresh process: the first PDF of an area's report "
        "(once with a fresh font cache, then with the fonts prepared), a chain's atlas and the whole atlas, rounds "
        "interleaved.",
    )
    fig.load_before = figures["load_before"]  # the run's start, not the writing's
    if "first_pdf_fresh_cache" in figures:
        fresh = figures["first_pdf_fresh_cache"]
        fig.add("Prints", "first PDF, fresh font cache (converts the faces)", fresh["seconds"], unit="s")
    titles = {"first_pdf": "first PDF, fonts prepared", "chain_atlas": "a chain's atlas"}
    titles["whole_atlas"] = "the whole atlas"
    for key, title in titles.items():
        f = figures[key]
        target = f"≤ {f['target_s']} s (idle machine)"
        fig.add_wall_and_cpu("Prints", title, f["all_s"], f["cpu_s"], target=target)
        fig.note(f"{title}: 1-minute load average at each round's end " + ", ".join(f"{x:.1f}" for x in f["loads"]))
    fig.write()


if __name__ == "__main__":
    main()
