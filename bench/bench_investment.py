"""Benchmark the investment map with 50,000 firms and 5,000 projects, side by side with the plan baseline.

Run: python -m bench.bench_investment      (needs chromium; see .ci/run)
Figures: import time (CSV through the validating importer), payload bytes, draw time in headless Chromium,
and server reruns (AppTest, interleaved) for filter and click against a bare rerun of the same page.
"""

from __future__ import annotations

import http.server
import json
import os
import statistics
import tempfile
import threading
import time
from functools import partial
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest

from layers.assets import STATIC_DIR, ensure_leaflet
from layers.base import base_layers, publish_mount
from layers.invest import invest_overlay, point_blob, points_frame, shade_styles
from layers.points import publish
from sq_layout.geo.crs import wgs84_to_gcj02
from sq_layout.geo.simplify import browser_geometry
from sq_layout.invest.columns import KINDS
from sq_layout.invest.demo import demo_data
from sq_layout.invest.importer import read_upload
from sq_layout.invest.repository import InvestData, plan_baseline
from sq_layout.invest.views import InvestFilter, apply_filter
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

ROOT = Path(__file__).resolve().parents[1]
N_FIRMS, N_PROJECTS = 50_000, 5_000
CHAINS = [[3], [9], [1, 2], [18], [4, 5, 6], [15], [12], [20], [7]]


def median_ms(samples: list[float]) -> float:
    return statistics.median(samples) * 1000


def as_csv(data: InvestData, kind: str) -> bytes:
    """The records as a user's CSV in GCJ-02 (template headers), so the import converts and places every row."""
    table = data.firms if kind == "firms" else data.projects
    g = wgs84_to_gcj02(table[["lon", "lat"]].to_numpy())
    out = table.assign(lon=np.round(g[:, 0], 6), lat=np.round(g[:, 1], 6), area="", carrier="")
    approx = table["approximate"].to_numpy()
    out.loc[approx, ["lon", "lat"]] = np.nan
    out.loc[approx, "area"] = table.loc[approx, "area_id"]
    links = data.links.set_index("link_id")["name"]
    out["links"] = out["links"].map(lambda s: ";".join(links[x] for x in s.split(";") if x))
    for c in ("date_signed", "date_started", "date_completed", "date_operating"):
        if c in out:
            out[c] = out[c].dt.strftime("%Y-%m-%d").fillna("")
    fields = KINDS[kind]
    cols = {f.code: f.header for f in fields}
    return out[[f.code for f in fields]].rename(columns=cols).to_csv(index=False).encode("utf-8")


def import_times(big: InvestData) -> None:
    ds = bundled()
    print("import (CSV, GCJ-02 declared; validated, converted, placed by point-in-polygon)")
    for kind, n in (("firms", N_FIRMS), ("projects", N_PROJECTS)):
        data = as_csv(big, kind)
        t = time.perf_counter()
        (res,) = read_upload(ds, f"{kind}.csv", data, big.links, "gcj02")
        dt = time.perf_counter() - t
        assert res.ok, res.problems.head()
        print(f"  {kind:9s} {n:7,d} rows  {len(data) / 1e6:5.1f} MB   {dt:6.2f} s  ({n / dt:,.0f} rows/s)")


def _page(geo, data: InvestData, flt: InvestFilter) -> tuple[dict, int, int]:
    """The map frame's arguments as the app sends them; the per-rerun overlay's bytes and the point file's bytes."""
    ds = bundled()
    pts = points_frame(*apply_filter(data, flt))
    pset = publish(point_blob(pts), len(pts))
    names = dict(zip(ds.chains["chain_no"], ds.chains["name"], strict=True))

    def overlay():
        return invest_overlay(shade_styles(geo, None), pset, names, "zh")

    args = {"mount": publish_mount(base_layers(geo, "zh")), "overlay": overlay().args(), "height": 900}
    return args, len(json.dumps(args["overlay"], ensure_ascii=False).encode()), pset.bytes


def payload_bytes(sets: dict[str, InvestData]) -> dict[str, str]:
    geo = browser_geometry(areas_frame(bundled()))
    pages = {}
    print("payload: the overlay a rerun sends (area restyle + the point file's name), and the point file, fetched")
    print("once per distinct filter (12 bytes a point, no names)")
    for label, data in sets.items():
        args, rerun, file_bytes = _page(geo, data, InvestFilter())
        n = sum(len(t) for t in apply_filter(data, InvestFilter()))
        print(f"  {label:28s} {n:7,d} points  rerun overlay {rerun:7,d} B   point file {file_bytes:9,d} B")
        pages[label] = args
    return pages


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:  # the benchmark prints its own lines
        pass


def draw_times(pages: dict[str, dict]) -> None:
    """Open the map frame from a local HTTP server in headless Chromium (static/ as the app serves it), hand it each
    page's arguments as Streamlit would, and time it."""
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        (Path(tmp) / "app").mkdir()
        os.symlink(STATIC_DIR, Path(tmp) / "app" / "static")
        page_dir = Path(tmp) / "component" / "map"
        page_dir.mkdir(parents=True)
        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=tmp))
        threading.Thread(target=server.serve_forever, daemon=True).start()
        base = f"http://127.0.0.1:{server.server_address[1]}/component/map/"
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        print("draw in headless Chromium (median of 3): navigation -> areas and every point drawn; inside that, the")
        print("points runtime from fetch to painted; then one zoom step in (clustered again and redrawn, no")
        print("animation), then on to zoom 13, where every point in view is drawn on its own")
        frame = (STATIC_DIR / "mapframe" / "index.html").read_text(encoding="utf-8")
        for i, (label, args) in enumerate(pages.items()):
            (page_dir / f"{i}.html").write_text(frame, encoding="utf-8")
            render = "a => window.postMessage({type: 'streamlit:render', args: a}, '*')"
            totals, script, zoom, free = [], [], [], []
            for _ in range(3):
                pg = b.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                pg.goto(f"{base}{i}.html")
                pg.evaluate(render, args)
                pg.wait_for_function(
                    "() => window.sqPts && window.sqPts.info().ready && document.body.dataset.sqReady === '1'",
                    timeout=120_000,
                )
                totals.append(time.perf_counter() - t)
                script.append(pg.evaluate("() => window.sqPts.info().ms") / 1000)
                zoom.append(pg.evaluate("() => window.sqPts.timeZoom(1)") / 1000)
                free.append(pg.evaluate("() => window.sqPts.timeZoom(13 - window.sqPts.info().zoom)") / 1000)
                pg.close()
            print(
                f"  {label:28s} {median_ms(totals):7.0f} ms total   {median_ms(script):7.0f} ms points"
                f"   {median_ms(zoom):6.0f} ms zoom step   {median_ms(free):6.0f} ms to zoom 13"
            )
        b.close()
        server.shutdown()


def _app(demo: tuple[int, int] | None) -> AppTest:
    at = AppTest.from_file(str(ROOT / "ui" / "investment.py"), default_timeout=300)
    if demo:
        at.session_state["inv_demo_n"] = demo
    at.run()
    assert not at.exception, at.exception
    return at


def reruns(apps: dict[str, tuple[AppTest, InvestData]], n: int = 15) -> None:
    """Bare rerun, click on a point, new (uncached) filter: the pages taken in turn, so load hits them alike.

    Wall-clock time and this process's CPU time (the script runs in a thread of this process): on a shared machine
    the wall clock waits for other jobs, CPU time much less so.
    """
    kinds = ("bare", "click", "filter")
    wall: dict[str, dict[str, list[float]]] = {k: {x: [] for x in kinds} for k in apps}
    cpu: dict[str, dict[str, list[float]]] = {k: {x: [] for x in kinds} for k in apps}

    def timed(label: str, kind: str, at: AppTest, action) -> None:
        action()
        t, c = time.perf_counter(), time.process_time()
        at.run()
        wall[label][kind].append(time.perf_counter() - t)
        cpu[label][kind].append(time.process_time() - c)

    for i in range(n):
        for label, (at, data) in apps.items():
            at.session_state["inv_chain"] = []
            at.run()
            timed(label, "bare", at, lambda: None)
            r = data.firms.iloc[(i * 997) % len(data.firms)]
            # the position the browser sends back: the point file's whole 1e-5 degree units, divided as JS does
            state = {"last_clicked": {"lat": int(np.rint(r.lat * 1e5)) / 1e5, "lng": int(np.rint(r.lon * 1e5)) / 1e5}}
            timed(label, "click", at, lambda s=state, a=at: a.session_state.__setitem__("invmap", s))
            assert not [x for x in at.info if "点击地图上的点" in x.value], "the click found no point"
            chains = CHAINS[i % len(CHAINS)]
            timed(label, "filter", at, lambda c=chains, a=at: a.session_state.__setitem__("inv_chain", c))
            assert not at.exception, at.exception
    for name, table in (("wall", wall), ("CPU", cpu)):
        for label, t in table.items():
            b, c, f = (median_ms(t[k]) for k in kinds)
            print(
                f"  {name:4s} {label:26s} bare {b:6.1f} ms   click {c:6.1f} ms ({c / b:.2f}x)"
                f"   new filter {f:6.1f} ms ({f / b:.2f}x)"
            )


def main() -> None:
    # the page reads the chosen plan version from the workspace: a fresh one, so the user's own is never touched
    os.environ.setdefault("SQ_LAYOUT_DB", f"sqlite:///{tempfile.mkdtemp(prefix='sq_bench_')}/workspace.sqlite")
    ensure_leaflet()
    ds = bundled()
    t = time.perf_counter()
    big = demo_data(ds, N_FIRMS, N_PROJECTS)
    print(f"generate {N_FIRMS:,} firms + {N_PROJECTS:,} projects (fixed seed): {time.perf_counter() - t:.2f} s")
    import_times(big)
    sets = {"plan baseline (9 areas)": plan_baseline(ds), "demo 400 + 120": demo_data(ds), "demo 50,000 + 5,000": big}
    draw_times(payload_bytes(sets))
    print("server reruns (AppTest, median of 15, the two pages in turn)")
    reruns(
        {
            "plan baseline (9 areas)": (_app(None), sets["plan baseline (9 areas)"]),
            "demo 50,000 + 5,000": (_app((N_FIRMS, N_PROJECTS)), big),
        }
    )


if __name__ == "__main__":
    main()
