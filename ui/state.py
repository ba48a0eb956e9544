"""Bind widgets to the one ViewState: read it from the URL once per session, draw widgets from it, write by callbacks.

Rules that keep Streamlit happy on every path (page switch, language switch, Clear): the state lives under one
non-widget key; a widget's key is written only *before* the widget is drawn in a run (from the state); changes go
through on_change callbacks, which run before the script.
"""

from __future__ import annotations

from collections.abc import Callable, Collection
from dataclasses import replace
from typing import Any

import streamlit as st

from layers.clicks import interpret_click
from sq_layout.i18n import Lang, parse_lang
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState, encode_view, parse_view, with_selection

KEY = "sq_view"


def session_lang() -> Lang:
    """The session's language: its view's, or before the first view is made (a session's first run), the link's."""
    view = st.session_state.get(KEY)
    return parse_lang(view.lang, "zh") if view is not None else ("en" if st.query_params.get("lang") == "en" else "zh")


NOTES = "sq_notes"
_READ = "sq_url_read"  # the URL's parameters as last read into the view on Back or Forward
ss = st.session_state


def _url_params() -> dict[str, list[str]]:
    qp = st.query_params
    return {k: qp.get_all(k) for k in qp}


def _history_navigation() -> bool:
    """Whether this run was started by the browser's Back or Forward (the URL then names the view to show)."""
    from streamlit.runtime.scriptrunner import get_script_run_ctx

    ctx = get_script_run_ctx()
    return bool(getattr(ctx, "is_history_navigation", False))


def current(ds: Dataset) -> ViewState:
    """The view of this session; on its first run, and on Back or Forward, restored from the URL (ignored values
    become a note).

    On Back or Forward the history entry's area, filters and comparison come back exactly; the language and the
    basemap are the reader's settings and stay as they are.
    """
    back_or_forward = _history_navigation()
    if not back_or_forward:
        ss.pop(_READ, None)
    if KEY not in ss or (back_or_forward and ss.get(_READ) != _url_params()):
        restored, dropped = parse_view(_url_params(), ds)
        if KEY in ss:
            restored = replace(restored, lang=ss[KEY].lang, basemap=ss[KEY].basemap)
        ss[KEY] = restored
        ss[NOTES] = list(dropped)
        ss[_READ] = _url_params()  # read once per history entry: the run's own URL writes then replace it
    view: ViewState = ss[KEY]
    return view


def put(view: ViewState) -> None:
    """Replace the view (from callbacks and click handling, before widgets are drawn)."""
    ss[KEY] = view


def notes() -> list[str]:
    """Values from the URL or the map that named nothing and were ignored."""
    return list(ss.get(NOTES, []))


def note(value: str) -> None:
    """Remember an ignored value for the page's note."""
    ss[NOTES] = [*notes(), value][-50:]


def sync_url(view: ViewState, extra: dict[str, str] | None = None) -> None:
    """Write the view (and `extra`, e.g. the plan version) into the URL, only when it changed."""
    params = encode_view(view) | (extra or {})
    if {k: st.query_params.get_all(k) for k in st.query_params} != {k: [v] for k, v in params.items()}:
        st.query_params.from_dict(params)


def bind(key: str, value: Any) -> str:
    """Prime a widget's key from the state before the widget is drawn; returns the key."""
    ss[key] = value
    return key


def resend(key: str) -> str:
    """For a select whose option labels follow the language: its value written back before it is drawn, so the
    browser is sent it again and shows it in the reader's language after a switch (else it keeps the old words)."""
    if key in ss:
        ss[key] = ss[key]
    return key


def _update(fn: Callable[[ViewState, Any], ViewState], key: str) -> Callable[[], None]:
    def cb() -> None:
        ss[KEY] = fn(ss[KEY], ss[key])

    return cb


def on_lang(key: str) -> Callable[[], None]:
    """Callback: switch language (the selection is kept, only its labels change)."""
    return _update(lambda v, x: replace(v, lang=x), key)


def on_filter(field: str, key: str) -> Callable[[], None]:
    """Callback: replace one selection field (tiers, industries, subindustries, chains) from a multiselect."""
    return _update(lambda v, x: with_selection(v, field, x or ()), key)


def on_area(key: str, keep_on_empty: bool = False) -> Callable[[], None]:
    """Callback: select an area from the picker ('' clears, or with keep_on_empty leaves the selection as it is)."""
    return _update(lambda v, x: replace(v, area=x or (v.area if keep_on_empty else None)), key)


def on_compare(key: str) -> Callable[[], None]:
    """Callback: choose the area to compare with."""
    return _update(lambda v, x: replace(v, compare=x or None), key)


def on_basemap(key: str) -> Callable[[], None]:
    """Callback: choose the basemap."""
    return _update(lambda v, x: replace(v, basemap=x), key)


def clear() -> None:
    """Callback for 清除选择: no filter and no area; language and basemap stay."""
    ss[KEY] = ss[KEY].cleared()
    ss[NOTES] = []


def apply_click(map_key: str, known: Collection[str], keep_selected: bool = False) -> None:
    """Turn the map's returned value (under `map_key`) into the state's area; unknown area ids become a note.

    With keep_selected, clicking the selected area again or empty map keeps it (a page that always needs an area).
    """
    handled_key = f"{map_key}__handled"
    view: ViewState = ss[KEY]
    res = interpret_click(ss.get(map_key), view.area, ss.get(handled_key), known)
    ss[handled_key] = res.handled_click
    if res.ignored is not None:
        note(f"area_id={res.ignored}")
    if res.selected != view.area and (res.selected is not None or not keep_selected):
        ss[KEY] = replace(view, area=res.selected)
