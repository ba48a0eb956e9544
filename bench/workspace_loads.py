"""Concurrent loads of one version on the workspace store: threads of one process, sessions spread over several
processes, or threads each with a store of their own (no decoded copy shared). Used by bench.bench_workspace."""

from __future__ import annotations

import statistics
import threading
import time
from collections.abc import Callable
from typing import Any

from bench.record import load_average

N_READERS, READS_EACH = 20, 3


def _latencies(load: Callable[[int], object], threads: int, each: int, start: threading.Barrier) -> list[float]:
    """`threads` threads, each calling load(thread number) `each` times once all are at `start`: seconds per load."""
    lat: list[float] = []
    lock = threading.Lock()

    def work(i: int) -> None:
        start.wait(600)
        for _ in range(each):
            t = time.perf_counter()
            load(i)
            with lock:
                lat.append(time.perf_counter() - t)

    pool = [threading.Thread(target=work, args=(i,)) for i in range(threads)]
    for th in pool:
        th.start()
    for th in pool:
        th.join(timeout=900)
    return lat


def _process_loads(url: str, vid: int, threads: int, each: int, ready: Any, out: Any) -> None:
    """One process of the multi-process run: open the store, import what a load needs, then wait for the others."""
    from sq_layout.store import open_workspace

    ws = open_workspace(url)
    ws.load(ws.versions()[0].id)  # the libraries a load imports, loaded before timing (not the measured version)
    ready.wait(600)  # all processes start together
    out.put(_latencies(lambda _i: ws.load(vid), threads, each, threading.Barrier(threads)))
    ws.engine.dispose()


def concurrent_loads(
    url: str, vid: int, processes: int, *, shared: bool = True, each: int = READS_EACH
) -> dict[str, Any]:
    """N_READERS concurrent loads of one version, the store starting with nothing decoded: threads of one process,
    or spread over `processes` processes; shared=False gives each thread a store of its own (no copy shared)."""
    from sq_layout.store import open_workspace

    load_start = load_average()
    if processes == 1:
        stores = [open_workspace(url) for _ in range(N_READERS if not shared else 1)]
        for ws in stores:
            ws.forget_loaded()
        t0 = time.perf_counter()
        lat = _latencies(lambda i: stores[i % len(stores)].load(vid), N_READERS, each, threading.Barrier(N_READERS))
        wall = time.perf_counter() - t0
        for ws in stores:
            ws.engine.dispose()
    else:
        import multiprocessing as mp

        ctx = mp.get_context("spawn")
        ready, out = ctx.Barrier(processes + 1), ctx.Queue()
        per = N_READERS // processes
        procs = [ctx.Process(target=_process_loads, args=(url, vid, per, each, ready, out)) for _ in range(processes)]
        for proc in procs:
            proc.start()
        ready.wait(600)  # every process has opened the store and imported its libraries
        t0 = time.perf_counter()
        lat = [x for _ in procs for x in out.get(timeout=900)]
        wall = time.perf_counter() - t0
        for proc in procs:
            proc.join(60)
    q = statistics.quantiles(lat, n=20)
    return {
        "samples": lat,
        "p50": statistics.median(lat),
        "p95": q[18],
        "loads a second": len(lat) / wall,
        "load average (1 min) at start, end": [load_start[0], load_average()[0]],
    }


LOAD_RUNS = {  # column -> (processes, shared copy per process, loads per session)
    f"1 process, {N_READERS} threads, {READS_EACH} loads each": (1, True, READS_EACH),
    f"2 processes, {N_READERS // 2} threads each, {READS_EACH} loads each": (2, True, READS_EACH),
    f"1 process, {N_READERS} threads with their own store, 1 load each": (1, False, 1),
}
