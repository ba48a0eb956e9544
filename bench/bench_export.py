"""Benchmark exports: one 300-DPI A4 PNG (target <= 2 s) and the whole atlas, with peak memory.

Run: python -m bench.bench_export
"""

from __future__ import annotations

import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ONE_PNG = """
import resource, time, io
t0 = time.perf_counter()
from sq_layout.plan.dataset import bundled
from sq_layout.printing.printmap import PrintSpec, map_bytes
from sq_layout.analysis.queries import Selection
ds = bundled()
first = time.perf_counter()
map_bytes(ds, Selection(chains=(3,)), None, PrintSpec(dpi=300), "png")
first = time.perf_counter() - first
warm = []
for chains in [(3,), (9,), (7,), (18,), (1, 2)]:
    t = time.perf_counter()
    map_bytes(ds, Selection(chains=chains), None, PrintSpec(dpi=300), "png")
    warm.append(time.perf_counter() - t)
print(first, *warm, time.perf_counter() - t0, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""

ATLAS = """
import resource, sys, time
from sq_layout.printing.atlas import build_atlas
from sq_layout.plan.dataset import bundled
from sq_layout.printing.printmap import PrintSpec
t = time.perf_counter()
build_atlas(bundled(), sys.argv[1], PrintSpec(orientation="portrait", dpi=int(sys.argv[2])), png=sys.argv[3] == "1")
print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_SELF).ru_maxrss)
"""


def run(code: str, *args: str) -> list[float]:
    out = subprocess.run([sys.executable, "-c", code, *args], cwd=ROOT, capture_output=True, text=True, check=True)
    return [float(x) for x in out.stdout.split()]


def main() -> None:
    *times, total, rss = run(ONE_PNG)
    first, warm = times[0], times[1:]
    print("one A4 landscape map, 300 DPI PNG (3508 x 2480 px)")
    print(f"  first in a fresh process (font + label layout)  {first:6.2f} s")
    print(f"  warm, median of 5 selections                    {statistics.median(warm):6.2f} s   (target <= 2 s)")
    print(f"  whole run incl. imports {total:.1f} s, peak RSS {rss / 1024:.0f} MB")
    with tempfile.TemporaryDirectory() as tmp:
        for dpi, png in ((150, "1"), (300, "1"), (150, "0")):
            secs, rss = run(ATLAS, str(Path(tmp) / f"a{dpi}{png}"), str(dpi), png)
            pdf = (Path(tmp) / f"a{dpi}{png}" / "atlas.pdf").stat().st_size
            what = f"PDF + 39 PNG @ {dpi} DPI" if png == "1" else "PDF only"
            mem = f"peak RSS {rss / 1024:5.0f} MB"
            print(f"atlas (39 A4 pages), {what:24s} {secs:6.1f} s   {mem}   PDF {pdf / 1e6:.1f} MB")


if __name__ == "__main__":
    main()
