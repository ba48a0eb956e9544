"""Backup, restore and copy of a national-scale workspace on SQLite and PostgreSQL, side by side in one run.

The workspace holds the bundled baseline and a generated national plan (bench.national_plan: ~2,870 county areas
with their polygons, 200 chains, ~20,000 assignments). Each figure is the median of 3 runs, with the load average.

Run: python -m bench.bench_backup   (uses $SQ_LAYOUT_TEST_PG, else starts a throwaway local cluster)
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

from bench.bench_workspace import pg_server
from bench.national_plan import counties, generated
from bench.record import Figures
from sq_layout.store import Workspace, backup
from sq_layout.store.engine import make_engine
from tests.store.pgcluster import create_database, drop_databases

RUNS = 3


def _samples(fn: Callable[[], object]) -> list[float]:
    times = []
    for _ in range(RUNS):
        t0 = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t0)
    return times


def main() -> None:
    """Print backup and restore seconds per back end; write bench/figures/bench_backup.json."""
    fig = Figures(
        "bench_backup",
        "Backups of a national workspace",
        "from `sq-layout backup` / `restore` called on a workspace holding the bundled baseline and a generated "
        f"national plan (≈ 2,870 areas with polygons, 200 chains, ≈ 20,000 assignments) to the file written or the "
        f"workspace restored; {RUNS} runs each, SQLite and PostgreSQL side by side.",
    )
    national = generated(counties())
    folder = Path(tempfile.mkdtemp(prefix="sq_bench_backup_"))
    with pg_server() as server:
        made: list[str] = []
        try:
            sources = {"sqlite": f"sqlite:///{folder / 'ws.sqlite'}"}
            sources["postgresql"] = create_database(server)
            made.append(sources["postgresql"].rsplit("/", 1)[1])
            print(f"load average {os.getloadavg()[0]:.2f}; {RUNS} runs each, median")
            print(f"{'':<12}{'backup s':>10}{'restore s':>11}{'size MB':>9}")
            for backend, url in sources.items():
                ws = Workspace(url)
                ws.save_dataset(national, "national", parent_id=ws.latest_id(), user="bench")
                out = folder / f"{backend}.sqlite"
                b = _samples(partial(backup.backup, ws.engine, out))

                def restore_once(backend: str = backend, out: Path = out) -> None:
                    if backend == "sqlite":
                        target = f"sqlite:///{folder / f'restored-{time.time_ns()}.sqlite'}"
                    else:
                        target = create_database(server)
                        made.append(target.rsplit("/", 1)[1])
                    engine = make_engine(target)
                    backup.restore(out, engine)
                    engine.dispose()

                r = _samples(restore_once)
                size = out.stat().st_size
                print(f"{backend:<12}{statistics.median(b):>10.1f}{statistics.median(r):>11.1f}{size / 1e6:>9.1f}")
                column = "SQLite" if backend == "sqlite" else "PostgreSQL"
                fig.add("Backup and restore", "backup", samples=b, unit="s", column=column)
                fig.add("Backup and restore", "restore", samples=r, unit="s", column=column)
                fig.add("Backup and restore", "backup file", size, unit="B", column=column)
                ws.engine.dispose()
        finally:
            drop_databases(server, made)
    fig.write()


if __name__ == "__main__":
    main()
