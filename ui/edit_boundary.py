"""The Edit page's boundary form: an area's new outline through the 边界导入 checks and preview, saved on the
draft only when they pass, against the boundaries' revisions the editor first saw."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sq_layout.errors import BoundaryCRSRequired, BoundaryImportError, EditRejected
from sq_layout.i18n import Lang, name_col, t
from sq_layout.i18n.lang import fill
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace
from ui.edit_forms import OUTCOME, area_pick, reason_input, run
from ui.shared import upload_widget

ss = st.session_state


def boundary_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """Replace an area's boundary on the draft: the 边界导入 checks and preview (CRS, inside the city, overlaps, area
    against the current one, repairs shown), saved only when they pass."""
    from sq_layout.imports.boundaries import preview_boundaries
    from sq_layout.imports.boundary_crs import CRS_CHOICES
    from sq_layout.imports.boundary_files import MAX_BYTES, SUFFIXES, RawBoundaries, read_upload

    area = area_pick(ds, lang, "b_area")
    up = upload_widget(t("ed_boundary_file", lang), "boundary", lang, type=[s.lstrip(".") for s in SUFFIXES],
                       key="b_file", help=f"≤ {MAX_BYTES // 1_000_000} MB")  # fmt: skip
    crs = st.selectbox(
        t("bnd_crs", lang),
        ["", *CRS_CHOICES],
        key="b_crs",
        format_func=lambda c: t("bnd_crs_from_file", lang) if not c else t("crs_choice." + c, lang),
    )
    if up is None:
        return
    made_on = f"seen-{vid}-boundaries"  # the draft's boundaries as the editor first saw them, kept until saved
    if made_on not in ss:
        from sq_layout.store.drafts import boundary_revs

        ss[made_on] = boundary_revs(ws, vid)
    try:
        raw = read_upload(up.name, up.getvalue())
        # The editor names the area: the file's features together are its boundary.
        frame = raw.frame.dissolve().reset_index(drop=True)[["geometry"]]
        one = RawBoundaries(raw.file_name, raw.kind, frame, raw.encoding, raw.encoding_source)
        preview = preview_boundaries(one, ds, crs=crs or None, matches={"1": area})
    except BoundaryCRSRequired as exc:
        st.warning(_boundary_message(exc, lang))
        hint = t("crs_choice." + exc.suggestion, lang) if exc.suggestion else "—"
        st.info(f"{t('bnd_crs', lang)} → {hint}")
        return
    except BoundaryImportError as exc:
        st.error(_boundary_message(exc, lang))
        return
    status = {s: t("bnd_status_" + s, lang) for s in ("ok", "repaired", "warning", "error")}
    st.markdown(f"**{t('ed_boundary_checks', lang)}**")
    for f in preview.features:
        for x in f.findings:
            (st.error if x.level == "error" else st.warning if x.level == "warning" else st.info)(
                f"{status[x.level]} · {x.message(lang)}"
            )
        if not f.findings:
            st.success(status["ok"])
    _boundary_map(ds, preview, area, lang)
    if not preview.ok:
        st.error(t("ed_boundary_not_saved", lang))
    with st.form("boundary"):
        st.text_input(t("bnd_source", lang), key="b_source")
        reason_input(lang, "boundary")
        st.form_submit_button(t("ed_save", lang), disabled=not preview.ok, on_click=_boundary_save,
                              args=(ws, user, vid, preview))  # fmt: skip


def _boundary_message(exc: BoundaryImportError, lang: Lang) -> str:
    return fill(t(exc.key, lang), exc.params, lang) if exc.key else t("ed_boundary_not_saved", lang)


def _boundary_map(ds: Dataset, preview: Any, area: str, lang: Lang) -> None:
    import geopandas as gpd
    from streamlit_folium import st_folium

    from layers.boundary_preview import preview_map

    used = [f for f in preview.features if f.geometry is not None]
    imported = gpd.GeoDataFrame(
        {"number": [f.number for f in used], "name": [f.name for f in used], "area_id": [area for _ in used],
         "status": [f.status for f in used]}, geometry=[f.geometry for f in used], crs="EPSG:4326",
    )  # fmt: skip
    names = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
    current = ds.boundaries[ds.boundaries["area_id"] == area][["area_id", "geometry"]]
    current = current.assign(name=current["area_id"].map(names))
    counties = ds.boundaries[ds.boundaries["area_id"].isin(ds.areas.loc[ds.areas["kind"] == "county", "area_id"])]
    labels = {"current": t("bnd_current", lang), "imported": t("bnd_imported", lang)}
    labels |= {s: t("bnd_status_" + s, lang) for s in ("ok", "repaired", "warning", "error")}
    st_folium(preview_map(counties, current, imported, labels), key="b_map", returned_objects=[], height=360,
              use_container_width=True)  # fmt: skip


def _boundary_save(ws: Workspace, user: str | None, vid: int, preview: Any) -> None:
    from sq_layout.store.drafts import replace_boundaries

    source, reason = str(ss.get("b_source") or "").strip(), str(ss.get("reason-boundary") or "")
    if not source:
        ss[OUTCOME] = ("rejected", EditRejected([("ev_empty", {"field": "source"})]))
        return
    frame = preview.frame()  # a preview with an error never gets here (the button is disabled) and raises if it did
    made_on = ss.pop(f"seen-{vid}-boundaries", None) or {}
    name = preview.file_name
    run(lambda: replace_boundaries(ws, user, vid, frame, seen=made_on, source=source, file_name=name, reason=reason))
