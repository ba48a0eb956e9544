"""Benchmark the investment map with 50,000 firms and 5,000 projects, side by side with the plan baseline.

Run: python -m bench.bench_investment      (needs chromium; see .ci/run)
Figures: import time (CSV through the validating importer), payload bytes, draw time in headless Chromium,
and server reruns (AppTest, interleaved) for filter and click against a bare rerun of the same page.
"""

from __future__ import annotations

import os
import statistics
import tempfile
import time
from pathlib import Path

import numpy as np
from playwright.sync_api import sync_playwright
from streamlit.testing.v1 import AppTest
from streamlit_folium import _get_feature_group_string

from layers.assets import STATIC_DIR, ensure_leaflet
from layers.base import base_layers, base_map
from layers.invest import add_cluster_assets, ensure_markercluster, payload, points_frame, points_group
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


def payload_bytes(sets: dict[str, InvestData]) -> dict[str, str]:
    geo = browser_geometry(areas_frame(bundled()))
    pages = {}
    print("payload (the points layer sent when the filter changes)")
    for label, data in sets.items():
        pts = points_frame(*apply_filter(data, InvestFilter()))
        m = add_cluster_assets(base_map(base_layers(geo, "zh")))
        fg_js = _get_feature_group_string(points_group(pts, data=payload(pts)), m)
        print(f"  {label:28s} {len(pts):7,d} points  {len(fg_js.encode()):11,d} B")
        m = add_cluster_assets(base_map(base_layers(geo, "zh")))
        points_group(pts).add_to(m)
        pages[label] = m.get_root().render()
    return pages


def draw_times(pages: dict[str, str]) -> None:
    """Open each map as a page in headless Chromium (assets from static/, as the app serves them) and time it."""
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as p:
        (Path(tmp) / "app").mkdir()
        os.symlink(STATIC_DIR, Path(tmp) / "app" / "static")
        page_dir = Path(tmp) / "component" / "map"
        page_dir.mkdir(parents=True)
        b = p.chromium.launch(executable_path=CHROMIUM, args=[*CHROMIUM_ARGS, "--allow-file-access-from-files"])
        print("draw in headless Chromium (navigation -> every point added and painted; median of 3)")
        for label, html in pages.items():
            f = page_dir / "index.html"
            f.write_text(html, encoding="utf-8")
            totals, script = [], []
            for _ in range(3):
                pg = b.new_page(viewport={"width": 1400, "height": 900})
                t = time.perf_counter()
                pg.goto(f.as_uri())
                pg.wait_for_function("() => window.sqPoints !== undefined", timeout=120_000)
                totals.append(time.perf_counter() - t)
                script.append(pg.evaluate("() => window.sqPoints.ms") / 1000)
                pg.close()
            print(f"  {label:28s} {median_ms(totals):7.0f} ms total   {median_ms(script):7.0f} ms in the points script")
        b.close()


def reruns(label: str, demo: tuple[int, int] | None, big: InvestData | None, n: int = 9) -> tuple[float, float, float]:
    at = AppTest.from_file(str(ROOT / "ui" / "investment.py"), default_timeout=300)
    if demo:
        at.session_state["inv_demo_n"] = demo
    at.run()
    data = big or plan_baseline(bundled())
    firms = data.firms

    def timed(action) -> float:
        action()
        t = time.perf_counter()
        at.run()
        return time.perf_counter() - t

    bare, clicks, filters = [], [], []
    for i in range(n):
        at.session_state["inv_chain"] = []
        at.run()
        bare.append(timed(lambda: None))
        r = firms.iloc[(i * 997) % len(firms)]
        state = {"last_clicked": {"lat": round(float(r.lat), 5), "lng": round(float(r.lon), 5)}}
        clicks.append(timed(lambda s=state: at.session_state.__setitem__("invmap", s)))
        chains = CHAINS[i % len(CHAINS)]
        filters.append(timed(lambda c=chains: at.session_state.__setitem__("inv_chain", c)))
    assert not at.exception, at.exception
    b, c, f = median_ms(bare), median_ms(clicks), median_ms(filters)
    print(f"  {label:28s} bare {b:7.1f} ms   click {c:7.1f} ms ({c / b:.2f}x)   new filter {f:7.1f} ms ({f / b:.2f}x)")
    return b, c, f


def main() -> None:
    ensure_leaflet()
    ensure_markercluster()
    ds = bundled()
    t = time.perf_counter()
    big = demo_data(ds, N_FIRMS, N_PROJECTS)
    print(f"generate {N_FIRMS:,} firms + {N_PROJECTS:,} projects (fixed seed): {time.perf_counter() - t:.2f} s")
    import_times(big)
    sets = {"plan baseline (9 areas)": plan_baseline(ds), "demo 400 + 120": demo_data(ds), "demo 50,000 + 5,000": big}
    draw_times(payload_bytes(sets))
    print("server reruns (AppTest, median of 9, interleaved)")
    reruns("plan baseline (9 areas)", None, None)
    reruns("demo 50,000 + 5,000", (N_FIRMS, N_PROJECTS), big)


if __name__ == "__main__":
    main()
