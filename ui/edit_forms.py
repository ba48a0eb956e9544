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
    EditConflict,
    EditRejected,
    PermissionDenied,
    WorkspaceBusy,
)
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.editing import field
from sq_layout.plan.dataset import Dataset
from sq_layout.store import Workspace, edit_ops
from sq_layout.store.edits import RowChange, apply, records
from sq_layout.tables.plan import DETAIL_KINDS, OTHER_SOURCES, SOURCES
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


def reason_input(lang: Lang, key: str) -> str:
    return st.text_input(t("ed_reason", lang), key=f"reason-{key}", max_chars=500)


def area_pick(ds: Dataset, lang: Lang, key: str) -> str:
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
    area = area_pick(ds, lang, "h_area")
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
            reason_input(lang, "host_add")
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
        reason_input(lang, "host_rm")
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
    area = area_pick(ds, lang, "d_area")
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
        reason_input(lang, "detail")
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
        reason_input(lang, "figures")
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
        reason_input(lang, "rename")
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
    """Replace an area's boundary on the draft (ui/edit_boundary.py: the import's checks, preview and save)."""
    from ui.edit_boundary import boundary_form as form

    form(ws, ds, user, vid, lang)


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
