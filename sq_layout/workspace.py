"""Which plan version the app and CLI work on (default: the latest published), with one cached Dataset per version."""

from __future__ import annotations

import threading
from collections import OrderedDict
from dataclasses import replace

from sqlalchemy.exc import SQLAlchemyError

from sq_layout.errors import UnknownVersion, WorkspaceUnavailable
from sq_layout.i18n import Lang, t
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace, open_workspace
from sq_layout.store.engine import driver_reason, redact, resolve_url
from sq_layout.store.workspace_store import VersionInfo

_LOCK = threading.Lock()
_WORKSPACES: dict[str, Workspace] = {}
_DATASETS: OrderedDict[tuple[str, int, int | None], Dataset] = OrderedDict()
MAX_CACHED = 8  # versions kept in memory per process (each is a few MB for a city plan)


def workspace(url: str | None = None) -> Workspace:
    """The workspace at url / $SQ_LAYOUT_DB / the default SQLite file, opened once per process."""
    key = resolve_url(url)
    with _LOCK:
        if key not in _WORKSPACES:
            try:
                _WORKSPACES[key] = open_workspace(key)
            except (SQLAlchemyError, OSError) as exc:
                shown = {"url": redact(key), "reason": driver_reason(exc, key)}
                raise WorkspaceUnavailable(key="err_ws_open", params=shown) from None
        return _WORKSPACES[key]


def shown_title(v: VersionInfo, lang: Lang) -> str:
    """A version's title as shown: the bundled baseline's in the reader's language, any other as its author wrote it."""
    return t("ws_baseline_title", lang) if v.kind == "baseline" else v.title


def draft_title(typed: str | None, base: VersionInfo, lang: Lang) -> str:
    """A new draft's title: as typed, or named after the version it is drafted from, in the reader's words."""
    return (typed or "").strip() or t("ed_draft_default", lang).format(title=shown_title(base, lang))


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


def draft_stamp(vid: int, url: str | None = None) -> int | None:
    """A draft's revision, bumped by every edit (None: not a draft, so never changing)."""
    from sq_layout.store.drafts import draft_rev

    return draft_rev(workspace(url), vid)


def dataset(v: str | int | None = None, url: str | None = None) -> Dataset:
    """The Dataset of a version (default the latest published), cached per version id and draft revision."""
    vid = version_id(v, url)
    stamp = draft_stamp(vid, url)
    key = (resolve_url(url), vid, stamp)
    with _LOCK:
        if key in _DATASETS:
            _DATASETS.move_to_end(key)
            return _DATASETS[key]
    ds = workspace(url).load(vid)  # published versions never change; a draft's key carries its revision
    if stamp is not None:
        ds = replace(ds, draft=True)
    with _LOCK:
        _DATASETS[key] = ds
        while len(_DATASETS) > MAX_CACHED:
            _DATASETS.popitem(last=False)
    return ds
