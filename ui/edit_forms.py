"""The edit forms of the Edit page: assignments and chain hosts, details, figures, names, boundaries."""

from __future__ import annotations

from typing import Any

import streamlit as st

from sq_layout.i18n import name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.schemas import DETAIL_KINDS
from sq_layout.store import Workspace, edit_ops
from sq_layout.store.edits import RowChange, apply, records

KINDS = ("host", "detail", "figures", "rename", "boundary")


def seen(ws: Workspace, vid: int, table: str, row_no: int) -> dict[str, Any]:
    """The record as the editor first saw it: kept until saved, so a colleague's save in between is detected."""
    key = f"seen-{vid}-{table}-{row_no}"
    if key not in st.session_state:
        st.session_state[key] = next(r for r in records(ws, vid, table) if r["row_no"] == row_no)
    return dict(st.session_state[key])


def saved(vid: int, table: str, row_no: int) -> None:
    """Forget what the editor saw once the save went through."""
    st.session_state.pop(f"seen-{vid}-{table}-{row_no}", None)


def _reason(lang: str, key: str) -> str:
    return st.text_input(t("ed_reason", lang), key=f"reason-{key}", max_chars=500)


def host_form(ws: Workspace, ds: Dataset, user: str, vid: int, lang: str) -> int | None:
    """Add an area as host of a chain / industry / sub-industry, or remove one of its assignments."""
    col = name_col(lang)
    areas = dict(zip(ds.areas["area_id"], ds.areas[col], strict=True))
    area = st.selectbox(t("county", lang) + " / " + t("zone", lang), list(areas), format_func=areas.get, key="h_area")
    add, remove = st.tabs([t("ed_add", lang), t("ed_remove", lang)])
    with add, st.form("host_add"):
        chains = dict(zip(ds.chains["chain_no"], ds.chains[col], strict=True))
        inds = dict(zip(ds.industries["industry_id"], ds.industries[col], strict=True))
        subs = dict(zip(ds.subindustries["subindustry_id"], ds.subindustries[col], strict=True))
        what = st.radio(t("ed_kind", lang), ["chain", "industry", "subindustry"], horizontal=True, key="h_what",
                        format_func=lambda w: t(w, lang))  # fmt: skip
        chain = st.selectbox(t("chain", lang), list(chains), format_func=lambda c: f"{c}. {chains[c]}", key="h_chain")
        ind = st.selectbox(t("industry", lang), list(inds), format_func=inds.get, key="h_ind")
        sub = st.selectbox(t("subindustry", lang), ["", *subs], format_func=lambda s: subs.get(s, "—"), key="h_sub")
        note = st.text_input(t("ed_source_note", lang), key="h_note")
        line = st.number_input(t("ed_plan_line", lang), 1, len(ds.plan_lines), 846, key="h_line")
        reason = _reason(lang, "host_add")
        if st.form_submit_button(t("ed_save", lang)):
            if what == "chain":
                return edit_ops.host_chain(ws, user, vid, area_id=area, chain_no=int(chain), source_note=note,
                                           reason=reason)  # fmt: skip
            sub_id = sub if what == "subindustry" else ""
            ind_id = str(ds.subindustries.set_index("subindustry_id").at[sub, "industry_id"]) if sub_id else ind
            return edit_ops.add_assignment(ws, user, vid, area_id=area, industry_id=ind_id, subindustry_id=sub_id,
                                           source_note=note, line=int(line), reason=reason)  # fmt: skip
    with remove, st.form("host_remove"):
        rows = [r for r in records(ws, vid, "assignments") if r["area_id"] == area]
        label = {
            r["row_no"]: f"{inds.get(r['industry_id'])} {subs.get(r['subindustry_id'], '')} · {r['ref']}" for r in rows
        }
        pick = st.selectbox(t("ed_remove", lang), list(label), format_func=label.get, key="h_rm")
        reason = _reason(lang, "host_rm")
        if st.form_submit_button(t("ed_remove", lang)) and pick is not None:
            rev = seen(ws, vid, "assignments", int(pick))["rev"]
            done = edit_ops.remove_record(ws, user, vid, "assignments", int(pick), rev, reason)
            saved(vid, "assignments", int(pick))
            return done
    return None


def detail_form(ws: Workspace, ds: Dataset, user: str, vid: int, lang: str) -> int | None:
    """Featured products, carriers, towns and lead firms of an area: add, change the text, remove."""
    col = name_col(lang)
    areas = dict(zip(ds.areas["area_id"], ds.areas[col], strict=True))
    area = st.selectbox(t("county", lang) + " / " + t("zone", lang), list(areas), format_func=areas.get, key="d_area")
    rows = {r["row_no"]: r for r in records(ws, vid, "details") if r["area_id"] == area}
    shown = {None: "＋ " + t("ed_add", lang)} | {n: f"{r['kind']}: {r['text']}" for n, r in rows.items()}
    pick = st.selectbox(t("products", lang), list(shown), key="d_pick", format_func=shown.get)
    with st.form("detail"):
        if pick is None:
            kind = st.selectbox(t("kind", lang), DETAIL_KINDS, key="d_kind")
            ind = st.selectbox(t("industry", lang), list(ds.industries["industry_id"]), key="d_ind")
        text = st.text_input(
            t("description", lang), value="" if pick is None else rows[pick]["text"], key=f"d_text{pick}"
        )
        drop = pick is not None and st.checkbox(t("ed_remove", lang), key="d_drop")
        reason = _reason(lang, "detail")
        if not st.form_submit_button(t("ed_save", lang)):
            return None
    if pick is None:
        return edit_ops.add_detail(ws, user, vid, area_id=area, industry_id=ind, subindustry_id="", kind=kind,
                                   text=text, line=len(ds.plan_lines) // 2, reason=reason)  # fmt: skip
    rev = seen(ws, vid, "details", pick)["rev"]
    done = (edit_ops.remove_record(ws, user, vid, "details", pick, rev, reason) if drop
            else edit_ops.update_record(ws, user, vid, "details", pick, rev, {"text": text}, reason))  # fmt: skip
    saved(vid, "details", pick)
    return done


def figures_form(ws: Workspace, ds: Dataset, user: str, vid: int, lang: str) -> int | None:
    """A chain's 2020 output and 2023/2025 targets (亿元)."""
    chains = {r["chain_no"]: r for r in records(ws, vid, "chains")}
    no = st.selectbox(t("chain", lang), list(chains), key="f_chain", format_func=lambda c: f"{c}. {chains[c]['name']}")
    base = seen(ws, vid, "chains", int(chains[no]["row_no"]))
    with st.form("figures"):
        values = {f: st.text_input(f, value=f"{base[f]:g}" if base[f] is not None else "", key=f"f_{f}_{no}")
                  for f in edit_ops.FIGURES}  # fmt: skip
        reason = _reason(lang, "figures")
        if not st.form_submit_button(t("ed_save", lang)):
            return None
    changed = {k: v for k, v in values.items() if v != (f"{base[k]:g}" if base[k] is not None else "")}
    return submit_update(ws, user, vid, "chains", base, changed, reason)


def rename_form(ws: Workspace, ds: Dataset, user: str, vid: int, lang: str) -> int | None:
    """Rename an area (its boundary record follows) or a chain."""
    what = st.radio(t("ed_kind", lang), ["areas", "chains"], horizontal=True, key="r_what",
                    format_func=lambda w: t("county" if w == "areas" else "chain", lang))  # fmt: skip
    rows = {r["row_no"]: r for r in records(ws, vid, what)}
    pick = st.selectbox(t("ed_k_rename", lang), list(rows), key=f"r_pick_{what}", format_func=lambda n: rows[n]["name"])
    base = seen(ws, vid, what, int(pick))
    fields = ("name", "short_name", "name_en", "short_name_en") if what == "areas" else ("name", "name_en")
    with st.form("rename"):
        values = {f: st.text_input(f, value=base[f], key=f"r_{what}_{pick}_{f}") for f in fields}
        reason = _reason(lang, "rename")
        if not st.form_submit_button(t("ed_save", lang)):
            return None
    changed = {k: v for k, v in values.items() if v != base[k]}
    if what == "areas":
        done = edit_ops.rename_area(ws, user, vid, base["area_id"], base["rev"], changed, reason)
        saved(vid, what, int(pick))
        return done
    return submit_update(ws, user, vid, what, base, changed, reason)


def boundary_form(ws: Workspace, ds: Dataset, user: str, vid: int, lang: str) -> int | None:
    """Attach or replace an area's boundary on the draft from a GeoJSON file (WGS-84)."""
    import geopandas as gpd

    col = name_col(lang)
    areas = dict(zip(ds.areas["area_id"], ds.areas[col], strict=True))
    with st.form("boundary"):
        area = st.selectbox(t("county", lang), list(areas), format_func=areas.get, key="b_area")
        up = st.file_uploader(t("ed_boundary_file", lang), type=["geojson", "json"], key="b_file")
        source = st.text_input(t("ed_source_note", lang), key="b_source")
        reason = _reason(lang, "boundary")
        if not st.form_submit_button(t("ed_save", lang)) or up is None:
            return None
    frame = gpd.read_file(up).to_crs(4326)
    frame = gpd.GeoDataFrame({"area_id": [area]}, geometry=[frame.union_all()], crs=4326)
    ws.save_boundaries(vid, frame, source=source or up.name, file_name=up.name, user=user, title=reason)
    return -1


def submit_update(
    ws: Workspace, user: str, vid: int, table: str, base: dict[str, Any], values: dict[str, Any], reason: str
) -> int:
    """Save changed fields of a record seen at base['rev']; remembered so a conflict can be re-applied."""
    st.session_state["ed_pending"] = dict(
        table=table, row_no=int(base["row_no"]), values=values, reason=reason, base=base
    )
    change = RowChange(table, int(base["row_no"]), int(base["rev"]), values)
    done = apply(ws, user, vid, [change], reason, summary=f"{table} #{base['row_no']}: " + ", ".join(values))
    saved(vid, table, int(base["row_no"]))
    st.session_state.pop("ed_pending", None)
    return done


FORMS = {"host": host_form, "detail": detail_form, "figures": figures_form, "rename": rename_form,
         "boundary": boundary_form}  # fmt: skip
