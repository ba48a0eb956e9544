"""The first map's work, begun when the server has started (the app's lifespan): while a browser fetches Streamlit's
frontend (≈ 2 s in which the server is idle), the server imports what the explorer draws with and loads the version
it opens on, so the first page run finds them ready instead of starting them. Begun when the server imported the
app, it held the GIL through Streamlit's own start, and the server listened ≈ 0.8 s later.

Work that only speeds up what comes later (every area's card, the guides' pages) waits until the first view needs
nothing more from the server: its page run has ended and the browser has fetched a map's areas (`AreasServed`, the
server's middleware, sees that file sent). Started beside the first view, it took the CPU and the GIL from it."""

from __future__ import annotations

import importlib
import logging
import sys
import threading
from collections.abc import AsyncIterator, Callable, MutableMapping
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sq_layout.auth.web import ASGIApp, Receive, Scope, Send
    from sq_layout.plan.dataset import Dataset

_lock = threading.Lock()
_thread: threading.Thread | None = None
# The explorer's libraries (a page script is run, not imported). Not ui.map_widget: Streamlit registers a component
# only when it is declared inside a page run, so importing the map's module here would leave it unserved.
EXPLORER_IMPORTS = (
    "ui.shared",
    "layers.base",
    "layers.legend",
    "layers.panel",
    "layers.selection",
    "sq_layout.analysis.queries",
    "sq_layout.analysis.views",
    "ui.tables",
    # Streamlit's emoji catalogue, compiled into one regular expression (≈ 0.3 s) on the first alert whose text is
    # not ASCII: in Chinese, the first st.info of every server
    "streamlit.emojis",
)
_ready: dict[tuple[int | None, int | None], tuple[Dataset, Any]] = {}
_areas_served = threading.Event()
_fonts_asked = threading.Event()
# a safety net, not a schedule: a session that opens on a page without a map fetches no areas
AREAS_WAIT_S = 60.0


def opening_version() -> tuple[int | None, int | None]:
    """The version a session without `?v=` opens (as ui.versionpick.chosen_version picks it) and its draft stamp."""
    from sq_layout import workspace

    vid = workspace.version_id(None)
    return vid, workspace.draft_stamp(vid)


def prepare(vid: int | None, stamp: int | None) -> tuple[Dataset, Any]:
    """A version's Dataset and its browser geometry (Leaflet copied into static/ first)."""
    from layers.assets import ensure_leaflet
    from sq_layout.geo.simplify import cached_browser_geometry
    from sq_layout.plan.join import areas_frame
    from ui.versionpick import version_dataset

    ensure_leaflet()
    ds = version_dataset(vid)
    return ds, cached_browser_geometry(areas_frame(ds))


def _work() -> None:
    """Import the explorer's libraries and prepare its opening version, its areas' file and legend; a failure is left
    for the page to report."""
    try:
        key = opening_version()
        index_module_files()  # the libraries imported so far, in case the page's own imports catch up with this
        _ready[key] = ds_geo = prepare(*key)
        for name in EXPLORER_IMPORTS:
            importlib.import_module(name)
        index_module_files()
        from layers import geostore, legend
        from sq_layout.i18n import DEFAULT_LANG

        geostore.feature_collection(ds_geo[1])
        legend.prepare(ds_geo[1], DEFAULT_LANG)
    except Exception:  # the page's own run meets the same problem and says it in the reader's language
        logging.getLogger("sq_layout").debug("warm-up at start failed", exc_info=True)


def index_module_files() -> None:
    """Have `inspect` map every loaded module's file (what declaring the map's component looks its caller up in): a
    first lookup resolves the real path of each of ≈ 1,400 modules, ≈ 0.15 s the first page run need not spend."""
    import inspect

    inspect.getmodule(sys._getframe())  # a frame is looked up by its file, which indexes sys.modules


def start() -> None:
    """Begin the warm-up once per process (the server imports app.py once)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_work, name="sq-warm-start", daemon=True)
            _thread.start()


@asynccontextmanager
async def lifespan(_app: object) -> AsyncIterator[None]:
    """The app's lifespan: begin the warm-up once Streamlit's runtime has started, as the server begins to listen."""
    start()
    yield


def take(vid: int | None, stamp: int | None) -> tuple[Dataset, Any] | None:
    """The version's data and map geometry if the warm-up prepared them (waiting for it to end), else None."""
    thread = _thread
    if thread is not None and thread is not threading.current_thread():
        thread.join()
    return _ready.pop((vid, stamp), None)


def _asks_for_areas(path: str) -> bool:
    """Whether a request is for a version's areas file (imported here, not before the server listens)."""
    from layers.assets import AREAS_REQUEST_PATH

    return AREAS_REQUEST_PATH in path


class AreasServed:
    """ASGI middleware: notes when a map's areas' file has been sent in full (the first view's last server part)."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if _areas_served.is_set() or scope["type"] != "http" or not _asks_for_areas(str(scope.get("path", ""))):
            await self.app(scope, receive, send)
            return

        async def sent(message: MutableMapping[str, Any]) -> None:
            await send(message)
            if message["type"] == "http.response.body" and not message.get("more_body", False):
                _areas_served.set()

        await self.app(scope, receive, sent)


def after_first_view(
    run: threading.Thread, work: Callable[[], object], name: str, wait_s: float = AREAS_WAIT_S
) -> threading.Thread:
    """Do `work` in the background once `run` (the page run) has ended and, in a server that began the warm-up, a
    browser has fetched a map's areas (or `wait_s` has passed); without a server (AppTest, scripts) after the run."""

    def wait_then_work() -> None:
        run.join()
        if _thread is not None:
            _areas_served.wait(wait_s)
        work()

    worker = threading.Thread(target=wait_then_work, name=name, daemon=True)
    worker.start()
    return worker


def fonts_after_first_view() -> None:
    """Have the PDF fonts prepared in the background (once per process) after the first view: checking that they are
    ready reads every source file for its characters (≈ 0.8 s holding the GIL), which slowed the first page run."""
    with _lock:
        if _fonts_asked.is_set():
            return
        _fonts_asked.set()
    from sq_layout.printing.fontprep import start_in_background

    after_first_view(threading.current_thread(), start_in_background, "sq-fonts-later")
