"""Benchmark the upload limits: a 1.1 MB XLSX that unpacks to 1.1 GB (one shared string) is refused in <= 1 s with
<= 100 MB extra memory, on each way in (招商地图 › 导入, 工作空间 import, `workspace import-plan`).

Run: python -m bench.bench_upload_limits
"""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.record import Figures

ROOT = Path(__file__).resolve().parents[1]
UNPACKED = 1_100_000_000

# Each entry point in a fresh process: time and memory of the refusal alone (imports and data loaded first).
CHILD = """
import resource, sys, time, tracemalloc
from pathlib import Path
from sq_layout.errors import DataError
from sq_layout.imports.plan_template import read_workbook
from sq_layout.invest.importer import read_upload
from sq_layout.invest.repository import plan_baseline
from sq_layout.plan.dataset import bundled
import openpyxl
path = Path(sys.argv[1])
ds = bundled()
links = plan_baseline(ds).links
data = path.read_bytes()
calls = {
    "investment import (bytes)": lambda: read_upload(ds, path.name, data, links),
    "plan template import (file)": lambda: read_workbook(path, ds, path.name),
}
for what, call in calls.items():
    before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    tracemalloc.start()
    t = time.perf_counter()
    try:
        call()
        refused = ""
    except DataError as exc:
        refused = str(exc)
    took = time.perf_counter() - t
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()
    grown = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - before
    last = refused.splitlines()[-1] if refused else ""
    print(f"{what}\\t{took:.4f}\\t{peak}\\t{grown * 1024}\\t{len(refused)}\\t{last}")
"""


def main() -> None:
    """Build the bomb, refuse it on each way in, print time and memory, and fail when over the figures."""
    from tests.hostile import xlsx_bomb

    fig = Figures(
        "bench_upload_limits",
        "Refusing an oversized upload",
        f"from a hostile 1.1 MB XLSX that unpacks to {UNPACKED / 1e9:.1f} GB handed to each way in to its refusal "
        "(time and extra memory of the refusal alone, imports and data loaded first; the CLI whole, process start "
        "included).",
    )
    t_ = "Refusal of a 1.1 MB XLSX that unpacks to 1.1 GB"
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "hostile.xlsx"
        path.write_bytes(xlsx_bomb(UNPACKED))
        print(f"file {path.stat().st_size / 1e6:.2f} MB, unpacks to {UNPACKED / 1e9:.1f} GB")
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        out = subprocess.run(
            [sys.executable, "-c", CHILD, str(path)], capture_output=True, text=True, env=env, cwd=ROOT
        )
        if out.returncode:
            raise SystemExit(out.stderr)
        worst = 0.0
        for line in out.stdout.strip().splitlines():
            what, took, peak, grown, n, msg = line.split("\t")
            print(
                f"{what}: refused in {float(took) * 1000:.1f} ms, tracemalloc peak {int(peak) / 1e6:.2f} MB, "
                f"max RSS grew {int(grown) / 1e6:.1f} MB; message {n} chars: {msg.strip()}"
            )
            assert n != "0", f"{what}: not refused"
            assert float(took) <= 1.0 and int(peak) <= 100e6 and int(grown) <= 100e6, what
            worst = max(worst, float(took))
            fig.add(t_, what, float(took), unit="s", column="refused in", target="≤ 1 s, ≤ 100 MB")
            fig.add(t_, what, max(int(peak), int(grown)), unit="B", column="extra memory (tracemalloc peak or RSS)")
        db = f"sqlite:///{Path(tmp) / 'ws.sqlite'}"
        t = time.perf_counter()
        cli = [sys.executable, "-m", "sq_layout", "workspace", "import-plan", str(path), "--db", db]
        done = subprocess.run(["/usr/bin/time", "-f", "%M", *cli], capture_output=True, text=True, env=env, cwd=ROOT)
        import_s = time.perf_counter() - t
        rss_kb = int(done.stderr.strip().splitlines()[-1])
        print(
            f"workspace import-plan: exit {done.returncode} in {import_s:.2f} s (process start and workspace creation "
            f"included), max RSS {rss_kb / 1e3:.0f} MB, stderr {len(done.stderr)} chars: "
            f"{done.stderr.strip().splitlines()[0][:160]}"
        )
        assert done.returncode == 2 and len(done.stderr) < 2000
        fig.add(t_, "`workspace import-plan` (whole CLI run)", import_s, unit="s", column="refused in")
        fig.add(t_, "`workspace import-plan` (whole CLI run)", rss_kb * 1000, unit="B", column="max RSS of the process")
    fig.write()


if __name__ == "__main__":
    main()
