"""Export beside the map: print map, data and atlas downloads with file names that say what is in them, and a link.

File names are decided here only (`file_name`); formats, MIME types and writers come from the export registry
(sq_layout.export.registry), shared with the CLI. Writers (matplotlib, openpyxl) are imported when first used.
"""

from __future__ import annotations

import datetime as dt
import re
import time
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

import streamlit as st

from sq_layout.analysis.queries import Selection
from sq_layout.analysis.views import selection_names
from sq_layout.cache import cached
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.viewstate import ViewState, encode_view
from ui import state

if TYPE_CHECKING:
    from sq_layout.printing.printmap import PrintSpec

ATLAS_ROOT = Path(__file__).resolve().parents[1] / "out"


def suffix(fmt: str) -> str:
    """The file suffix a format is written with (without the dot)."""
    from sq_layout.export.registry import by_id

    return by_id(fmt).suffix.lstrip(".")


def _safe(text: str) -> str:
    """A file-name part: no path separators or characters Windows refuses; spaces as hyphens."""
    return re.sub(r"[\\/:*?\"<>|\s]+", "-", text).strip("-.")[:80]


def file_name(
    ds: Dataset, sel: Selection, area: str | None, lang: Lang, what: str, fmt: str, today: dt.date | None = None
) -> str:
    """E.g. 宿迁市-晶硅光伏-产业链布局示意图-2026-11-28.png: place, selection, content, date."""
    place = ds.areas.set_index("area_id").loc[area, name_col(lang)] if area else t("city_name", lang)
    parts = [str(place)] + [label(x, lang) for x in sel.tiers] + selection_names(ds, sel, lang)
    kind = t(f"file_{what}", lang)
    if what == "map" and sel.chains and not (sel.tiers or sel.industries or sel.subindustries):
        kind = t("file_chain_map", lang)
    date = (today or dt.date.today()).isoformat()
    draft = t("draft_mark", lang) if getattr(ds, "draft", False) else ""
    stem = "-".join(_safe(p) for p in [*parts[:4], kind, draft, date] if _safe(p))
    return f"{stem}.{suffix(fmt)}"


def _download(text: str, data: Callable[[], bytes], name: str, key: str) -> None:
    from sq_layout.export.registry import mime

    st.download_button(text, data=data, file_name=name, mime=mime(name), on_click="ignore", width="stretch", key=key)


def map_export(ds: Dataset, view: ViewState) -> None:
    """Print-map download: title, format, paper, orientation, DPI."""
    from sq_layout.export.registry import Request, by_id, formats
    from sq_layout.printing.printmap import PrintSpec, map_title

    lang, sel, area = view.lang, view.selection, view.area
    st.markdown(f"**{t('export_map', lang)}**")
    title = st.text_input(t("map_title", lang), value=map_title(ds, sel, area, lang), key=f"title-{lang}-{sel}-{area}")
    c1, c2 = st.columns(2)
    fmts = {f.id: f.label for f in formats("map")}
    fmt = c1.selectbox(t("format", lang), list(fmts), key="fmt", format_func=fmts.__getitem__)
    paper = c2.selectbox(t("paper", lang), ["a4", "a3"], key="paper", format_func=str.upper)
    orient = c1.selectbox(
        t("orientation", lang), ["landscape", "portrait"], key=state.resend("orient"), format_func=lambda o: t(o, lang)
    )
    dpi = c2.number_input(t("dpi", lang), 72, 600, 300, step=50, key="dpi")
    if fmt == "pdf":
        ensure_pdf_fonts(lang)  # only ever waits on a machine that never prepared them, and then says so
    spec = PrintSpec(paper, orient, int(dpi), lang, title or None)
    name = file_name(ds, sel, area, lang, "map", fmt)
    req = Request(ds, sel, area, lang, spec=spec)
    _download(t("download_map", lang), lambda: by_id(fmt).write(req), name, "dl-map")
    st.caption(name)


def data_export(ds: Dataset, view: ViewState) -> None:
    """Data download: the current view or the whole dataset, in the chosen language."""
    from sq_layout.export.registry import Request, by_id, formats

    lang, sel, area = view.lang, view.selection, view.area
    st.markdown(f"**{t('export_data', lang)}**")
    d1, d2 = st.columns(2)
    fmts = {f.id: f.label for f in formats("data") if not f.one_table}
    dfmt = d1.selectbox(t("format", lang), list(fmts), key="dfmt", format_func=fmts.__getitem__)
    whole = d2.radio(
        t("scope", lang), [False, True], key="scope", format_func=lambda w: t("scope_all" if w else "scope_view", lang)
    )
    if whole:
        name = file_name(ds, Selection(), None, lang, "all_data", dfmt)
    else:
        name = file_name(ds, sel, area, lang, "data", dfmt)
    req = Request(ds, sel, area, lang, whole=whole)
    _download(t("download_data", lang), lambda: by_id(dfmt).write(req), name, "dl-data")
    st.caption(name)


def ensure_pdf_fonts(lang: Lang) -> None:
    """Wait, with a progress bar, for the PDF fonts on a machine where they were never prepared (else at once)."""
    from sq_layout.printing import fontprep

    if fontprep.ready():
        return
    bar = st.progress(0.0, text=t("fonts_wait", lang))
    todo = [f.weight for f in fontprep.faces() if not f.target.is_file()]

    def show(i: int, n: int, face: str) -> None:
        k = todo.index(face) if face in todo else 0
        frac = min(1.0, (k + i / max(n, 1)) / max(len(todo), 1))
        text = t("fonts_progress", lang).format(face=t(f"font_{face}", lang), pct=round(frac * 100))
        bar.progress(frac, text=text)

    fontprep.start_in_background()  # normally already under way since the app started
    state = fontprep.STATE
    while not fontprep.ready() and not state.finished:
        if state.total:
            show(state.done, state.total, state.face)
        time.sleep(0.5)
    if not fontprep.ready():  # the background run failed: prepare here, in this session, with the same bar
        fontprep.prepare(show)
    bar.empty()


@cached(8)
def atlas_pages_count(ds: Dataset, lang: Lang) -> int:
    """How many printed pages the app's atlas has (sections plus continuation pages), counted without drawing."""
    from sq_layout.printing.atlas import page_count

    return page_count(ds, atlas_spec(lang))


def atlas_spec(lang: Lang) -> PrintSpec:
    """The page the app's atlas is printed on."""
    from sq_layout.printing.printmap import PrintSpec

    return PrintSpec(orientation="portrait", dpi=150, lang=lang)


def atlas_export(ds: Dataset, lang: Lang) -> None:
    """Build the atlas with a progress bar naming each page; download it as PDF or a zip of PNGs."""
    from sq_layout.printing.atlas import build_atlas, png_zip

    n = atlas_pages_count(ds, lang)
    st.markdown(f"**{t('atlas', lang).format(n=n)}**")
    out = ATLAS_ROOT / f"atlas-{lang}"
    if st.button(t("build_atlas", lang), width="stretch", key="atlas"):
        ensure_pdf_fonts(lang)
        bar = st.progress(0.0, text=t("atlas_progress", lang).format(i=0, n=n, title="…"))

        def progress(i: int, total: int, title: str) -> None:
            bar.progress(i / total, text=t("atlas_progress", lang).format(i=i, n=total, title=title))

        build_atlas(ds, out, atlas_spec(lang), progress=progress)
        bar.empty()
        st.success(t("atlas_done", lang))
    if (out / "atlas.pdf").exists():
        stem = file_name(ds, Selection(), None, lang, "atlas", "pdf").rsplit(".", 1)[0]
        _download(t("download_pdf", lang), lambda: (out / "atlas.pdf").read_bytes(), f"{stem}.pdf", "dl-atlas")
        _download(t("download_pngs", lang), lambda: png_zip(out), f"{stem}-png.zip", "dl-atlas-png")


def share_link(view: ViewState) -> str:
    """The full link that restores this view (the page's own address with the view's parameters)."""
    from urllib.parse import urlencode, urlsplit, urlunsplit

    parts = urlsplit(st.context.url or "")
    query = urlencode(encode_view(view))
    return urlunsplit((parts.scheme, parts.netloc, parts.path or "/", query, ""))


def toolbar_exports(ds: Dataset, view: ViewState) -> None:
    """The export button and the copy-link button, side by side (drawn after the map)."""
    lang = view.lang
    c1, c2 = st.columns(2)
    export = c1.popover(t("export", lang), width="stretch", key="sq_export", on_change="rerun")
    with export:
        if export.open:  # built when opened: the writers (matplotlib, openpyxl) stay off the way to the first map
            map_export(ds, view)
            data_export(ds, view)
            atlas_export(ds, lang)
    with c2.popover(t("copy_link", lang), width="stretch"):
        st.caption(t("copy_link_hint", lang))
        st.code(share_link(view), language=None, wrap_lines=True)
