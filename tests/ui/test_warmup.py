"""The warm-ups start on events, never after a fixed delay: the first map's when the server starts (the app's
lifespan); the panels', the guides' and the PDF fonts' when the page run that loaded the version has ended and (in a
server) a browser has fetched a map's areas."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from sq_layout import workspace
from sq_layout.paths import ROOT
from sq_layout.plan.dataset import Dataset
from ui import warmup


def test_without_a_server_the_warm_up_waits_for_the_run_and_starts_when_it_ends(ds: Dataset) -> None:
    release = threading.Event()
    run = threading.Thread(target=release.wait, name="page-run")
    run.start()
    warmed: list[Dataset] = []
    warm = warmup.after_first_view(run, lambda: warmed.append(ds), "test-warm")
    assert warm.is_alive() and warmed == []  # the run is held open, so the warm-up cannot have started
    release.set()
    warm.join(timeout=60)
    assert not warm.is_alive() and warmed == [ds]


def test_in_a_server_the_warm_up_waits_until_a_map_s_areas_have_been_sent(monkeypatch: pytest.MonkeyPatch) -> None:
    import asyncio
    from collections.abc import MutableMapping
    from typing import Any

    from sq_layout.auth.web import Receive, Scope, Send

    served = threading.Event()
    monkeypatch.setattr(warmup, "_areas_served", served)
    monkeypatch.setattr(warmup, "_thread", threading.current_thread())  # as app.py's server branch leaves it
    run = threading.Thread(target=lambda: None, name="page-run")
    run.start()
    warmed: list[str] = []
    warm = warmup.after_first_view(run, lambda: warmed.append("cards"), "test-warm")
    sent: list[MutableMapping[str, Any]] = []

    async def static_file(scope: Scope, receive: Receive, send: Send) -> None:
        await send({"type": "http.response.start", "status": 200, "headers": []})
        await send({"type": "http.response.body", "body": b"{", "more_body": True})
        assert not served.is_set()  # half a file is not the areas on the map
        await send({"type": "http.response.body", "body": b"}"})

    async def request(path: str) -> None:
        async def receive() -> MutableMapping[str, Any]:
            return {"type": "http.request", "body": b""}

        async def send(message: MutableMapping[str, Any]) -> None:
            sent.append(message)

        await warmup.AreasServed(static_file)({"type": "http", "path": path}, receive, send)

    def serve(path: str) -> None:  # on a thread of its own: a browser test's Playwright may hold this one's loop
        worker = threading.Thread(target=lambda: asyncio.run(request(path)))
        worker.start()
        worker.join(timeout=60)

    serve("/app/static/maps/mount.json")  # the mount file: the areas are still to come
    run.join()
    assert warm.is_alive() and warmed == [] and not served.is_set()
    from urllib.parse import urljoin, urlsplit

    from layers.assets import geo_url

    frame = "http://127.0.0.1/sq/component/sq_map/index.html"  # the map frame, behind a proxy's prefix
    serve(urlsplit(urljoin(frame, geo_url("0123abcd.json"))).path)  # the areas, as layers.geostore names them
    warm.join(timeout=60)
    assert served.is_set() and warmed == ["cards"] and len(sent) == 6  # every message passed on unchanged


def test_the_start_warm_up_hands_the_first_run_the_version_it_opens_once(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SQ_LAYOUT_DB", f"sqlite:///{tmp_path / 'w.sqlite'}")
    monkeypatch.setattr(warmup, "_thread", None)
    monkeypatch.setattr(warmup, "_ready", {})
    warmup.start()
    vid = workspace.version_id(None)
    stamp = workspace.draft_stamp(vid)
    assert warmup.take(vid + 1, stamp) is None  # another version: the page prepares it itself
    got = warmup.take(vid, stamp)
    assert got is not None
    ds, geo = got
    assert ds is workspace.dataset(vid)  # the very Dataset the page's own load would return
    assert sorted(geo["area_id"]) == sorted(ds.boundaries["area_id"])
    assert warmup.take(vid, stamp) is None  # handed over once; the page's cache keeps it from then on


def test_the_start_warm_up_leaves_the_map_component_to_the_page_run(tmp_path: Path) -> None:
    # Streamlit serves a component's files only if it was declared inside a page run: a warm-up that imported the
    # map's module first would leave every map frame blank
    # It does leave the first run only the run's own work: Streamlit's emoji catalogue compiled, every loaded module's
    # file indexed for the component's declaration (inspect.getmodule), the areas' document and legend worked out.
    probe = (
        "import inspect, sys; from ui import warmup; warmup._work(); import pandas;"
        "from layers import geostore, legend; geo = next(iter(warmup._ready.values()))[1];"
        "print('ui.map_widget' in sys.modules, len(warmup._ready), 'streamlit.emojis' in sys.modules,"
        " inspect.getabsfile(pandas) in inspect.modulesbyfile,"
        " geostore.feature_collection(geo) is geostore.feature_collection(geo.copy()),"
        " geostore.feature_collection(geo) is geostore.feature_collection(geo))"
    )
    env = {**os.environ, "SQ_LAYOUT_DB": f"sqlite:///{tmp_path / 'w.sqlite'}"}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.stdout.split() == ["False", "1", "True", "True", "False", "True"], out.stderr[-2000:]


def test_the_server_begins_the_warm_up_in_its_lifespan(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    import asyncio

    began = threading.Event()
    monkeypatch.setattr(warmup, "_thread", None)
    monkeypatch.setattr(warmup, "_work", began.set)

    async def serve() -> None:
        async with warmup.lifespan(object()):
            assert began.wait(timeout=60)  # begun on the server's startup, before any request

    # on a thread of its own: a browser test's Playwright may hold this thread's event loop
    server = threading.Thread(target=lambda: asyncio.run(serve()))
    server.start()
    server.join(timeout=60)
    assert began.is_set() and warmup._thread is not None
    # and it is the lifespan app.py's server is built with (imported as `streamlit run` and uvicorn import it)
    probe = "import app; from ui import warmup; print(app.app._user_lifespan is warmup.lifespan)"
    env = {**os.environ, "SQ_LAYOUT_DB": f"sqlite:///{tmp_path / 'w.sqlite'}"}
    out = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)
    assert out.stdout.split()[-1:] == ["True"], out.stderr[-2000:]


def test_the_pdf_fonts_are_asked_for_once_after_the_first_run(monkeypatch: pytest.MonkeyPatch) -> None:
    from sq_layout.printing import fontprep

    asked: list[str] = []
    fonts = threading.Event()

    def start_in_background() -> None:
        asked.append("fonts")
        fonts.set()

    monkeypatch.setattr(fontprep, "start_in_background", start_in_background)
    monkeypatch.setattr(warmup, "_fonts_asked", threading.Event())
    monkeypatch.setattr(warmup, "_thread", None)  # no server: after the run
    release, checked = threading.Event(), threading.Event()

    def page_run() -> None:
        warmup.fonts_after_first_view()
        warmup.fonts_after_first_view()  # a second run of the same server asks nothing more
        release.wait(timeout=60)
        checked.set()

    run = threading.Thread(target=page_run, name="page-run")
    run.start()
    # while the run is held open, the fonts' check (it reads every source file) would compete with it: not begun
    assert not fonts.is_set() and asked == []
    release.set()
    run.join(timeout=60)
    assert checked.is_set() and fonts.wait(timeout=60) and asked == ["fonts"]


def test_a_bounded_wait_does_the_work_when_no_map_fetches_areas(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(warmup, "_areas_served", threading.Event())  # a session that opened on a page without a map
    monkeypatch.setattr(warmup, "_thread", threading.current_thread())
    run = threading.Thread(target=lambda: None, name="page-run")
    run.start()
    done: list[str] = []
    warm = warmup.after_first_view(run, lambda: done.append("guides"), "test-help", wait_s=0.05)
    warm.join(timeout=60)
    assert done == ["guides"] and not warmup._areas_served.is_set()
