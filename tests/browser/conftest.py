"""Start the real app with `streamlit run` and drive it with Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

import pytest
from playwright.sync_api import Browser, Download, Frame, Locator, Page, Request

from tests.waiting import answers, wait_for

if TYPE_CHECKING:
    from sq_layout.i18n import Lang

ROOT = Path(__file__).resolve().parents[2]
# Debian's chromium wherever PATH finds it (any virtual environment); the Debian path as the last resort.
CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
ARTIFACTS = ROOT / "test-artifacts"


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port: int = s.getsockname()[1]
        return port


def launch_app(
    extra_env: dict[str, str], log_name: str = "streamlit.log", port: int | None = None
) -> tuple[subprocess.Popen[bytes], str]:
    """Start `streamlit run app.py` on a free (or the given) localhost port; the process and its URL once healthy."""
    port = port or _free_port()
    env = {**os.environ, "PYTHONUNBUFFERED": "1", **extra_env}
    for name in ("TIANDITU_KEY", "SQ_LAYOUT_PROXY_HEADER"):
        if name not in extra_env:
            env.pop(name, None)
    ARTIFACTS.mkdir(exist_ok=True)
    cmd = [sys.executable, "-m", "streamlit", "run", "app.py", "--server.port", str(port)]
    with (ARTIFACTS / log_name).open("w") as log:
        proc = subprocess.Popen(
            [*cmd, "--server.address", "127.0.0.1"], cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT
        )
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_for(lambda: answers(url + "_stcore/health"), timeout=90, what="streamlit's health check")
    except AssertionError:
        proc.kill()
        pytest.fail(f"streamlit did not become healthy within 90 s; see test-artifacts/{log_name}")
    return proc, url


@contextmanager
def serve_app(extra_env: dict[str, str], log_name: str = "streamlit.log") -> Iterator[str]:
    """`streamlit run app.py` on a free localhost port with extra environment; yields its URL once healthy."""
    proc, url = launch_app(extra_env, log_name)
    try:
        yield url
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def fresh_workspace(extra_env: dict[str, str] | None = None) -> str:
    """A new, seeded SQLite workspace URL (seeded before the app starts, outside any test's timeout)."""
    url = f"sqlite:///{tempfile.mkdtemp(prefix='sq_ws_')}/workspace.sqlite"
    env = {**os.environ, **(extra_env or {}), "SQ_LAYOUT_DB": url}
    subprocess.run([sys.executable, "-m", "sq_layout", "workspace", "init"], cwd=ROOT, env=env, check=True, timeout=120)
    return url


@pytest.fixture(scope="session")
def app_url() -> Iterator[str]:
    # a fresh workspace per test session: the app shows its baseline, whatever the user's own workspace holds
    with serve_app({"SQ_LAYOUT_DB": fresh_workspace()}) as url:
        yield url


@pytest.fixture(scope="session")
def external_requests() -> list[str]:
    """Every request any test page made to a host other than this machine."""
    return []


@pytest.fixture
def page(browser: Browser, external_requests: list[str]) -> Iterator[Page]:
    """A fresh browser context; at its end the test fails if any request of it went to another host."""
    ctx = browser.new_context(viewport={"width": 1500, "height": 1100}, locale="zh-CN")
    ctx.add_init_script(COUNT_RERUN_ASKS)
    pg = ctx.new_page()
    mine: list[str] = []

    def record(request: Request) -> None:
        host = request.url.split("/")[2] if "://" in request.url else ""
        if request.url.startswith(("http", "ws")) and not host.startswith(("127.0.0.1", "localhost")):
            mine.append(request.url)
            external_requests.append(request.url)

    pg.on("request", record)
    yield pg
    ctx.close()
    assert mine == [], f"requests off this machine: {mine[:5]}"  # checked per test: no order or worker matters


def wait_until(page: Page, predicate: Callable[..., object], timeout: float = 20.0, what: str = "condition") -> None:
    """Poll predicate until it holds; each try first asks the page something, so Playwright takes in the browser's
    events (a navigation, a frame, a websocket message) that a predicate reading Python-side state depends on."""
    errors: list[Exception] = []

    def holds() -> bool:
        try:
            page.evaluate("0")
            return bool(predicate())
        except Exception as exc:  # the DOM may be mid-rerun or mid-navigation
            errors[:] = [exc]
            return False

    try:
        wait_for(holds, timeout, what)
    except AssertionError as exc:
        raise AssertionError(f"{exc} ({errors[0] if errors else None})") from None


MAP_FRAME = "map_widget.sqmap"  # in the map frame's URL and component name (ui/map_widget.py)


def map_frame(page: Page) -> Frame:
    """The map frame, once Leaflet has drawn the nine areas."""
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), what="map iframe")
    frame = next(f for f in page.frames if MAP_FRAME in f.url)
    wait_until(page, lambda: frame.locator("path.sq-area").count() == 9, timeout=30, what="9 area polygons")
    return frame


STILL = "() => !map_div._animatingZoom && !(map_div._panAnim && map_div._panAnim._inProgress)"
# The map frame takes a second click within 400 ms and 4 px of the first for the second half of a double-click
# (static/sqmap.js isDoubleClick): a test's click waits until its previous one is that far in the past.
DOUBLE_CLICK_MS = 400
NOT_A_SECOND_HALF = f"() => !window.__sqTestClick || Date.now() - window.__sqTestClick >= {DOUBLE_CLICK_MS}"
# Resolves once the frame has drawn two more animation frames: work Leaflet queued for the next one (labels placed
# after a restyle or a move) has run.
PAINTED = "() => new Promise(r => requestAnimationFrame(() => requestAnimationFrame(() => r(true))))"


def map_still(frame: Frame, timeout: float = 10.0) -> None:
    """Wait until the map is neither zooming nor panning, across a drawn animation frame, and its queued work ran."""
    frame.wait_for_function(STILL, timeout=timeout * 1000)
    frame.evaluate(PAINTED)
    frame.wait_for_function(STILL, timeout=timeout * 1000)


def settle_map(page: Page, frame: Frame) -> None:
    """Before a screenshot or a count of what happened: no rerun running, the map still and drawn, the fonts in."""
    wait_idle(page)
    map_still(frame)
    page.evaluate("() => document.fonts.ready.then(() => true)")


def click_latlng(page: Page, frame: Frame, lat: float, lng: float) -> None:
    """Click the map at a geographic position (as a user would click there), once the map has stopped moving."""
    map_still(frame)
    frame.wait_for_function(NOT_A_SECOND_HALF, timeout=5000)
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").click(position={"x": pt[0], "y": pt[1]})
    frame.evaluate("() => { window.__sqTestClick = Date.now(); }")  # after the click: never earlier than the map's


def open_app(page: Page, url: str) -> Frame:
    page.goto(url)
    return map_frame(page)


# Streamlit's own state of the session's script (data-test-script-state: initial, running, notRunning, …) and its
# running indicator, which outlives a run by its fade-out.
IDLE = """() => {
    const app = document.querySelector('[data-testid="stApp"]');
    const status = document.querySelector('[data-testid="stStatusWidget"]');
    return !!app && app.dataset.testScriptState === "notRunning" && !status;
}"""
# The newest run mark of the page (ui/rerun_mark.py): the session's run count, sent by every run of every page.
RUN_MARK = (
    "() => Math.max(0, ...[...document.querySelectorAll('style[data-sq-run]')].map(e => Number(e.dataset.sqRun)))"
)


def wait_idle(page: Page, timeout: float = 30.0) -> None:
    """Wait until Streamlit runs no script for the page (after a page load, or once what a rerun sends is seen);
    right after a widget change use `rerun`, which first waits for the change's own run."""
    page.wait_for_function(IDLE, timeout=timeout * 1000)


def run_mark(page: Page) -> int:
    """The run count the page shows (0 before its first run has drawn the sidebar)."""
    return int(page.evaluate(RUN_MARK))


@contextmanager
def rerun(page: Page, timeout: float = 30.0) -> Iterator[None]:
    """Around a widget change: afterwards, wait until a run that started after it has finished."""
    before = run_mark(page)
    yield
    _run_after(page, before, timeout)


# Counts, in the page, the rerun requests it sends: a BackMsg whose first byte is the tag of its rerun_script field
# (field 11, length-delimited: 11 << 3 | 2; BackMsg has only its one-of, so that tag comes first). A widget sends
# its request from within the click's own event handler, so the count has moved by the time the click returns.
COUNT_RERUN_ASKS = """(() => {
    const send = WebSocket.prototype.send;
    window.__sqRerunAsks = 0;
    WebSocket.prototype.send = function (data) {
        const first = data instanceof ArrayBuffer ? new Uint8Array(data)[0]
            : ArrayBuffer.isView(data) ? new Uint8Array(data.buffer, data.byteOffset, 1)[0] : -1;
        if (first === 0x5a) { window.__sqRerunAsks += 1; }
        return send.call(this, data);
    };
})()"""
ASKS = "() => window.__sqRerunAsks || 0"


@contextmanager
def maybe_rerun(page: Page, timeout: float = 30.0) -> Iterator[None]:
    """Around a click that may start a rerun or not (a tab, a fold or a popover reruns the page only if it has an
    on_change): afterwards, if the page asked for a rerun, wait until a run after the click has finished; else only
    until no run is going. Needs COUNT_RERUN_ASKS in the page's context."""
    asked, before = page.evaluate(ASKS), run_mark(page)
    yield
    if page.evaluate(ASKS) > asked:
        _run_after(page, before, timeout)
    else:
        wait_idle(page, timeout)


def _run_after(page: Page, mark: int, timeout: float) -> None:
    """Wait until a run later than the given run mark has finished."""
    page.wait_for_function(f"() => ({RUN_MARK})() > {mark}", timeout=timeout * 1000)
    wait_idle(page, timeout)


def choose(page: Page, selectbox: Locator, option: str, tries: int = 5) -> bool:
    """Pick an option of a Streamlit selectbox, retrying if a rerun closes the dropdown under the click; whether it
    was not the chosen one already (a change, which reruns the page unless the selectbox is in a form)."""
    for _ in range(tries):
        selectbox.click()
        opt = page.get_by_role("option", name=option)
        try:
            opt.wait_for(state="visible", timeout=3000)
            changed = opt.get_attribute("aria-selected") != "true"
            opt.click()
            return changed
        except Exception:  # the dropdown was re-rendered away; open it again
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r}")


def pick(page: Page, selectbox: Locator, option: str, timeout: float = 30.0) -> None:
    """Choose an option of a selectbox outside a form and wait for the rerun it starts (none if already chosen)."""
    before = run_mark(page)
    if choose(page, selectbox, option):
        _run_after(page, before, timeout)
    else:
        wait_idle(page, timeout)


def download(page: Page, button: Locator, dest: Path, tries: int = 3) -> Path:
    """Click a download button once the app is idle and save the file; retry if a rerun swallowed the click."""
    for attempt in range(tries):
        wait_idle(page)
        try:
            with page.expect_download(timeout=30_000) as dl:
                button.click()
            saved: Download = dl.value
            saved.save_as(dest)
            return dest
        except Exception:
            if attempt == tries - 1:
                raise
    return dest


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Browser tests get one retry (pytest-rerunfailures): a click racing a rerun on a loaded 2-core machine is timing,
    not a product failure; a real failure fails twice. Other tests are never retried."""
    for item in items:
        if item.get_closest_marker("browser"):
            item.add_marker(pytest.mark.flaky(reruns=1, reruns_delay=2))


def readme_screenshot(page: Page, name: str) -> None:
    """Screenshot the viewport into test-artifacts/; with SQ_UPDATE_DOCS=1 also refresh docs/<name> for the README."""
    shot = ARTIFACTS / name
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 50_000
    if os.environ.get("SQ_UPDATE_DOCS") == "1":
        shutil.copy(shot, ROOT / "docs" / name)


def open_facts(page: Page, lang: Lang = "zh") -> None:
    """Open the area's folded facts (sent to the page only once opened) and wait until they are there."""
    from sq_layout.i18n import t

    wait_idle(page)
    page.locator("[data-testid='stExpander'] summary").filter(has_text=t("facts_sources", lang)).first.click()
    facts = page.locator(".st-key-sq-answer .sq-panel:not(.sq-card)")
    wait_until(page, lambda: facts.count() > 0, what="the area's facts")
    wait_idle(page)


def unfold_answer(page: Page, lang: Lang = "zh") -> None:
    """Open every fold of the answer panel: the area's facts, then each section."""
    open_facts(page, lang)
    closed = page.locator(".st-key-sq-answer details:not([open]) > summary")
    for _ in range(40):
        if closed.count() == 0:
            break
        # a plain fold opens within the click; one of Streamlit's with an on_change asks for a rerun, waited for
        with maybe_rerun(page):
            closed.first.click()
