"""The edit forms of the Edit page: assignments and chain hosts, details, figures, names, boundaries.

Every form names the record it changes by (row_no, rev) as the editor saw it. The write runs in the submit button's
callback, which Streamlit calls before the next run re-registers the widgets: the callback's arguments and a
selectbox's value are still those of the page the editor clicked on, so a list that changed in between (a record
removed, options shifted) can never turn a change into one on a neighbour; the store refuses it with EditConflict.
The outcome is left in session state (`OUTCOME`) for the page to show.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import streamlit as st

from sq_layout.errors import (
    BoundaryCRSRequired,
    BoundaryImportError,
    EditConflict,
    EditRejected,
    PermissionDenied,
    WorkspaceBusy,
)
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.editing import field
from sq_layout.i18n.lang import fill
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.schemas import DETAIL_KINDS, OTHER_SOURCES, SOURCES
from sq_layout.store import Workspace, edit_ops
from sq_layout.store.edits import RowChange, apply, records
from ui import state

KINDS = ("host", "detail", "figures", "rename", "boundary")
# ("saved", id) | ("conflict", EditConflict) | ("rejected", EditRejected | PermissionDenied | WorkspaceBusy)
OUTCOME = "ed_outcome"
ss = st.session_state


def seen(ws: Workspace, vid: int, table: str, row_no: int) -> dict[str, Any] | None:
    """The record as the editor first saw it: kept until saved, so a colleague's save in between is detected."""
    key = f"seen-{vid}-{table}-{row_no}"
    if key not in ss:
        found = [r for r in records(ws, vid, table) if r["row_no"] == row_no]
        if not found:
            return None
        ss[key] = found[0]
    return dict(ss[key])


def saved(vid: int, table: str, row_no: int) -> None:
    """Forget what the editor saw once the save went through (or was refused: the form then shows the record now)."""
    ss.pop(f"seen-{vid}-{table}-{row_no}", None)


def run(action: Callable[[], int], *forget: tuple[int, str, int]) -> None:
    """Run one store write (in a button callback) and leave its outcome for the page; never raises a user error."""
    try:
        ss[OUTCOME] = ("saved", action())
    except EditConflict as exc:
        ss[OUTCOME] = ("conflict", exc)
    except (EditRejected, PermissionDenied, WorkspaceBusy) as exc:
        ss[OUTCOME] = ("rejected", exc)
    for vid, table, row_no in forget:
        saved(vid, table, row_no)


def distinct(labels: dict[Any, str]) -> dict[Any, str]:
    """Labels made unique (a selectbox sends its label, so two equal labels would be one option)."""
    count: dict[str, int] = {}
    out = {}
    for k, v in labels.items():
        count[v] = count.get(v, 0) + 1
        out[k] = v if count[v] == 1 else f"{v} ({count[v]})"
    return out


def _reason(lang: Lang, key: str) -> str:
    return st.text_input(t("ed_reason", lang), key=f"reason-{key}", max_chars=500)


def _area_pick(ds: Dataset, lang: Lang, key: str) -> str:
    areas = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
    return str(
        st.selectbox(
            t("county", lang) + " / " + t("zone", lang),
            list(areas),
            format_func=lambda k: areas[k],
            key=state.resend(key),
        )
    )


def source_kind(lang: Lang, key: str) -> str:
    """Where an assignment comes from: the plan text (part, line, quote, all required) or a meeting / document."""
    return str(st.radio(t("ed_src_kind", lang), ["plan", *OTHER_SOURCES], horizontal=True, key=f"{key}_src",
                        format_func=lambda k: t("ed_src_plan", lang) if k == "plan" else label(k, lang)))  # fmt: skip


def _source_inputs(ds: Dataset, lang: Lang, key: str, kind: str) -> None:
    if kind == "plan":
        st.selectbox(t("ed_src_part", lang), SOURCES, key=f"{key}_part", index=2, format_func=lambda s: label(s, lang))
        st.number_input(t("ed_plan_line", lang), 1, len(ds.plan_lines), value=None, step=1, key=f"{key}_line")
        st.text_input(t("ed_quote", lang), key=f"{key}_quote", max_chars=500)
        st.text_input(t("ed_ref_plan", lang), key=f"{key}_ref", max_chars=200)
    else:
        st.text_input(t(f"ed_ref_{kind}", lang), key=f"{key}_ref", max_chars=200)


def _source_values(key: str, kind: str) -> dict[str, Any]:
    """The source fields as submitted (read in the callback)."""
    ref = str(ss.get(f"{key}_ref") or "").strip()
    if kind != "plan":
        return dict(source=kind, ref=ref, line=None, quote="")
    part = str(ss.get(f"{key}_part") or "ch5")
    line = ss.get(f"{key}_line")
    return dict(source=part, ref=ref or label(part, "zh"), line=None if line is None else int(line),
                quote=str(ss.get(f"{key}_quote") or "").strip())  # fmt: skip


def host_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """Add an area as host of a chain / industry / sub-industry, or remove one of its assignments."""
    col = name_col(lang)
    area = _area_pick(ds, lang, "h_area")
    chains = dict(zip(ds.chains["chain_no"], ds.chains[col], strict=True))
    inds = dict(zip(ds.industries["industry_id"], ds.industries[col], strict=True))
    subs = dict(zip(ds.subindustries["subindustry_id"], ds.subindustries[col], strict=True))
    add, remove = st.tabs([t("ed_add", lang), t("ed_remove", lang)])
    with add:
        src = source_kind(lang, "h")
        with st.form("host_add"):
            st.radio(t("ed_kind", lang), ["chain", "industry", "subindustry"], horizontal=True, key="h_what",
                            format_func=lambda w: t(w, lang))  # fmt: skip
            st.selectbox(
                t("chain", lang), list(chains), format_func=lambda c: f"{c}. {chains[c]}", key=state.resend("h_chain")
            )
            st.selectbox(t("industry", lang), list(inds), format_func=lambda k: inds[k], key=state.resend("h_ind"))
            st.selectbox(t("subindustry", lang), list(subs), format_func=lambda k: subs[k], key=state.resend("h_sub"))
            _source_inputs(ds, lang, "h", src)
            _reason(lang, "host_add")
            st.form_submit_button(t("ed_save", lang), on_click=_host_add, args=(ws, ds, user, vid, area, src))
    with remove, st.form("host_remove"):
        rows = [r for r in records(ws, vid, "assignments") if r["area_id"] == area]
        shown = distinct(
            {
                (r["row_no"], r["rev"]): f"{subs.get(r['subindustry_id']) or inds.get(r['industry_id'])} · "
                f"{label(r['source'], lang)} · {r['ref']}"
                for r in rows
            }
        )
        st.selectbox(t("ed_remove", lang), list(shown), format_func=lambda k: shown[k], key=state.resend("h_rm"))
        _reason(lang, "host_rm")
        if not rows:
            st.caption(t("ed_nothing_to_remove", lang))
        st.form_submit_button(t("ed_remove", lang), on_click=_host_remove, args=(ws, user, vid), disabled=not rows)


def _host_add(ws: Workspace, ds: Dataset, user: str | None, vid: int, area: str, src: str) -> None:
    what, reason = ss.get("h_what"), str(ss.get("reason-host_add") or "")
    source = _source_values("h", src)
    if what == "chain":
        run(lambda: edit_ops.host_chain(ws, user, vid, area_id=area, chain_no=int(ss["h_chain"]), reason=reason,
                                        **source))  # fmt: skip
        return
    sub = str(ss.get("h_sub") or "") if what == "subindustry" else ""
    ind = str(ds.subindustries.set_index("subindustry_id").at[sub, "industry_id"]) if sub else str(ss.get("h_ind"))
    run(lambda: edit_ops.add_assignment(ws, user, vid, area_id=area, industry_id=ind, subindustry_id=sub,
                                        reason=reason, **source))  # fmt: skip


def _host_remove(ws: Workspace, user: str | None, vid: int) -> None:
    pick = ss.get("h_rm")  # the (row_no, rev) of the option the editor saw and chose, not of the list now
    if pick is None:
        return
    row_no, rev = pick
    reason = str(ss.get("reason-host_rm") or "")
    run(lambda: edit_ops.remove_record(ws, user, vid, "assignments", int(row_no), int(rev), reason))


def detail_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """Featured products, carriers, towns and lead firms of an area: add, change the text, remove."""
    area = _area_pick(ds, lang, "d_area")
    rows = {r["row_no"]: r for r in records(ws, vid, "details") if r["area_id"] == area}
    shown = {-1: "＋ " + t("ed_add", lang)} | distinct(
        {n: f"{label(r['kind'], lang)}: {r['text']}" for n, r in rows.items()}
    )
    pick = int(
        st.selectbox(t("ed_detail_pick", lang), list(shown), key=state.resend("d_pick"), format_func=lambda k: shown[k])
    )
    base = None if pick < 0 else seen(ws, vid, "details", pick)
    inds = {"": t("ed_none", lang)} | dict(
        zip(ds.industries["industry_id"], ds.industries[name_col(lang)], strict=True)
    )
    with st.form("detail"):
        if base is None:
            st.selectbox(
                t("ed_detail_kind", lang),
                DETAIL_KINDS,
                key=state.resend("d_kind"),
                format_func=lambda k: label(k, lang),
            )
            st.selectbox(
                t("ed_detail_industry", lang), list(inds), key=state.resend("d_ind"), format_func=lambda k: inds[k]
            )
            st.number_input(t("ed_plan_line", lang), 1, len(ds.plan_lines), value=None, step=1, key="d_line")
        st.text_input(t("ed_text", lang), value="" if base is None else base["text"], key=f"d_text{pick}")
        if base is not None:
            st.checkbox(t("ed_remove", lang), key=f"d_drop{pick}")
        _reason(lang, "detail")
        seen_at = None if base is None else (pick, int(base["rev"]))
        st.form_submit_button(t("ed_save", lang), on_click=_detail_save, args=(ws, user, vid, area, seen_at))


def _detail_save(ws: Workspace, user: str | None, vid: int, area: str, seen_at: tuple[int, int] | None) -> None:
    reason = str(ss.get("reason-detail") or "")
    if seen_at is None:
        text, line = str(ss.get("d_text-1") or ""), ss.get("d_line")
        run(lambda: edit_ops.add_detail(ws, user, vid, area_id=area, industry_id=str(ss.get("d_ind") or ""),
                                        subindustry_id="", kind=str(ss.get("d_kind")), text=text,
                                        line=line, reason=reason))  # fmt: skip
        return
    row_no, rev = seen_at
    text = str(ss.get(f"d_text{row_no}") or "")
    if ss.get(f"d_drop{row_no}"):
        run(lambda: edit_ops.remove_record(ws, user, vid, "details", row_no, rev, reason), (vid, "details", row_no))
    else:
        upd = edit_ops.update_record
        run(lambda: upd(ws, user, vid, "details", row_no, rev, {"text": text}, reason), (vid, "details", row_no))


def figures_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """A chain's 2020 output and 2023/2025 targets (亿元)."""
    chains = {r["chain_no"]: r for r in records(ws, vid, "chains")}
    col = name_col(lang)
    no = st.selectbox(
        t("chain", lang), list(chains), key=state.resend("f_chain"), format_func=lambda c: f"{c}. {chains[c][col]}"
    )
    base = seen(ws, vid, "chains", int(chains[no]["row_no"]))
    assert base is not None  # chains are never removed by editing
    with st.form("figures"):
        for f in edit_ops.FIGURES:
            st.text_input(field(f, lang), value=_shown(base[f]), key=f"f_{f}_{no}")
        _reason(lang, "figures")
        st.form_submit_button(t("ed_save", lang), on_click=_figures_save, args=(ws, user, vid, "chains", base, no))


def _shown(v: Any) -> str:
    return "" if v is None else f"{v:g}" if isinstance(v, float) else str(v)


def _figures_save(ws: Workspace, user: str | None, vid: int, table: str, base: dict[str, Any], no: int) -> None:
    values = {f: str(ss.get(f"f_{f}_{no}") or "") for f in edit_ops.FIGURES}
    changed = {k: v for k, v in values.items() if v != _shown(base[k])}
    run(lambda: submit_update(ws, user, vid, table, base, changed, str(ss.get("reason-figures") or "")))


def rename_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """Rename an area (its boundary record follows) or a chain."""
    what = st.radio(t("ed_kind", lang), ["areas", "chains"], horizontal=True, key="r_what",
                    format_func=lambda w: t("county" if w == "areas" else "chain", lang))  # fmt: skip
    rows = {r["row_no"]: r for r in records(ws, vid, what)}
    col = name_col(lang)
    pick = st.selectbox(
        t("ed_k_rename", lang), list(rows), key=state.resend(f"r_pick_{what}"), format_func=lambda n: rows[n][col]
    )
    base = seen(ws, vid, what, int(pick))
    assert base is not None  # areas and chains are never removed by editing
    fields = ("name", "short_name", "name_en", "short_name_en") if what == "areas" else ("name", "name_en")
    with st.form("rename"):
        for f in fields:
            st.text_input(field(f, lang), value=base[f], key=f"r_{what}_{pick}_{f}")
        _reason(lang, "rename")
        st.form_submit_button(t("ed_save", lang), on_click=_rename_save, args=(ws, user, vid, what, base, fields))


def _rename_save(
    ws: Workspace, user: str | None, vid: int, what: str, base: dict[str, Any], fields: tuple[str, ...]
) -> None:
    values = {f: str(ss.get(f"r_{what}_{base['row_no']}_{f}") or "") for f in fields}
    changed = {k: v for k, v in values.items() if v != base[k]}
    reason = str(ss.get("reason-rename") or "")
    if what == "areas" and changed:
        rename = edit_ops.rename_area
        run(lambda: rename(ws, user, vid, base["area_id"], int(base["rev"]), changed, reason),
            (vid, what, int(base["row_no"])))  # fmt: skip
        return
    run(lambda: submit_update(ws, user, vid, what, base, changed, reason))


def boundary_form(ws: Workspace, ds: Dataset, user: str | None, vid: int, lang: Lang) -> None:
    """Replace an area's boundary on the draft: the 边界导入 checks and preview (CRS, inside the city, overlaps, area
    against the current one, repairs shown), saved only when they pass."""
    from sq_layout.imports.boundaries import preview_boundaries
    from sq_layout.imports.boundary_crs import CRS_CHOICES
    from sq_layout.imports.boundary_files import MAX_BYTES, SUFFIXES, RawBoundaries, read_upload

    area = _area_pick(ds, lang, "b_area")
    up = st.file_uploader(t("ed_boundary_file", lang), type=[s.lstrip(".") for s in SUFFIXES], key="b_file",
                          help=f"≤ {MAX_BYTES // 1_000_000} MB")  # fmt: skip
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
        _reason(lang, "boundary")
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


def submit_update(
    ws: Workspace, user: str | None, vid: int, table: str, base: dict[str, Any], values: dict[str, Any], reason: str
) -> int:
    """Save changed fields of a record seen at base['rev']; remembered so a conflict can be re-applied."""
    if not values:
        raise EditRejected([("ed_nothing_changed", {})])
    ss["ed_pending"] = dict(table=table, row_no=int(base["row_no"]), values=values, reason=reason, base=base)
    change = RowChange(table, int(base["row_no"]), int(base["rev"]), values)
    try:
        done = apply(ws, user, vid, [change], reason, summary=f"{table} #{base['row_no']}: " + ", ".join(values))
    finally:
        saved(vid, table, int(base["row_no"]))
    ss.pop("ed_pending", None)
    return done


FORMS = {"host": host_form, "detail": detail_form, "figures": figures_form, "rename": rename_form,
         "boundary": boundary_form}  # fmt: skip
