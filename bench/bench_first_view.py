"""What a user waits for before the first map: the explorer's first view in a fresh browser against geopandas'
`.explore()` HTML of the same 9 areas, and the app's cold start against a one-widget page started the same way.

Run: python -m bench.bench_first_view [--pairs 5]     (needs chromium and mapclassify, as `.explore()` does)

First view: the app's server is running, has served one page and finished its one-time warm-up (a user is rarely
its first visitor); each round opens a fresh Chromium context (empty cache) and times from navigation to the 9
areas on the page and painted (the next animation frame) — first in the page's own picture of its opening map (the
first paint, ui/first_paint.py), then on the live map — then the same for the `.explore()` HTML (9 interactive
paths) served by a local HTTP server. `.explore()` asks CDNs for Leaflet, jQuery, Bootstrap and Font Awesome:
offline, Leaflet and jQuery come from local copies and the rest is answered empty (which favours `.explore()`);
tiles are off on both sides. Cold start: from spawning `streamlit run` to the 9 areas painted (app.py) or the one
widget painted (bench/bare_page.py), both spawned from the repository's folder with its .streamlit/config.toml and
environment, each into a fresh context. The two sides alternate which goes first, round by round.
"""

from __future__ import annotations

import argparse
import itertools
import os
import re
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from bench.explore_side import explore_html, offline, serve_folder
from bench.page_wait import PAINT_MARK, first_paint_at, paint_mark, poll
from bench.record import Figures
from bench.scale_setup import ROOT, bench_env

LOCAL = ("--server.address", "127.0.0.1")
MAP_FRAME = "map_widget.sqmap"
APP_DRAWN = "() => document.body.getAttribute('data-sq-ready') === '1'"
BARE_DRAWN = "() => !!document.querySelector('[data-testid=\"stMultiSelect\"]')"
# the next frame after the one that draws: what was put on the page has been painted
PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(r)))"
BYTES_JS = """() => performance.getEntriesByType('resource').concat(performance.getEntriesByType('navigation'))
    .reduce((n, e) => n + (e.encodedBodySize || 0), 0)"""


def spawn(script: str) -> tuple[subprocess.Popen[bytes], str]:
    """`streamlit run <script>` from the repository's folder (its config), in the bench's environment."""
    from tests.browser.conftest import _free_port

    port = _free_port()
    proc = subprocess.Popen(
        [sys.executable, "-m", "streamlit", "run", script, "--server.port", str(port), *LOCAL],
        cwd=ROOT,
        env=bench_env(None, "app"),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    return proc, f"http://127.0.0.1:{port}/"


def stop(proc: subprocess.Popen[bytes]) -> None:
    """End a server this bench started."""
    proc.terminate()
    proc.wait(timeout=30)


def map_frame(page: Any) -> Any:
    """The page's map frame, or None before it is there."""
    return next((f for f in page.frames if MAP_FRAME in f.url), None)


def app_drawn(page: Any) -> bool:
    """The explorer's map frame has put the areas on the map."""
    frame = map_frame(page)
    return frame is not None and bool(frame.evaluate(APP_DRAWN))


def app_painted(page: Any, timeout: float = 120) -> None:
    """Wait for the map frame's areas, then for them to be painted."""
    poll(page, lambda: app_drawn(page), timeout, "the map's areas")
    map_frame(page).evaluate(PAINTED)


def cpu_seconds(pid: int) -> float:
    """CPU time a process has used (user + system), from /proc."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def settle(pid: int, timeout: float = 180) -> None:
    """Wait until the server is idle (< 20 ms of CPU a second for 3 s): its one-time warm-up after the first page
    is done."""
    deadline = time.perf_counter() + timeout
    last, quiet = cpu_seconds(pid), 0
    while time.perf_counter() < deadline and quiet < 3:
        time.sleep(1)
        now = cpu_seconds(pid)
        quiet = quiet + 1 if now - last < 0.02 else 0
        last = now


PHASES = (
    "navigation → Streamlit's frontend loaded (session asked for)",
    "→ the map element received (the server's run up to the map)",
    "→ the map frame loading (the page's elements rendered)",
    "→ the areas painted (frame, Leaflet, areas' file, drawing)",
)


def watch_phases(page: Any) -> dict[str, float]:
    """When the page first sent on its websocket, received the map element, and began loading the map frame."""
    marks: dict[str, float] = {}

    def on_ws(ws: Any) -> None:
        ws.on("framesent", lambda _: marks.setdefault("session", time.perf_counter()))

        def got(payload: Any) -> None:
            data = payload if isinstance(payload, bytes) else payload.encode()
            if MAP_FRAME.encode() in data:
                marks.setdefault("map element", time.perf_counter())

        ws.on("framereceived", got)

    page.on("websocket", on_ws)
    page.on("request", lambda r: MAP_FRAME in r.url and marks.setdefault("map frame", time.perf_counter()))
    return marks


def page_bytes(page: Any) -> int:
    """Bytes the page and its frames fetched (encoded body sizes of every resource)."""
    return sum(int(f.evaluate(BYTES_JS)) for f in page.frames)


def goto_when_up(page: Any, url: str, timeout: float = 180) -> None:
    """Navigate as soon as the server answers (a refused connection is retried)."""
    deadline = time.perf_counter() + timeout
    while True:
        try:
            page.goto(url, timeout=5000, wait_until="commit")
            return
        except Exception:
            if time.perf_counter() > deadline:
                raise
            page.wait_for_timeout(50)


def first_views(browser: Any, pairs: int, fig: Figures) -> None:
    """Interleaved rounds, each in a fresh context: the explorer's first view, the .explore() HTML's, and the
    one-widget page's (what any Streamlit page costs a fresh browser: the floor under the explorer's figure)."""
    html = explore_html(ROOT / "out" / "bench-explore")
    server, base = serve_folder(html.parent)
    proc, url = spawn("app.py")
    bare_proc, bare_url = spawn("bench/bare_page.py")
    secs: dict[str, list[float]] = {"app": [], "first": [], "explore": [], "bare": []}
    fetched: dict[str, list[float]] = {"app": [], "explore": [], "bare": []}
    phases: dict[str, list[float]] = {name: [] for name in PHASES}
    try:
        warm = browser.new_context(viewport={"width": 1440, "height": 900})
        page = warm.new_page()
        goto_when_up(page, url)
        poll(page, lambda: app_drawn(page), 300, "the warm-up page's map")
        goto_when_up(page, bare_url)
        poll(page, lambda: page.evaluate(BARE_DRAWN), 300, "the one widget")
        warm.close()
        settle(proc.pid)

        def one(side: str) -> None:
            ctx = browser.new_context(viewport={"width": 1440, "height": 900})
            ctx.route(re.compile(r"^https?://(?!127\.0\.0\.1)"), offline)
            rule = {"app": "live"}.get(side, side)
            ctx.add_init_script(f"({PAINT_MARK})({rule!r})")
            page = ctx.new_page()
            t = time.perf_counter()
            if side == "app":
                marks = watch_phases(page)
                page.goto(url, wait_until="commit")
                app_painted(page)
                done = time.perf_counter()
                live = paint_mark(page, 30, "the live map's mark")
                first = first_paint_at(page)
                secs["first"].append(min(live, first) if first is not None else live)
                secs["app"].append(live)
                steps = [t, marks.get("session", t), marks.get("map element", t), marks.get("map frame", t), done]
                for name, (a, b) in zip(PHASES, itertools.pairwise(steps), strict=True):
                    phases[name].append(b - a)
            else:
                page.goto(bare_url if side == "bare" else base + html.name, wait_until="commit")
                secs[side].append(paint_mark(page, 120, f"the {side} side"))
            fetched[side].append(page_bytes(page))
            ctx.close()

        order = ["app", "explore", "bare"]
        for i in range(pairs):
            for side in order[i % 3 :] + order[: i % 3]:  # each side goes first in turn
                one(side)
            print(
                f"first view round {i + 1}: app first paint {secs['first'][-1]:.2f} s, live {secs['app'][-1]:.2f} s, "
                f".explore() {secs['explore'][-1]:.2f} s, "
                f"one-widget page {secs['bare'][-1]:.2f} s",
                flush=True,
            )
    finally:
        stop(proc)
        stop(bare_proc)
        server.shutdown()
    t = "First view in a fresh browser (server running)"
    columns = {
        "first": "explorer: first paint",
        "app": "explorer: live map",
        "explore": "geopandas .explore() HTML",
        "bare": "one-widget page",
    }
    for side, column in columns.items():
        fig.add(t, "navigation → areas (or the widget) painted", samples=secs[side], unit="s", column=column)
    for side, column in columns.items():
        if side in fetched:
            fig.add(
                t,
                "bytes fetched (page, scripts, frames, areas)",
                statistics.median(fetched[side]),
                unit="B",
                column=column,
            )
    fig.ratio(t, "against .explore()", secs["first"], secs["explore"], column=columns["first"], target="≤ 2×")
    fig.ratio(t, "against .explore()", secs["app"], secs["explore"], column=columns["app"])
    fig.ratio(t, "against .explore()", secs["bare"], secs["explore"], column=columns["bare"])
    for name, samples in phases.items():
        fig.add("Where the explorer's first view goes", name, samples=samples, unit="s")


def cold_starts(browser: Any, pairs: int, fig: Figures) -> None:
    """Interleaved pairs: spawn → drawn for app.py and for the one-widget page, started the same way."""
    app_s: list[float] = []
    bare_s: list[float] = []
    cpu: dict[str, list[float]] = {"app": [], "bare": []}

    def one(side: str) -> None:
        ctx = browser.new_context(viewport={"width": 1440, "height": 900})
        page = ctx.new_page()
        t = time.perf_counter()
        proc, url = spawn("app.py" if side == "app" else "bench/bare_page.py")
        try:
            goto_when_up(page, url)
            if side == "app":
                app_painted(page, 300)
                app_s.append(time.perf_counter() - t)
            else:
                poll(page, lambda: page.evaluate(BARE_DRAWN), 300, "the one widget")
                page.evaluate(PAINTED)
                bare_s.append(time.perf_counter() - t)
            # the server's own CPU time to that point: what other jobs on a loaded machine barely change
            cpu[side].append(cpu_seconds(proc.pid))
        finally:
            stop(proc)
            ctx.close()

    for i in range(pairs):
        for side in ("app", "bare") if i % 2 == 0 else ("bare", "app"):
            one(side)
        print(f"cold start pair {i + 1}: app {app_s[-1]:.2f} s, one-widget page {bare_s[-1]:.2f} s", flush=True)
    t = "Cold start (spawn `streamlit run` → painted)"
    fig.add(t, "spawn → painted", samples=app_s, unit="s", column="explorer (app.py)")
    fig.add(t, "spawn → painted", samples=bare_s, unit="s", column="one-widget page (bench/bare_page.py)")
    fig.ratio(t, "explorer / one-widget page", app_s, bare_s, column="explorer (app.py)", target="≤ 1.5×")
    fig.add(t, "server CPU time until painted", samples=cpu["app"], unit="s", column="explorer (app.py)")
    fig.add(
        t, "server CPU time until painted", samples=cpu["bare"], unit="s", column="one-widget page (bench/bare_page.py)"
    )
    fig.ratio(t, "server CPU: explorer / one-widget page", cpu["app"], cpu["bare"], column="explorer (app.py)")


def compiled() -> None:
    """Byte-compile the app's own modules, as a server's first start leaves them for every later one (Streamlit's
    were compiled when installed); with PYTHONDONTWRITEBYTECODE set, each cold start would compile them again."""
    import compileall

    for folder in ("sq_layout", "layers", "ui"):
        compileall.compile_dir(ROOT / folder, quiet=1)
    for script in ("app.py", "bench/bare_page.py"):
        compileall.compile_file(ROOT / script, quiet=1)


def main() -> None:
    """Measure both comparisons and write bench/figures/bench_first_view.json."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    ap = argparse.ArgumentParser()
    ap.add_argument("--pairs", type=int, default=5)
    ap.add_argument("--only", choices=("first", "cold"), default=None)
    a = ap.parse_args()
    fig = Figures(
        "bench_first_view",
        "The first map: first view and cold start",
        "first view — from opening the explorer's address in a fresh browser (empty cache; the server running and "
        "settled) to its 9 areas painted: first in the page's own picture of its opening map (the first paint, "
        "taking no clicks), then on the live map (clickable), against geopandas' `.explore()` HTML of the same 9 "
        "areas in the same kind of browser; cold start — from `streamlit run app.py` to the 9 areas painted, "
        "against a one-widget page (`bench/bare_page.py`) started the same way (same folder, config and "
        "environment) to its widget painted. "
        "Pairs interleaved, the side going first alternating. The app's modules are byte-compiled first, as a "
        "server's first start leaves them (Streamlit's are compiled at install).",
    )
    compiled()
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            if a.only != "cold":
                first_views(browser, a.pairs, fig)
            if a.only != "first":
                cold_starts(browser, a.pairs, fig)
        finally:
            browser.close()
    fig.note(
        "`.explore()`'s CDN assets are served from local copies (Leaflet, jQuery) or answered empty (Bootstrap, Font "
        "Awesome, awesome-markers): offline, this favours `.explore()`. Tiles are off on both sides."
    )
    fig.note(
        "A Streamlit page with one widget and nothing else is itself measured beside them: what it takes against "
        "`.explore()` is the floor of any Streamlit page (its frontend's ≈ 2.9 MB of scripts loaded and run, then a "
        "session and a script run over a WebSocket), so the live map cannot come below the one-widget page."
    )
    fig.note(
        "The first paint is how the explorer's first view comes in under that floor: the server puts a small script "
        "and a map frame into the page's HTML, packed with the map's files and what the last run of the opening view "
        "sent its map, so the areas are painted where the live map will be while Streamlit's frontend loads. It "
        "takes no clicks and is removed once the live map under it has drawn the same areas (ui/first_paint.py). "
        "A cold start has no run to draw from yet, so it is not in the cold-start figures."
    )
    fig.note(
        "Cold start: the server begins the first map's work (the opening version, its map geometry and legend, the "
        "explorer's libraries) as it starts to listen, while the browser fetches the frontend; work that only helps "
        "later (cards, guides, the PDF fonts' check) waits until the areas have been sent (ui/warmup.py)."
    )
    fig.write()


if __name__ == "__main__":
    main()
