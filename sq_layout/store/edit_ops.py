"""The edits a planner makes, each built from record changes and applied with a reason (see edits.apply)."""

from __future__ import annotations

from typing import Any

from sqlalchemy import select

from sq_layout.errors import EditRejected
from sq_layout.i18n.lang import Listed
from sq_layout.store import tables as t
from sq_layout.store.edits import RowChange, apply, fetch_row
from sq_layout.store.workspace_store import Workspace

FIGURES = ("output_2020_yi", "target_2023_yi", "target_2025_yi")


def _row(ws: Workspace, vid: int, table: str, **where: Any) -> dict[str, Any]:
    tab = t.records[table]
    with ws.engine.connect() as conn:
        stmt = select(tab.c.row_no).where(tab.c.version_id == vid, *(tab.c[k] == v for k, v in where.items()))
        row_no = conn.execute(stmt).scalar()
        row = None if row_no is None else fetch_row(conn, table, vid, int(row_no))
    if row is None:
        key = Listed(f"{k}={v}" for k, v in where.items())
        raise EditRejected([("ev_no_row", {"table": table, "row": key})])
    return row


def add_assignment(
    ws: Workspace,
    user: str | None,
    vid: int,
    *,
    area_id: str,
    industry_id: str,
    subindustry_id: str = "",
    source: str,
    ref: str,
    line: int | None = None,
    quote: str = "",
    reason: str,
) -> int:
    """Give an area an industry / sub-industry, citing its source.

    A plan source (table10, ch4, ch5) needs the line and a quote standing on it; a meeting or document source needs
    the reference (minutes, document number) and has no line (stored as 0)."""
    with ws.engine.connect() as conn:
        areas = t.records["areas"]
        name = conn.execute(select(areas.c.name).where(areas.c.version_id == vid, areas.c.area_id == area_id)).scalar()
    values: dict[str, Any] = dict(area_id=area_id, industry_id=industry_id, subindustry_id=subindustry_id)
    values |= dict(source=source, ref=ref, line=0 if line is None else line, quote=quote)
    values |= dict(position=1, area_as_written=name or area_id, note="edit")
    summary = f"+ {area_id} × {subindustry_id or industry_id}"
    return apply(ws, user, vid, [RowChange("assignments", None, None, values)], reason, summary=summary)


def chain_host_values(ws: Workspace, vid: int, chain_no: int) -> tuple[str, str]:
    """The (industry, sub-industry) that makes an area a host of a chain."""
    ds_subs = t.records["subindustries"]
    chain = _row(ws, vid, "chains", chain_no=chain_no)
    with ws.engine.connect() as conn:
        stmt = select(ds_subs.c.subindustry_id, ds_subs.c.chain_relation).where(
            ds_subs.c.version_id == vid, ds_subs.c.chain_no == chain_no
        )
        subs = sorted(conn.execute(stmt).all(), key=lambda r: r[1] != "same")
    return str(chain["industry_id"]), (subs[0][0] if subs else "")


def host_chain(
    ws: Workspace,
    user: str | None,
    vid: int,
    *,
    area_id: str,
    chain_no: int,
    source: str,
    ref: str,
    line: int | None = None,
    quote: str = "",
    reason: str,
) -> int:
    """Make an area a host of a 表十一 chain (through the chain's sub-industry, or its industry), citing its source."""
    industry, sub = chain_host_values(ws, vid, chain_no)
    return add_assignment(
        ws, user, vid, area_id=area_id, industry_id=industry, subindustry_id=sub, source=source, ref=ref, line=line,
        quote=quote, reason=reason,
    )  # fmt: skip


def remove_record(
    ws: Workspace, user: str | None, vid: int, table: str, row_no: int, seen_rev: int, reason: str
) -> int:
    """Remove one record (an assignment, a detail) the editor saw at revision seen_rev."""
    return apply(ws, user, vid, [RowChange(table, row_no, seen_rev, None)], reason, summary=f"- {table} #{row_no}")


def update_record(
    ws: Workspace,
    user: str | None,
    vid: int,
    table: str,
    row_no: int,
    seen_rev: int,
    values: dict[str, Any],
    reason: str,
) -> int:
    """Change fields of one record the editor saw at revision seen_rev (figures, targets, a detail's text…)."""
    summary = f"{table} #{row_no}: " + ", ".join(values)
    return apply(ws, user, vid, [RowChange(table, row_no, seen_rev, values)], reason, summary=summary)


def add_detail(
    ws: Workspace,
    user: str | None,
    vid: int,
    *,
    area_id: str,
    industry_id: str,
    subindustry_id: str,
    kind: str,
    text: str,
    line: int | None,
    reason: str,
) -> int:
    """Add a featured product, carrier, town, lead firm or note for an area; it quotes the sentence of its line that
    names it, as the seed's details do (none when no sentence of the line holds the text; store.edits.write_row)."""
    values: dict[str, Any] = dict(area_id=area_id, industry_id=industry_id, subindustry_id=subindustry_id)
    values |= dict(kind=kind, text=text)
    values |= dict(source="ch5", line=line)
    change = RowChange("details", None, None, values)
    return apply(ws, user, vid, [change], reason, summary=f"+ {area_id} {kind}: {str(text)[:40]}")


def rename_area(
    ws: Workspace, user: str | None, vid: int, area_id: str, seen_rev: int, names: dict[str, str], reason: str
) -> int:
    """Rename an area (name, short_name, name_en, short_name_en); its boundary record follows."""
    area = _row(ws, vid, "areas", area_id=area_id)
    rows = [RowChange("areas", int(area["row_no"]), seen_rev, names)]
    if "name" in names:
        tab = t.records["boundaries"]
        with ws.engine.connect() as conn:
            stmt = select(tab.c.row_no, tab.c.rev).where(tab.c.version_id == vid, tab.c.area_id == area_id)
            rows += [RowChange("boundaries", r.row_no, r.rev, {"name": names["name"]}) for r in conn.execute(stmt)]
    return apply(ws, user, vid, rows, reason, summary=f"rename {area_id}: {names.get('name', '')}")


def rename_chain(
    ws: Workspace, user: str | None, vid: int, chain_no: int, seen_rev: int, names: dict[str, str], reason: str
) -> int:
    """Rename a chain (name, name_en)."""
    chain = _row(ws, vid, "chains", chain_no=chain_no)
    change = RowChange("chains", int(chain["row_no"]), seen_rev, names)
    return apply(ws, user, vid, [change], reason, summary=f"rename chain {chain_no}: {names.get('name', '')}")


def set_chain_figures(
    ws: Workspace, user: str | None, vid: int, chain_no: int, seen_rev: int, figures: dict[str, Any], reason: str
) -> int:
    """Change a chain's 2020 output and 2023/2025 targets (亿元)."""
    bad = [k for k in figures if k not in FIGURES]
    if bad:
        raise EditRejected([("ev_unknown", {"what": "figure", "value": bad[0], "choices": Listed(FIGURES)})])
    chain = _row(ws, vid, "chains", chain_no=chain_no)
    change = RowChange("chains", int(chain["row_no"]), seen_rev, figures)
    return apply(ws, user, vid, [change], reason, summary=f"chain {chain_no} figures: " + ", ".join(figures))
