"""Benchmark editing: save-an-edit latency and the explorer's data rebuild after an edit on SQLite and PostgreSQL,
then N concurrent editors against PostgreSQL for a bounded time (edits/s, conflicts, p95, nothing lost).

Run: python -m bench.bench_edits [--seconds 60] [--editors 10]
PostgreSQL: $SQ_LAYOUT_TEST_PG (as .ci/run sets it), else a throwaway cluster on 127.0.0.1 started here.
"""

from __future__ import annotations

import argparse
import os
import random
import shutil
import socket
import statistics
import subprocess
import tempfile
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, func, select, text
from sqlalchemy.engine import make_url

from bench.record import Figures
from sq_layout.errors import EditConflict
from sq_layout.plan.join import areas_frame, chain_links
from sq_layout.store import Workspace, drafts, edit_ops, open_workspace
from sq_layout.store import tables as t
from sq_layout.store.changes import change_sets as changes
from sq_layout.store.users import add_user_cli

PG_BIN = Path("/usr/lib/postgresql/15/bin")


@contextmanager
def pg_server() -> Iterator[str]:
    """$SQ_LAYOUT_TEST_PG, or a throwaway local cluster for the length of the run."""
    if os.environ.get("SQ_LAYOUT_TEST_PG"):
        yield os.environ["SQ_LAYOUT_TEST_PG"]
        return
    folder = Path(tempfile.mkdtemp(prefix="sq_bench_pg_"))
    run_as = ["su", "postgres", "-c"] if os.geteuid() == 0 else ["bash", "-c"]
    if os.geteuid() == 0:
        shutil.chown(folder, "postgres")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    data, opts = folder / "data", f"-p {port} -k {folder} -c listen_addresses=127.0.0.1"
    subprocess.run(
        [*run_as, f"{PG_BIN}/initdb -D {data} -A trust -U postgres -E UTF8"], check=True, capture_output=True
    )
    subprocess.run([*run_as, f"{PG_BIN}/pg_ctl -D {data} -o '{opts}' -l {folder}/log -w start"], check=True)
    try:
        yield f"postgresql+psycopg://postgres@127.0.0.1:{port}/postgres"
    finally:
        subprocess.run([*run_as, f"{PG_BIN}/pg_ctl -D {data} -m fast stop"], check=False)
        shutil.rmtree(folder, ignore_errors=True)


def fresh(backend: str, server: str) -> Workspace:
    """A new workspace with an editor and an open draft."""
    if backend == "sqlite":
        url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_bench_')}/w.sqlite"
    else:
        name = f"sq_bench_{uuid.uuid4().hex[:10]}"
        admin = create_engine(server, isolation_level="AUTOCOMMIT")
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        admin.dispose()
        url = make_url(server).set(database=name).render_as_string(hide_password=False)
        with create_engine(url).begin() as conn:
            conn.execute(text("CREATE EXTENSION postgis"))
    ws = open_workspace(url)
    for i in range(10):
        add_user_cli(ws, f"ed{i}", "editor", None)
    return ws


def rev_of(ws: Workspace, vid: int, chain_no: int) -> int:
    """The current revision of a chain record (what an editor's form would carry)."""
    tab = t.records["chains"]
    with ws.engine.connect() as conn:
        return int(
            conn.execute(select(tab.c.rev).where(tab.c.version_id == vid, tab.c.chain_no == chain_no)).scalar_one()
        )


def single(ws: Workspace, label: str, fig: Figures, n: int = 30) -> None:
    """Save-an-edit latency and the explorer's data rebuild after an edit."""
    vid = drafts.start_draft(ws, "ed0", ws.latest_id(), "bench")
    saves, rebuild = [], []
    for i in range(n):
        rev = rev_of(ws, vid, 3)
        t0 = time.perf_counter()
        edit_ops.set_chain_figures(ws, "ed0", vid, 3, rev, {"target_2025_yi": 1000 + i}, "bench")
        saves.append(time.perf_counter() - t0)
        t0 = time.perf_counter()
        ds = ws.load(vid)  # what the page does on its next rerun: the draft's revision changed, so reload and join
        areas_frame(ds), chain_links(ds)
        rebuild.append(time.perf_counter() - t0)
    p95 = sorted(saves)[int(0.95 * len(saves)) - 1]
    print(f"{label:<11} save an edit: median {statistics.median(saves) * 1000:6.1f} ms, p95 {p95 * 1000:6.1f} ms"
          f" | explorer data after an edit: median {statistics.median(rebuild) * 1000:6.1f} ms")  # fmt: skip
    column = "SQLite" if label == "sqlite" else "PostgreSQL"
    fig.add("One editor", f"save an edit (median of {n})", samples=saves, unit="s", column=column)
    fig.add("One editor", "save an edit: p95", p95, unit="s", column=column)
    fig.add("One editor", "the explorer's data after an edit (reload + join)", samples=rebuild, unit="s", column=column)


def crowd(ws: Workspace, editors: int, seconds: float, fig: Figures) -> None:
    """Editors hammering 20 chain records at once; every save either lands (logged) or is refused, none lost."""
    vid = drafts.start_draft(ws, "ed0", ws.latest_id(), "crowd")
    stop = time.monotonic() + seconds
    lock = threading.Lock()
    saved, conflicts, latency = [0], [0], []

    def editor(i: int) -> None:
        rnd = random.Random(i)
        while time.monotonic() < stop:
            chain = rnd.randint(1, 20)
            rev = rev_of(ws, vid, chain)
            time.sleep(rnd.uniform(0, 0.02))  # the time between opening a form and saving it
            t0 = time.perf_counter()
            try:
                edit_ops.set_chain_figures(ws, f"ed{i}", vid, chain, rev, {"target_2023_yi": rnd.uniform(1, 999)}, "b")
                ok = True
            except EditConflict:
                ok = False
            with lock:
                latency.append(time.perf_counter() - t0)
                saved[0] += ok
                conflicts[0] += not ok

    threads = [threading.Thread(target=editor, args=(i,)) for i in range(editors)]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    tab = t.records["chains"]
    with ws.engine.connect() as conn:
        bumps = conn.execute(select(func.sum(tab.c.rev - 1)).where(tab.c.version_id == vid)).scalar_one()
        logged = conn.execute(select(func.count()).where(changes.c.version_id == vid, changes.c.action == "update"))
        logged_n = logged.scalar_one()
    p95 = sorted(latency)[int(0.95 * len(latency)) - 1]
    verdict = "nothing lost" if saved[0] == logged_n == bumps else "MISMATCH"
    print(f"postgresql  {editors} editors × {seconds:.0f} s: {saved[0] / seconds:.1f} edits/s, {conflicts[0]} conflicts"
          f" ({conflicts[0] / max(1, len(latency)):.0%}), p95 {p95 * 1000:.1f} ms;"
          f" saved {saved[0]} = logged {logged_n} = revisions {bumps}: {verdict}")  # fmt: skip
    c = f"{editors} editors for {seconds:.0f} s on one PostgreSQL draft (20 records)"
    fig.add(c, "edits a second", saved[0] / seconds)
    fig.add(c, "refused as conflicts", f"{conflicts[0]} ({conflicts[0] / max(1, len(latency)):.0%})")
    fig.add(c, "save: p95", p95, unit="s")
    fig.add(c, "saved = logged = revisions (nothing lost)", f"{saved[0]} = {logged_n} = {bumps}: {verdict}")


def main() -> None:
    """Both back ends side by side, then the crowd on PostgreSQL."""
    ap = argparse.ArgumentParser()
    ap.add_argument("--seconds", type=float, default=60.0)
    ap.add_argument("--editors", type=int, default=10)
    a = ap.parse_args()
    fig = Figures(
        "bench_edits",
        "Editing",
        "from an editor's save to the record saved and logged, and the explorer's data rebuilt for its next rerun "
        "(reload and join the draft; the page's own rerun and paint not included), on both back ends; then editors "
        "saving at once into one PostgreSQL draft: throughput, conflicts refused, nothing lost.",
    )
    with pg_server() as server:
        for backend in ("sqlite", "postgresql"):
            single(fresh(backend, server), backend, fig)
        crowd(fresh("postgresql", server), a.editors, min(a.seconds, 300.0), fig)
    fig.write()


if __name__ == "__main__":
    main()
