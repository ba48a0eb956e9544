"""The first map's work, begun when the server imports the app: while a browser fetches Streamlit's frontend (≈ 2 s in
which the server is idle), the server imports what the explorer draws with and loads the version it opens on, so
the first page run finds them ready instead of starting them.

Work that only speeds up what comes later (every area's card, the guides' pages) waits until the first view needs
nothing more from the server: its page run has ended and the browser has fetched a map's areas (`AreasServed`, the
server's middleware, sees that file sent). Started beside the first view, it took the CPU and the GIL from it."""

from __future__ import annotations

import importlib
import logging
import threading
from collections.abc import Callable, MutableMapping
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from sq_layout.auth.web import ASGIApp, Receive, Scope, Send
    from sq_layout.plan.dataset import Dataset

_lock = threading.Lock()
_thread: threading.Thread | None = None
# The explorer's libraries (a page script is run, not imported). Not ui.shared nor ui.map_widget: Streamlit registers a
# component only when it is declared inside a page run, so importing the map's module here would leave it unserved.
EXPLORER_IMPORTS = (
    "layers.legend",
    "layers.panel",
    "layers.selection",
    "sq_layout.analysis.queries",
    "sq_layout.analysis.views",
    "ui.tables",
)
_ready: dict[tuple[int | None, int | None], tuple[Dataset, Any]] = {}
_areas_served = threading.Event()
# a safety net, not a schedule: a session that opens on a page without a map fetches no areas
AREAS_WAIT_S = 60.0


def _latest() -> tuple[int | None, int | None]:
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
    """Import the explorer's libraries and prepare its opening version; a failure is left for the page to report."""
    try:
        key = _latest()
        _ready[key] = prepare(*key)
        for name in EXPLORER_IMPORTS:
            importlib.import_module(name)
    except Exception:  # the page's own run meets the same problem and says it in the reader's language
        logging.getLogger("sq_layout").debug("warm-up at start failed", exc_info=True)


def start() -> None:
    """Begin the warm-up once per process (the server imports app.py once)."""
    global _thread
    with _lock:
        if _thread is None:
            _thread = threading.Thread(target=_work, name="sq-warm-start", daemon=True)
            _thread.start()


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
