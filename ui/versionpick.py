"""Which plan version a page shows: `v=` in the URL, else the one chosen on the Workspace page, else the latest."""

from __future__ import annotations

import streamlit as st

from sq_layout import workspace
from sq_layout.cache import cached
from sq_layout.errors import UnknownVersion, WorkspaceUnavailable
from sq_layout.i18n import Lang, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.store.drafts import published_on
from sq_layout.store.workspace_store import BASELINE_NOTE, VersionInfo
from ui.state import session_lang


def chosen_version() -> int | None:
    """The version id to show (None only when the workspace cannot be opened; then the bundled plan is shown)."""
    wanted = st.query_params.get("v") or st.session_state.get("ws_version")
    try:
        vid = workspace.version_id(wanted)
        if wanted:
            st.session_state.ws_version = vid  # kept when the user moves to another page
        return vid
    except UnknownVersion as exc:
        st.warning(f"v={wanted}: {exc.text(session_lang())}")
        return workspace.version_id(None)
    except WorkspaceUnavailable as exc:
        st.error(exc.text(session_lang()))
        return None


def shown_note(v: VersionInfo, lang: Lang) -> str:
    """A version's note as shown: the baseline's seeded note and a publication's date in the reader's language, any
    other as written."""
    if v.kind == "baseline" and v.note == BASELINE_NOTE:
        return t("ws_baseline_note", lang)
    date = published_on(v.note) if v.kind == "published" else None
    return v.note if date is None else t("ed_published_on", lang).format(date=date)


def version_stamp(vid: int | None) -> int | None:
    """A draft's revision (None for published versions), so page caches key on the draft's current state."""
    return None if vid is None else workspace.draft_stamp(vid)


def draft_badge(ds: Dataset, lang: Lang) -> None:
    """The visible 草案 mark of an unpublished draft."""
    if ds.draft:
        st.warning(t("ed_draft_badge", lang))


def version_dataset(vid: int | None) -> Dataset:
    """The Dataset of a version (cached per id in sq_layout.workspace); the bundled plan if there is no workspace."""
    return bundled() if vid is None else workspace.dataset(vid)


def version_param(vid: int | None) -> dict[str, str]:
    """The `v=` query parameter to keep in the URL (left out for the latest, so plain links stay plain)."""
    if vid is None or (st.query_params.get("v") is None and st.session_state.get("ws_version") is None):
        return {}
    return {"v": str(vid)}


@cached(16)
def _undrawn(ds: Dataset, lang: Lang) -> str:
    """The names of the version's areas without a boundary ('' when all are drawn), once per dataset."""
    missing = ds.areas[~ds.areas["area_id"].isin(ds.boundaries["area_id"])]
    return join_list(missing[name_col(lang)], lang)


def undrawn_note(ds: Dataset, lang: Lang) -> None:
    """Say which areas of the version have no boundary yet and so are not on the map."""
    names = _undrawn(ds, lang)
    if names:
        st.info(f"{t('ws_undrawn', lang)}: {names}")
