"""What both pages share: the cached data, the language switch, the ignored-values note and the one map call."""

from __future__ import annotations

import threading
from typing import Any

import streamlit as st

from layers.legend import LEGEND_CSS
from layers.panel import PANEL_CSS
from layers.restyle import Overlay
from sq_layout.i18n import DEFAULT_LANG, Lang, by_lang, parse_lang, t
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState, dropped_note
from ui import first_paint, state, warmup
from ui.help import help_link
from ui.versionpick import chosen_version, draft_badge, undrawn_note, version_param, version_stamp

VERSION_KEY = "sq_version"
WARM_AREAS = 60

PAGE_CSS = """<style>
h1 { font-size: 1.7rem !important; padding: 0.1rem 0 0.2rem 0 !important; }
.block-container { padding-top: 3.9rem !important; }
/* a picker's chosen names wrap instead of being cut ("3. Crystalline-silico…") */
[data-testid="stMultiSelectTagsContainer"] [data-tag] { max-width: 100%; height: auto; }
[data-testid="stMultiSelectTagsContainer"] [data-tag] > span { overflow: visible; text-overflow: clip;
  white-space: normal; }
</style>"""


def _warm(ds: Dataset) -> None:
    """Build every area's card and one-chain views once, so a click only looks them up (beside the first page)."""
    from layers.charts import overlap_specs
    from layers.panel import area_html
    from sq_layout.analysis.queries import Selection
    from sq_layout.analysis.views import chain_figures, hosts_table

    for lang in ("zh", "en"):
        for area in ds.areas["area_id"]:
            area_html(ds, str(area), lang)
        overlap_specs(ds, tuple(int(c) for c in ds.chains["chain_no"]), lang, None)
        for c in ds.chains["chain_no"]:  # the commonest filter: one chain
            sel = Selection(chains=(int(c),))
            overlap_specs(ds, sel.chains, lang, None)
            hosts_table(ds, sel, lang)
            chain_figures(ds, sel, lang)


def _warm_index(ds: Dataset) -> None:
    """At province or national scale: build the per-area index the cards read, so the first click is like the rest."""
    from sq_layout.analysis.queries import area_rows
    from sq_layout.analysis.spatial import nesting

    area_rows(ds)
    nesting(ds)


@st.cache_resource
def _load(vid: int | None, stamp: int | None) -> tuple[Dataset, Any]:
    ds, geo = warmup.take(vid, stamp) or warmup.prepare(vid, stamp)
    # at province or national scale, cards are built when first clicked (from an index built here); after the first
    # view, not beside it: warming beside the first page would compete with it for both cores and the GIL
    warm = _warm if len(ds.areas) <= WARM_AREAS else _warm_index
    warmup.after_first_view(threading.current_thread(), lambda: warm(ds), "sq-warm-panels")
    return ds, geo


def load() -> tuple[Dataset, Any]:
    """The chosen plan version and its browser geometry, cached per version (and per draft revision)."""
    vid = chosen_version()
    stamp = version_stamp(vid)  # a draft's revision: an edit makes the cached copies stale
    st.session_state[VERSION_KEY] = (vid, stamp)
    return _load(vid, stamp)


def version_url() -> dict[str, str]:
    """The `v=` parameter to keep in the URL beside the view's."""
    vid, _ = st.session_state.get(VERSION_KEY, (None, None))
    return version_param(vid)


def version_notes(ds: Dataset, lang: Lang) -> None:
    """The 草案 badge of a draft, and the areas the version cannot draw yet."""
    draft_badge(ds, lang)
    undrawn_note(ds, lang)


def draw_map(
    lang: Lang,
    basemap: str,
    tianditu_key: str,
    overlay: Overlay,
    key: str,
    height: int,
    *,
    opening: tuple[str, tuple[Any, ...]] | None = None,
) -> None:
    """The one map call of a page: the version's areas (fetched once by the browser) and this run's overlay. A page
    drawing its opening view names itself and what else its data depends on (`opening`): what the map is sent is
    recorded for the first paint of the next browser that opens it (ui/first_paint.py)."""
    # imported here, after the version is loaded: declaring the map's component looks every loaded module's file up
    # (inspect.getmodule), which the server's warm-up has done by then (ui.warmup.index_module_files)
    from ui.map_widget import draw_args, frame_args

    vid, stamp = st.session_state.get(VERSION_KEY, (None, None))
    args = frame_args(_load(vid, stamp)[1], overlay, lang, basemap, height=height, tianditu_key=tianditu_key)
    if opening is not None and vid is not None:
        first_paint.remember(opening[0], lang, (vid, stamp, *opening[1]), args)
    draw_args(args, key)


# Streamlit's file uploader has no API for its own texts ("Upload", "20MB per file • …"): in Chinese they are hidden
# and said in Chinese instead (the accepted types are in each uploader's label or caption; the size per uploader,
# see upload_widget).
UPLOADER_ZH = """<style>
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"] p { display: none; }
[data-testid="stFileUploaderDropzone"] button [data-testid="stMarkdownContainer"]::after { content: "选择文件"; }
[data-testid="stFileUploaderDropzoneInstructions"] > div > span { display: none; }
[data-testid="stFileUploaderDropzoneInstructions"] > div::after { content: "拖放文件到此处"; }
</style>"""
UPLOADER_ZH_SIZE = """<style>
.st-key-%s [data-testid="stFileUploaderDropzoneInstructions"] > div::after {
  content: "拖放文件到此处，单个文件不超过 %dMB"; }
</style>"""


def upload_widget(label: str, kind: str, lang: Lang, *, key: str, **kwargs: Any) -> Any:
    """A file uploader saying the size the app accepts for this kind of file (sq_layout.upload_limits), not the
    server's largest. In English Streamlit's own "NMB per file" says it, and its browser-side check refuses a larger
    file at once (in English); in Chinese the words are the app's and the server's check refuses it in Chinese."""
    from sq_layout import upload_limits

    mb = upload_limits.LIMITS[kind].bytes // upload_limits.MB
    if by_lang(True, False, lang):
        st.html(UPLOADER_ZH_SIZE % (key, mb))
    return st.file_uploader(label, key=key, max_upload_size=by_lang(None, mb, lang), **kwargs)


def language_switch(view: ViewState) -> None:
    """The 语言/Language radio in the sidebar, drawn from the state (switching keeps the selection), and the page's
    帮助/Help link."""
    if by_lang(True, False, view.lang):  # the uploader's own words are English; Chinese ones put over them
        st.html(UPLOADER_ZH)
    st.sidebar.radio(
        t("lang", view.lang),
        ["zh", "en"],
        key=state.bind("w_lang", view.lang),
        format_func={"zh": "中文", "en": "English"}.get,
        horizontal=True,
        on_change=state.on_lang("w_lang"),
    )
    help_link(view.lang)


def page_language() -> Lang:
    """The shared view's language on a page without the explorer's map, with the same switch in the sidebar; the
    language is kept in the URL (`lang=en`), so a reload or a shared link opens the page in it."""
    view = st.session_state.get(state.KEY)
    if view is None:  # first page of the session: the view (and its language) comes from the URL, as on the map
        view = state.current(load()[0])
    language_switch(view)
    if view.lang != DEFAULT_LANG and st.query_params.get("lang") != view.lang:
        st.query_params["lang"] = view.lang
    elif view.lang == DEFAULT_LANG and "lang" in st.query_params:
        del st.query_params["lang"]
    return parse_lang(view.lang, "zh")


def show_notes(lang: Lang) -> None:
    """Values from the link or the map that named nothing: listed as plain text, never as markup."""
    ignored = state.notes()
    if ignored:
        st.warning(t("url_dropped", lang))
        st.text(dropped_note(ignored))


def page_style() -> None:
    """A compact header, so the map and its legend fit the first 1440×900 screen; legend and panel styles, once."""
    st.html(PAGE_CSS + LEGEND_CSS + PANEL_CSS)
