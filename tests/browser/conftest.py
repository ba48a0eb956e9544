"""Start the real app with `streamlit run` and drive it with Debian's headless Chromium."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import Browser, Frame, Page

from tests.waiting import answers, wait_for

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
        return s.getsockname()[1]


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
    pg = ctx.new_page()
    mine: list[str] = []

    def record(request) -> None:
        host = request.url.split("/")[2] if "://" in request.url else ""
        if request.url.startswith(("http", "ws")) and not host.startswith(("127.0.0.1", "localhost")):
            mine.append(request.url)
            external_requests.append(request.url)

    pg.on("request", record)
    yield pg
    ctx.close()
    assert mine == [], f"requests off this machine: {mine[:5]}"  # checked per test: no order or worker matters


def wait_until(page: Page, predicate, timeout: float = 20.0, what: str = "condition") -> None:
    """Poll predicate, letting Playwright process browser events between tries."""
    deadline = time.time() + timeout
    last_error = None
    while time.time() < deadline:
        try:
            if predicate():
                return
        except Exception as exc:  # the DOM may be mid-rerun
            last_error = exc
        page.wait_for_timeout(200)
    raise AssertionError(f"timed out waiting for {what} ({last_error})")


MAP_FRAME = "map_widget.sqmap"  # in the map frame's URL and component name (ui/map_widget.py)


def map_frame(page: Page) -> Frame:
    """The map frame, once Leaflet has drawn the nine areas."""
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), what="map iframe")
    frame = next(f for f in page.frames if MAP_FRAME in f.url)
    wait_until(page, lambda: frame.locator("path.sq-area").count() == 9, timeout=30, what="9 area polygons")
    return frame


def click_latlng(page: Page, frame: Frame, lat: float, lng: float) -> None:
    """Click the map at a geographic position (as a user would click there), once the map has stopped moving."""
    still = "() => !map_div._animatingZoom && !(map_div._panAnim && map_div._panAnim._inProgress)"
    wait_until(page, lambda: frame.evaluate(still), 10, "the map to stop moving")
    page.wait_for_timeout(250)
    pt = frame.evaluate(f"() => {{ const p = map_div.latLngToContainerPoint([{lat}, {lng}]); return [p.x, p.y]; }}")
    frame.locator("#map_div").click(position={"x": pt[0], "y": pt[1]})


def open_app(page: Page, url: str) -> Frame:
    page.goto(url)
    return map_frame(page)


def wait_idle(page: Page, timeout: float = 30.0) -> None:
    """Wait until Streamlit has finished the rerun a widget change started."""
    page.wait_for_timeout(300)
    status = page.locator('[data-testid="stStatusWidget"]')
    wait_until(page, lambda: status.count() == 0 or not status.first.is_visible(), timeout, "rerun to finish")


def choose(page: Page, selectbox, option: str, tries: int = 5) -> None:
    """Pick an option of a Streamlit selectbox, retrying if a rerun closes the dropdown under the click."""
    for _ in range(tries):
        selectbox.click()
        opt = page.get_by_role("option", name=option)
        try:
            opt.wait_for(state="visible", timeout=3000)
            opt.click()
            return
        except Exception:  # the dropdown was re-rendered away; open it again
            page.keyboard.press("Escape")
    raise AssertionError(f"could not choose {option!r}")


def download(page: Page, button, dest: Path, tries: int = 3) -> Path:
    """Click a download button once the app is idle and save the file; retry if a rerun swallowed the click."""
    for attempt in range(tries):
        wait_idle(page)
        try:
            with page.expect_download(timeout=30_000) as dl:
                button.click()
            dl.value.save_as(dest)
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


def open_facts(page: Page, lang: str = "zh") -> None:
    """Open the area's folded facts (sent to the page only once opened) and wait until they are there."""
    from sq_layout.i18n import t

    wait_idle(page)
    page.locator("[data-testid='stExpander'] summary").filter(has_text=t("facts_sources", lang)).first.click()
    facts = page.locator(".st-key-sq-answer .sq-panel:not(.sq-card)")
    wait_until(page, lambda: facts.count() > 0, what="the area's facts")
    wait_idle(page)


def unfold_answer(page: Page, lang: str = "zh") -> None:
    """Open every fold of the answer panel: the area's facts, then each section."""
    open_facts(page, lang)
    closed = page.locator(".st-key-sq-answer details:not([open]) > summary")
    for _ in range(40):
        if closed.count() == 0:
            break
        closed.first.click()
        page.wait_for_timeout(80)
