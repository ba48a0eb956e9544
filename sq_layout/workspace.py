"""Which plan version the app and CLI work on (default: the latest published), with one cached Dataset per version."""

from __future__ import annotations

import threading
from collections import OrderedDict

from sqlalchemy.exc import SQLAlchemyError

from sq_layout.errors import UnknownVersion, WorkspaceUnavailable
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace, open_workspace
from sq_layout.store.engine import redact, resolve_url

_LOCK = threading.Lock()
_WORKSPACES: dict[str, Workspace] = {}
_DATASETS: OrderedDict[tuple[str, int], Dataset] = OrderedDict()
MAX_CACHED = 8  # versions kept in memory per process (each is a few MB for a city plan)


def workspace(url: str | None = None) -> Workspace:
    """The workspace at url / $SQ_LAYOUT_DB / the default SQLite file, opened once per process."""
    key = resolve_url(url)
    with _LOCK:
        if key not in _WORKSPACES:
            try:
                _WORKSPACES[key] = open_workspace(key)
            except (SQLAlchemyError, OSError) as exc:
                reason = str(getattr(exc, "orig", None) or exc).strip().splitlines()[0]
                raise WorkspaceUnavailable(f"cannot open the workspace {redact(key)}: {reason}") from exc
        return _WORKSPACES[key]


def version_id(v: str | int | None, url: str | None = None) -> int:
    """A version id from a URL/CLI value ('' or None: the latest published); UnknownVersion if there is none."""
    ws = workspace(url)
    if v is None or v == "":
        return ws.latest_id()
    try:
        vid = int(v)
    except (TypeError, ValueError):
        raise UnknownVersion(v, [x.id for x in ws.versions()]) from None
    ws.info(vid)
    return vid


def dataset(v: str | int | None = None, url: str | None = None) -> Dataset:
    """The Dataset of a version (default the latest published), loaded once and cached per version id."""
    vid = version_id(v, url)
    key = (resolve_url(url), vid)
    with _LOCK:
        if key in _DATASETS:
            _DATASETS.move_to_end(key)
            return _DATASETS[key]
    ds = workspace(url).load(vid)  # versions never change once written, so the cache never goes stale
    with _LOCK:
        _DATASETS[key] = ds
        while len(_DATASETS) > MAX_CACHED:
            _DATASETS.popitem(last=False)
    return ds
