"""边界导入 / Import boundaries: upload, CRS and encoding, match, findings, preview map, save (widgets only)."""

from __future__ import annotations

import hashlib
from html import escape
from typing import Any

import geopandas as gpd
import pandas as pd
import streamlit as st
from streamlit_folium import st_folium

from layers.assets import ensure_leaflet
from layers.boundary_preview import preview_legend_html, preview_map
from sq_layout.analysis.views import area_names
from sq_layout.auth.roles import allowed
from sq_layout.errors import BoundaryCRSRequired, BoundaryImportError, EditRejected, PermissionDenied, said
from sq_layout.i18n import Lang, t
from sq_layout.i18n.lang import fill
from sq_layout.imports.boundaries import BoundaryImport, preview_boundaries, save_import
from sq_layout.imports.boundary_crs import CRS_CHOICES
from sq_layout.imports.boundary_files import ENCODINGS, MAX_BYTES, SUFFIXES, RawBoundaries, read_upload
from sq_layout.imports.boundary_match import SKIP, match_features
from sq_layout.plan.dataset import Dataset
from ui.shared import page_language, upload_widget
from ui.signin import signin_box
from ui.tables import MISSING

COLORS = {"ok": "#2E7D32", "repaired": "#1565C0", "warning": "#B35C00", "error": "#D62728"}


@st.cache_resource(show_spinner=False)
def workspace() -> Any:
    """The workspace store (SQ_LAYOUT_DB or the local SQLite file), opened once per server."""
    from sq_layout.store import open_workspace

    ensure_leaflet()
    return open_workspace()


@st.cache_resource(show_spinner=False, max_entries=4)
def version_dataset(version_id: int) -> Dataset:
    """One version of the plan, loaded once."""
    ds: Dataset = workspace().load(version_id)
    return ds


@st.cache_data(show_spinner=False, max_entries=4)
def read(name: str, data: bytes, encoding: str | None) -> RawBoundaries:
    """The uploaded file read once per (content, encoding)."""
    return read_upload(name, data, encoding=encoding)


def message(exc: BoundaryImportError, lang: Lang) -> str:
    """An import error in the page's language (the English detail is kept for unknown keys)."""
    return fill(t(exc.key, lang), exc.params, lang) if exc.key else str(exc)


def file_info(preview: BoundaryImport, lang: Lang) -> None:
    """What was read: the file's kind, its coordinate system and encoding (and where each came from), the name field."""
    encoding_text = f"{preview.encoding} ({preview.encoding_source})" if preview.encoding else "—"
    crs_text = t("crs_choice." + preview.crs, lang) if preview.crs in CRS_CHOICES else preview.crs
    st.caption(
        t("bnd_file_info", lang).format(
            kind=preview.kind,
            crs=crs_text,
            crs_source=t("bnd_src_" + preview.crs_source, lang),
            encoding=encoding_text,
            field=preview.name_field or "—",
        )
    )


def findings_and_map(
    ds: Dataset, preview: BoundaryImport, area_labels: dict[str, str], status_text: dict[str, str], key: str, lang: Lang
) -> None:
    """Each feature's findings, then the features over the current boundaries on a map (keyed per upload)."""
    names = area_names(ds, lang)
    st.subheader(t("bnd_findings", lang))
    for f in preview.features:
        head = f"#{f.number} {f.name or '—'} → {area_labels.get(f.area_id or '', '?')} · {status_text[f.status]}"
        items = "".join(
            f'<li><span style="color:{COLORS[x.level]}">{escape(status_text[x.level])}</span> · '
            f"{escape(x.message(lang))}</li>"
            for x in f.findings
        )
        st.html(f'<div><b style="color:{COLORS[f.status]}">{escape(head)}</b><ul>{items}</ul></div>')

    st.subheader(t("bnd_preview_map", lang))
    used = [f for f in preview.features if f.geometry is not None and f.area_id != SKIP]
    imported = gpd.GeoDataFrame(
        {
            "number": [f.number for f in used],
            "name": [f.name for f in used],
            "area_id": [f.area_id for f in used],
            "status": [f.status for f in used],
        },
        geometry=[f.geometry for f in used],
        crs="EPSG:4326",
    )
    current = ds.boundaries[ds.boundaries["area_id"].isin(set(imported["area_id"]))][["area_id", "geometry"]]
    current = current.assign(name=current["area_id"].map(names))
    counties = ds.boundaries[ds.boundaries["area_id"].isin(ds.areas.loc[ds.areas["kind"] == "county", "area_id"])]
    labels = {"current": t("bnd_current", lang), "imported": t("bnd_imported", lang)}
    labels |= status_text
    st_folium(
        preview_map(counties, current, imported, labels),
        key=key,
        returned_objects=[],
        height=480,
        use_container_width=True,
    )
    st.markdown(preview_legend_html(labels), unsafe_allow_html=True)


ss = st.session_state
lang = page_language()  # the one view state's language, shared with every page
st.title(t("bnd_page", lang))
st.caption(t("bnd_intro", lang))

try:
    ws = workspace()
    base = ws.latest_id()
    ds = version_dataset(base)
except Exception as exc:  # a bad SQ_LAYOUT_DB or a server that is down: say so, never a traceback
    st.error(said(exc, lang))
    st.stop()
if ws.accounts_exist():  # none yet: a single-user install, where everyone acts as 'local'
    with st.sidebar:
        user, role = signin_box(ws, lang)
    if not allowed(role, "import"):  # no upload is offered, so a visitor's file is never read
        st.info(t("bnd_signin_to_import", lang))
        st.stop()
else:
    user = None
names = area_names(ds, lang)
area_labels = {a: f"{n} ({a})" for a, n in names.items()} | {SKIP: t("bnd_skip", lang)}

upload = upload_widget(
    t("bnd_upload", lang),
    "boundary",
    lang,
    type=[s.lstrip(".") for s in SUFFIXES],
    key="bnd_file",
    help=f"GeoJSON · Shapefile (.zip: .shp .shx .dbf .prj .cpg) · GeoPackage · KML/KMZ · ≤ {MAX_BYTES // 1_000_000} MB",
)
if upload is None:
    st.stop()
data = upload.getvalue()
digest = hashlib.sha256(data).hexdigest()[:16]

c1, c2 = st.columns(2)
crs_options = ["", *CRS_CHOICES]
crs = c1.selectbox(
    t("bnd_crs", lang),
    crs_options,
    key=f"bnd_crs-{digest}",
    format_func=lambda c: t("bnd_crs_from_file", lang) if not c else t("crs_choice." + c, lang),
)
encoding = None
if upload.name.lower().endswith(".zip"):
    encoding = c2.selectbox(
        t("bnd_encoding", lang),
        [None, *ENCODINGS],
        key=f"bnd_enc-{digest}",
        format_func=lambda e: (
            t("bnd_encoding_auto", lang) if e is None else {"gb18030": "GBK / GB18030"}.get(e, "UTF-8")
        ),
    )

editor_key = f"bnd_matches-{digest}"
try:
    raw = read(upload.name, data, encoding)
    auto = match_features(raw.frame.drop(columns="geometry"), ds.areas)
    by_label = {v: k for k, v in area_labels.items()}
    edits = ss.get(editor_key, {}).get("edited_rows", {})
    matches = {str(int(row) + 1): by_label[e["area"]] for row, e in edits.items() if e.get("area") in by_label}
    preview: BoundaryImport = preview_boundaries(raw, ds, crs=crs or None, matches=matches)
except BoundaryCRSRequired as exc:
    st.warning(message(exc, lang))
    st.info(f"{t('bnd_crs', lang)} → {t('crs_choice.' + exc.suggestion, lang) if exc.suggestion else '—'}")
    st.stop()
except BoundaryImportError as exc:
    st.error(message(exc, lang))
    st.caption(str(exc))
    st.stop()

file_info(preview, lang)

status_text = {s: t("bnd_status_" + s, lang) for s in COLORS}
st.subheader(t("bnd_match_table", lang))
table = pd.DataFrame(
    {
        "number": [f.number for f in preview.features],
        "name": [f.name for f in preview.features],
        "area": [area_labels.get(a or "", "") for a in auto.area_ids],
        "status": [status_text[f.status] for f in preview.features],
    }
)
st.data_editor(
    table,
    key=editor_key,
    hide_index=True,
    width="stretch",
    placeholder=MISSING,
    disabled=["number", "name", "status"],
    column_config={
        "number": st.column_config.NumberColumn(t("bnd_col_number", lang), format="#%d"),
        "name": st.column_config.TextColumn(t("bnd_col_name", lang)),
        "area": st.column_config.SelectboxColumn(t("bnd_col_area", lang), options=list(area_labels.values())),
        "status": st.column_config.TextColumn(t("bnd_col_status", lang)),
    },
)

findings_and_map(ds, preview, area_labels, status_text, f"bnd_map-{digest}", lang)

if not preview.ok:
    st.error(t("bnd_fix_first", lang))
    st.text("\n".join(preview.problems(lang)))
with st.form("bnd_save"):
    source = st.text_input(t("bnd_source", lang), key="bnd_source")
    date = st.text_input(t("bnd_date", lang), key="bnd_date", placeholder="2025-06")
    saved = st.form_submit_button(t("bnd_save", lang), disabled=not preview.ok, type="primary")
if saved:
    try:
        version = save_import(preview, ws, base, source=source, source_date=date.strip() or None, user=user)
    except BoundaryImportError as exc:
        st.error(message(exc, lang))
    except PermissionDenied:
        st.error(t("bnd_signin_to_import", lang))
    except EditRejected as exc:
        for m in exc.messages(lang):
            st.error(m)
    else:
        st.cache_resource.clear()  # every page reloads the new latest version
        done = "bnd_saved_draft" if ws.info(version).kind == "draft" else "bnd_saved"
        st.success(t(done, lang).format(version=version, base=base))
