"""The first map's work, begun when the server imports the app: while a browser fetches Streamlit's frontend (≈ 2 s in
which the server is idle), the server imports what the explorer draws with and loads the version it opens on, so
the first page run finds them ready instead of starting them."""

from __future__ import annotations

import importlib
import logging
import threading
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
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
