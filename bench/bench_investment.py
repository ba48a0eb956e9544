"""Benchmark the investment page in the app: 50,000 firms + 5,000 projects + 2,000 target firms in the workspace,
from opening the page to every point drawn, in headless Chromium.

Run: python -m bench.bench_investment [--rounds 3] [--reruns 0] [--import-times]

The records are saved once into a fresh SQLite workspace (as an office would import them); `streamlit run app.py`
serves it. After one warm-up visit (the server's one-time work: the plan, the records, the point file), each round
opens the page in a fresh Chromium context (empty cache, new session: a first visit) and then again in that context
(cache warm, new session: a warm visit), timing each from navigation to the map frame saying every point is drawn
(`sqPts.info().ready` with the set's n). Counted per visit: the WebSocket bytes the server sent (what Streamlit
pushes: elements, component arguments) and the bytes fetched over HTTP (page, scripts, areas, the point file).
The load average is recorded with every round. Optional: import times (CSV through the validating importer) and
server reruns (AppTest: bare, click, new filter).
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from dataclasses import replace
from pathlib import Path
from typing import Any

import numpy as np

from bench.page_wait import FIRST_PAINTED, first_paint_at, poll

ROOT = Path(__file__).resolve().parents[1]
N_FIRMS, N_PROJECTS, N_TARGETS = 50_000, 5_000, 2_000
CHAINS = [[3], [9], [1, 2], [18], [4, 5, 6], [15], [12], [20], [7]]
MAP_FRAME = "sqmap"
FIRST_S, WARM_S = 3.0, 1.0  # issue 22's figures
# bytes that came over the network (transferSize: 0 for what the browser's cache answered)
BYTES_JS = """() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
    .reduce((n, e) => n + (e.transferSize || 0), 0)"""


def big_set() -> Any:
    """50,000 firms, 5,000 projects and 2,000 target firms (fixed seed), as records of the plan (not the demo)."""
    from sq_layout.invest.demo import demo_data
    from sq_layout.plan.dataset import bundled

    return replace(demo_data(bundled(), N_FIRMS, N_PROJECTS, n_targets=N_TARGETS), demo=False)


def seeded_workspace(where: Path, data: Any) -> str:
    """A SQLite workspace holding the records in the baseline version (made once, in out/); its URL."""
    from sq_layout.invest.store_repository import StoreRepository
    from sq_layout.store import open_workspace

    url = f"sqlite:///{where / 'workspace.sqlite'}"
    if (where / "seeded").exists():
        return url
    where.mkdir(parents=True, exist_ok=True)
    (where / "workspace.sqlite").unlink(missing_ok=True)
    env = {**os.environ, "SQ_LAYOUT_DB": url}
    subprocess.run([sys.executable, "-m", "sq_layout", "workspace", "init"], cwd=ROOT, env=env, check=True)
    ws = open_workspace(url)
    vid = ws.latest_id()
    repo = StoreRepository(ws, vid, ds=ws.load(vid))
    repo.load()
    t = time.perf_counter()
    repo.save(data, "bench: 50,000 firms + 5,000 projects + 2,000 targets")
    print(f"saved {N_FIRMS:,} firms + {N_PROJECTS:,} projects + {N_TARGETS:,} targets: {time.perf_counter() - t:.1f} s")
    ws.engine.dispose()
    (where / "seeded").write_text("yes")
    return url


def spawn(url: str) -> tuple[subprocess.Popen[bytes], str]:
    """`streamlit run app.py` on a free local port, reading the seeded workspace."""
    from tests.browser.conftest import _free_port

    port = _free_port()
    env = {**os.environ, "SQ_LAYOUT_DB": url, "PYTHONUNBUFFERED": "1"}
    env.pop("TIANDITU_KEY", None)
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    cmd += ["--server.address", "127.0.0.1", "--server.headless", "true"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return proc, f"http://127.0.0.1:{port}/investment"


def point_info(page: Any) -> dict[str, Any] | None:
    """What the map frame says it has drawn (sqpoints.js info()), or None before it has a point set."""
    frame = next((f for f in page.frames if MAP_FRAME in f.url), None)
    info = frame.evaluate("() => window.sqPts ? window.sqPts.info() : null") if frame is not None else None
    return info if isinstance(info, dict) else None


def points_drawn(page: Any, n: int) -> bool:
    """The map frame has drawn its point set of at least n points."""
    info = point_info(page)
    return bool(info and info["ready"] and info["n"] >= n)


def frames_and_points(page: Any) -> str:
    """The page's frames and the map frame's point info, for a timeout's message."""
    return f"{[f.url for f in page.frames]} {point_info(page)}"


def visit(ctx: Any, url: str, n: int, timeout: float = 300) -> dict[str, float]:
    """Open the page in a browser context: seconds to every point drawn, WebSocket bytes received, HTTP bytes."""
    page = ctx.new_page()
    ws_bytes = [0]

    def on_ws(ws: Any) -> None:
        ws.on("framereceived", lambda payload: ws_bytes.__setitem__(0, ws_bytes[0] + len(payload)))

    page.on("websocket", on_ws)
    t = time.perf_counter()
    page.goto(url, wait_until="commit")
    # what a user first sees with every point: the page's own picture (ui/first_paint.py), or the live map if first
    poll(page, lambda: page.evaluate(FIRST_PAINTED) or points_drawn(page, n), timeout, "the first paint")
    # by the page's own clock from the navigation's start when it had a first paint (a poll answers later)
    first_paint = first_paint_at(page) or time.perf_counter() - t
    poll(page, lambda: points_drawn(page, n), timeout, "every point drawn", lambda: f": {frames_and_points(page)}")
    seconds = time.perf_counter() - t
    # the first paint's frame is gone once the live map shows everything (its page's bytes are in the page's count)
    page.wait_for_function("() => !window.sqFirstPaint || !!window.sqFirstPaint.handover", timeout=30_000)
    http = sum(int(f.evaluate(BYTES_JS)) for f in page.frames if "first-paint" not in f.url)
    phases = page_phases(page)
    n_drawn = float((point_info(page) or {}).get("n", 0))
    page.close()
    return {
        "s": seconds,
        "first_paint": first_paint,
        "ws": ws_bytes[0],
        "http": http,
        "load": os.getloadavg()[0],
        "n": n_drawn,
        **phases,
    }


def from_the_map(ctx: Any, url: str, n: int, timeout: float = 300) -> dict[str, float]:
    """The weekly way in: the layout map open in a tab (its areas painted), then its sidebar link to 招商地图 clicked;
    seconds from the click to every point drawn (the session and Streamlit's frontend are already running)."""
    from bench.bench_first_view import app_drawn

    page = ctx.new_page()
    page.goto(url.rsplit("/", 1)[0] + "/", wait_until="commit")
    poll(page, lambda: app_drawn(page), timeout, "the layout map drawn")
    link = page.locator('[data-testid="stSidebarNav"] a[href$="/investment"]')
    t = time.perf_counter()
    link.click()
    poll(page, lambda: points_drawn(page, n), timeout, "every point drawn", lambda: f": {frames_and_points(page)}")
    seconds = time.perf_counter() - t
    page.close()
    return {"s": seconds, "load": os.getloadavg()[0]}


PHASES = {
    "frame": "navigation → map frame loading (page, Streamlit's scripts, session, the script's run up to the map)",
    "request": "map frame → point file asked for (Leaflet, the areas)",
    "download": "point file downloaded",
    "draw": "point file → every point drawn (decode, cluster, paint)",
}


def page_phases(page: Any) -> dict[str, float]:
    """Where a visit's time went, in seconds, from the page's and the map frame's own clocks (performance.timeOrigin
    and resource timings)."""
    frame = next(f for f in page.frames if MAP_FRAME in f.url)
    t0 = float(page.evaluate("() => performance.timeOrigin"))
    f0 = float(frame.evaluate("() => performance.timeOrigin"))
    js = """() => performance.getEntriesByType('resource').filter(e => e.name.includes('/points/'))
        .map(e => [e.startTime, e.responseEnd])"""
    start, end = frame.evaluate(js)[-1]
    info = point_info(page) or {}
    drawn = end + float(info.get("ms", 0)) - (end - start)  # ms counts from the fetch's start to the paint
    return {
        "frame": (f0 - t0) / 1000,
        "request": start / 1000,
        "download": (end - start) / 1000,
        "draw": max(0.0, drawn - end) / 1000,
    }


def bare_visit(ctx: Any, url: str, timeout: float = 120) -> float:
    """Open the one-widget page (bench/bare_page.py) in a browser context: seconds to its widget drawn (what any
    Streamlit page costs this browser: the floor under the investment page's figure)."""
    from bench.bench_first_view import BARE_DRAWN

    page = ctx.new_page()
    t = time.perf_counter()
    page.goto(url, wait_until="commit")
    poll(page, lambda: bool(page.evaluate(BARE_DRAWN)), timeout, "the one widget")
    seconds = time.perf_counter() - t
    page.close()
    return seconds


def in_app(url: str, n: int, rounds: int, fig: Any) -> None:
    """Warm-up visit, then rounds of (first visit in a fresh context, warm visit in the same context), each beside
    the one-widget page's first and warm visit (in a fresh context of its own), the side going first alternating."""
    from playwright.sync_api import sync_playwright

    from bench import bench_first_view
    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    proc, page_url = spawn(url)
    bare_proc, bare_url = bench_first_view.spawn("bench/bare_page.py")
    first: list[dict[str, float]] = []
    warm: list[dict[str, float]] = []
    linked: list[dict[str, float]] = []
    bare: dict[str, list[float]] = {"first": [], "warm": []}
    try:
        with sync_playwright() as p:
            browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            ctx = browser.new_context(viewport={"width": 1440, "height": 900})
            deadline = time.perf_counter() + 300
            while True:  # the server answers once it is up
                try:
                    w = visit(ctx, page_url, n, timeout=600)
                    break
                except Exception:
                    if time.perf_counter() > deadline:
                        raise
                    time.sleep(0.5)
            print(f"warm-up visit (server's one-time work): {w['s']:.2f} s", flush=True)
            bare_visit(ctx, bare_url, timeout=300)
            ctx.close()
            bench_first_view.settle(proc.pid)  # the one-time warm-ups (cards, guides) done, as for the first view
            for i in range(rounds):
                ctx = browser.new_context(viewport={"width": 1440, "height": 900})
                bare_ctx = browser.new_context(viewport={"width": 1440, "height": 900})
                sides = [("app", ctx), ("bare", bare_ctx)]
                for side, c in sides[i % 2 :] + sides[: i % 2]:
                    if side == "app":
                        first.append(visit(c, page_url, n))
                        warm.append(visit(c, page_url, n))
                    else:
                        bare["first"].append(bare_visit(c, bare_url))
                        bare["warm"].append(bare_visit(c, bare_url))
                linked.append(from_the_map(ctx, page_url, n))
                ctx.close()
                bare_ctx.close()
                f, w = first[-1], warm[-1]
                print(
                    f"round {i + 1}: first {f['s']:.2f} s ({f['ws'] / 1024:.0f} KB ws, {f['http'] / 1024:.0f} KB http)"
                    f"  warm {w['s']:.2f} s ({w['ws'] / 1024:.0f} KB ws, {w['http'] / 1024:.0f} KB http)"
                    f"  from the map's link {linked[-1]['s']:.2f} s"
                    f"  one-widget page first {bare['first'][-1]:.2f} s, warm {bare['warm'][-1]:.2f} s"
                    f"  load {f['load']:.1f}\n    first: "
                    + ", ".join(f"{k} {f[k]:.2f} s" for k in PHASES)
                    + "\n    warm:  "
                    + ", ".join(f"{k} {w[k]:.2f} s" for k in PHASES),
                    flush=True,
                )
            browser.close()
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        bench_first_view.stop(bare_proc)
    t = f"Investment page in the app ({N_FIRMS:,} firms + {N_PROJECTS:,} projects + {N_TARGETS:,} targets)"
    target = f"first ≤ {FIRST_S:g} s, warm ≤ {WARM_S:g} s"
    for name, rows in (("first visit", first), ("warm visit", warm)):
        fig.add(
            t,
            "page opened → every point painted: first paint (the page's own picture, no clicks yet)",
            samples=[r["first_paint"] for r in rows],
            unit="s",
            column=name,
            target=target,
        )
        fig.add(
            t, "page opened → every point drawn on the live map", samples=[r["s"] for r in rows], unit="s", column=name
        )
        fig.add(t, "WebSocket bytes from the server", statistics.median(r["ws"] for r in rows), unit="B", column=name)
        fig.add(t, "HTTP bytes over the network", statistics.median(r["http"] for r in rows), unit="B", column=name)
        fig.add(t, "load average (1 min) per round", samples=[r["load"] for r in rows], column=name)
        for key, what in PHASES.items():
            fig.add(t, what, samples=[r[key] for r in rows], unit="s", column=name)
    fig.add(
        t,
        "page opened → every point drawn on the live map",
        samples=[r["s"] for r in linked],
        unit="s",
        column="from the layout map's sidebar link",
    )
    for name, rows in (("first visit", first), ("warm visit", warm)):
        key = name.split()[0]
        fig.add(t, "one-widget page opened → its widget drawn", samples=bare[key], unit="s", column=name)
        fig.ratio(
            t, "first paint against the one-widget page", [r["first_paint"] for r in rows], bare[key], column=name
        )
        fig.ratio(t, "live map against the one-widget page", [r["s"] for r in rows], bare[key], column=name)
    drawn = "points drawn (the records, and the plan's own firms, projects and parks)"
    fig.add(t, drawn, first[0]["n"], column="first visit")


def import_times(big: Any, fig: Any) -> None:
    """Firms and projects as a user's GCJ-02 CSV through the validating importer."""
    from sq_layout.geo.crs import wgs84_to_gcj02
    from sq_layout.invest.columns import KINDS
    from sq_layout.invest.importer import read_upload
    from sq_layout.plan.dataset import bundled

    ds = bundled()
    for kind, n in (("firms", N_FIRMS), ("projects", N_PROJECTS)):
        table = big.firms if kind == "firms" else big.projects
        g = wgs84_to_gcj02(table[["lon", "lat"]].to_numpy())
        out = table.assign(lon=np.round(g[:, 0], 6), lat=np.round(g[:, 1], 6), area="", carrier="")
        names = big.links.set_index("link_id")["name"].to_dict()
        out["links"] = out["links"].map(lambda s, names=names: ";".join(names[x] for x in s.split(";") if x))
        for c in ("date_signed", "date_started", "date_completed", "date_operating"):
            if c in out:
                out[c] = out[c].dt.strftime("%Y-%m-%d").fillna("")
        fields = KINDS[kind]
        data = out[[f.code for f in fields]].rename(columns={f.code: f.header for f in fields}).to_csv(index=False)
        t = time.perf_counter()
        (res,) = read_upload(ds, f"{kind}.csv", data.encode("utf-8"), big.links, "gcj02")
        dt = time.perf_counter() - t
        assert res.ok, res.problems.head()
        print(f"import {kind:9s} {n:7,d} rows {dt:6.2f} s")
        fig.add("Import (CSV, GCJ-02; validated, converted, placed)", "time", dt, unit="s", column=kind)


def reruns(big: Any, n: int, fig: Any) -> None:
    """Server reruns of the page (AppTest, the demo-sized set in the session): bare, click, new filter, in turn."""
    from streamlit.testing.v1 import AppTest

    at = AppTest.from_file(str(ROOT / "ui" / "investment.py"), default_timeout=300)
    at.session_state["inv_demo_n"] = (N_FIRMS, N_PROJECTS)
    at.run()
    kinds = ("bare", "click", "filter")
    wall: dict[str, list[float]] = {k: [] for k in kinds}

    def timed(kind: str, action: Any) -> None:
        action()
        t = time.perf_counter()
        at.run()
        wall[kind].append(time.perf_counter() - t)

    for i in range(n):
        at.session_state["inv_chain"] = []
        at.run()
        timed("bare", lambda: None)
        r = big.firms.iloc[(i * 997) % len(big.firms)]
        state = {"last_clicked": {"lat": int(np.rint(r.lat * 1e5)) / 1e5, "lng": int(np.rint(r.lon * 1e5)) / 1e5}}
        timed("click", lambda s=state: at.session_state.__setitem__("invmap", s))
        chains = CHAINS[i % len(CHAINS)]
        timed("filter", lambda c=chains: at.session_state.__setitem__("inv_chain", c))
    for k in kinds:
        fig.add("Server reruns (AppTest, 50,000 + 5,000 demo set)", k, samples=wall[k], unit="s")
        print(f"rerun {k:6s} median {statistics.median(wall[k]) * 1000:.0f} ms")


def main() -> None:
    """Seed, serve, time the page in Chromium; optionally the import and the server reruns; write the figures."""
    from bench.record import Figures
    from layers.assets import ensure_leaflet

    ap = argparse.ArgumentParser()
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--reruns", type=int, default=0)
    ap.add_argument("--import-times", action="store_true")
    args = ap.parse_args()
    fig = Figures(
        "bench_investment",
        "The investment page in the app",
        f"from opening /investment in Chromium to every point drawn ({N_FIRMS:,} firms + {N_PROJECTS:,} projects + "
        f"{N_TARGETS:,} target firms saved in a SQLite workspace; `streamlit run app.py`) — first in the page's own "
        "picture of its opening map (the first paint, ui/first_paint.py, by the page's clock; no clicks yet), then on "
        "the live map: first visits in a fresh "
        "context (empty cache) and warm visits in the same context, interleaved round by round after one warm-up "
        "visit and the server settled, and (the way a colleague opens it during the week) from the layout map's "
        "sidebar link clicked in that context's running session; WebSocket bytes the server sent and HTTP bytes "
        "fetched per visit. Beside each, "
        "the same first and warm visits of a one-widget page (`bench/bare_page.py`): what any Streamlit page costs "
        "this browser, the floor under the figure.",
    )
    ensure_leaflet()
    big = big_set()
    n = N_FIRMS + N_PROJECTS  # at least: the plan's own firms, projects and parks come on top
    url = seeded_workspace(ROOT / "out" / "bench-investment", big)
    in_app(url, n, args.rounds, fig)
    if args.import_times:
        import_times(big, fig)
    if args.reruns:
        reruns(big, args.reruns, fig)
    fig.write()


if __name__ == "__main__":
    main()
