"""What an edited record must satisfy — the checks imports make, record by record, with reasons as i18n keys."""

from __future__ import annotations

import math
from typing import Any

import shapely
from sqlalchemy import Connection, select

from sq_layout.errors import EditRejected
from sq_layout.i18n.lang import Listed
from sq_layout.plan.sources import source_problem
from sq_layout.store import tables as t
from sq_layout.tables.plan import ASSIGNMENT_SOURCES, DETAIL_KINDS, SOURCES

Problem = tuple[str, dict[str, object]]
MAX_TEXT = 2000
MAX_REASON = 500
# Text fields an edit may not leave empty (the import schemas' `_text` columns).
REQUIRED = {
    "areas": ("name", "short_name", "name_en", "short_name_en"),
    "industries": ("name", "name_en"),
    "subindustries": ("name", "name_en"),
    "chains": ("name", "name_en"),
    "assignments": ("area_id", "industry_id", "ref", "area_as_written"),  # a plan source's quote: source_problem
    "details": ("area_id", "text"),
    "boundaries": ("area_id",),
}
# What an edit may touch: fields per table that may change, and tables whose records may be added or removed.
# Keys (area_id of an area, chain_no, industry_id, …) never change: other records point at them.
EDITABLE = {
    "assignments": ("source", "ref", "line", "quote", "note"),
    "details": ("industry_id", "subindustry_id", "kind", "text", "source", "line"),
    "chains": ("name", "name_en", "output_2020_yi", "target_2023_yi", "target_2025_yi"),
    "industries": ("name", "name_en", "target_2025_yi"),
    "subindustries": ("name", "name_en", "target_2025_yi"),
    "areas": ("name", "short_name", "name_en", "short_name_en"),
    "boundaries": ("name", "geometry", "geometry_quality", "source", "geometry_source", "geometry_date",
                   "geometry_file"),
}  # fmt: skip
ADDABLE = ("assignments", "details", "boundaries")
MIN_ONE = ("line", "position", "target_line")
POSITIVE = {("industries", "target_2025_yi"), ("subindustries", "target_2025_yi")}
NULLABLE = {("subindustries", "target_2025_yi")}
UNIQUE_NAMES = {"areas": "name", "industries": "name", "subindustries": "name", "chains": "name"}
DUPLICATE_KEYS = {
    "assignments": ("area_id", "industry_id", "subindustry_id", "source"),
    "details": ("area_id", "industry_id", "subindustry_id", "kind", "text"),
    "boundaries": ("area_id",),
}
ENUMS = {
    ("assignments", "source"): ASSIGNMENT_SOURCES,
    ("details", "source"): SOURCES,
    ("details", "kind"): DETAIL_KINDS,
}
# (column, parent table, parent key, may be empty)
KEYS = [
    ("area_id", "areas", "area_id", False),
    ("industry_id", "industries", "industry_id", False),
    ("subindustry_id", "subindustries", "subindustry_id", True),
]


def check_reason(reason: object) -> None:
    """A change needs a short reason."""
    if not isinstance(reason, str) or not reason.strip() or len(reason) > MAX_REASON or "\x00" in reason:
        raise EditRejected([("ev_reason", {})])


def check_scope(table: str, row_no: int | None, values: dict[str, Any] | None) -> None:
    """Refuse changes outside what editing allows (keys, whole new areas or chains: those come by import)."""
    if table not in EDITABLE:
        raise EditRejected([("ev_unknown", {"what": "table", "value": str(table)[:40], "choices": Listed(EDITABLE)})])
    if (row_no is None or values is None) and table not in ADDABLE:
        raise EditRejected([("ev_not_editable", {"field": table})])
    if row_no is not None and values is not None:
        fixed = [k for k in values if k not in EDITABLE[table]]
        if fixed:
            raise EditRejected([("ev_not_editable", {"field": str(fixed[0])[:40]})])


def _ids(conn: Connection, vid: int, table: str, key: str) -> list[Any]:
    tab = t.records[table]
    return [r[0] for r in conn.execute(select(tab.c[key]).where(tab.c.version_id == vid)).all()]


def _number(table: str, col: str, kind: str, value: Any, problems: list[Problem]) -> Any:
    blank = value is None or (isinstance(value, str) and not value.strip())
    if blank and (kind == "Int64" or (table, col) in NULLABLE):
        return None
    try:
        if isinstance(value, bool):
            raise ValueError
        num = float(value)
        least = 1 if col in MIN_ONE and (table, col) != ("assignments", "line") else 0  # 0: no plan line
        ok = math.isfinite(num) and (num > 0 if (table, col) in POSITIVE else num >= least)
        if kind != "float":
            ok = ok and num.is_integer() and abs(num) < 2**31
    except (TypeError, ValueError, OverflowError):
        ok = False
    if not ok:
        problems.append(("ev_not_number", {"field": col, "value": str(value)[:40]}))
        return value
    return num if kind == "float" else int(num)


def _fields(table: str, row: dict[str, Any], problems: list[Problem]) -> dict[str, Any]:
    spec = dict(t.RECORD_COLUMNS[table])
    out: dict[str, Any] = {k: row[k] for k in ("row_no", "rev", "geometry") if k in row}
    for col in row:
        if col not in spec and col not in out:
            problems.append(("ev_unknown", {"what": "column", "value": str(col)[:40], "choices": Listed(spec)}))
    for col, kind in spec.items():
        value = row.get(col, "" if kind == "str" else None)
        if kind == "str":
            if not isinstance(value, str):
                value = "" if value is None else str(value)
            value = value.strip()
            if col in REQUIRED.get(table, ()) and not value:
                problems.append(("ev_empty", {"field": col}))
            if len(value) > MAX_TEXT:
                problems.append(("ev_too_long", {"field": col, "n": MAX_TEXT}))
            if "\x00" in value:
                problems.append(("ev_bad_text", {"field": col}))
            out[col] = value
        else:
            out[col] = _number(table, col, kind, value, problems)
    return out


def _plan_lines(conn: Connection, vid: int) -> list[str]:
    sha = select(t.versions.c.plan_text_sha).where(t.versions.c.id == vid).scalar_subquery()
    text = conn.execute(select(t.plan_texts.c.text).where(t.plan_texts.c.sha256 == sha)).scalar_one()
    return str(text).split("\n")


def _references(conn: Connection, vid: int, table: str, row: dict[str, Any], problems: list[Problem]) -> None:
    for col, parent, key, may_be_empty in KEYS:
        if col not in row or (may_be_empty and row[col] == "") or table == parent:
            continue
        if table == "details" and col == "industry_id" and row[col] == "":
            continue
        known = _ids(conn, vid, parent, key)
        if row[col] not in known:
            choices = Listed(sorted(str(k) for k in known)[:30])
            problems.append(("ev_unknown", {"what": col, "value": str(row[col])[:40], "choices": choices}))
    for (tab, col), allowed in ENUMS.items():
        if tab == table and row[col] not in allowed:
            problems.append(("ev_unknown", {"what": col, "value": str(row[col])[:40], "choices": Listed(allowed)}))
    if table == "assignments":
        lines = _plan_lines(conn, vid)
        found = source_problem(row["source"], row["ref"], row["line"], row["quote"], lines)
        if found and found[0] != "ev_unknown":  # an unknown source is reported by ENUMS above
            problems.append(found)
    elif "line" in row and isinstance(row["line"], int):
        n = len(_plan_lines(conn, vid))
        if not 1 <= row["line"] <= n:
            problems.append(("ev_line", {"n": n}))


def _duplicates(conn: Connection, vid: int, table: str, row: dict[str, Any], self_no: int | None) -> list[Problem]:
    tab = t.records[table]
    problems: list[Problem] = []
    if table in UNIQUE_NAMES:
        col = UNIQUE_NAMES[table]
        stmt = select(tab.c.row_no).where(tab.c.version_id == vid, tab.c[col] == row[col], tab.c.row_no != self_no)
        if conn.execute(stmt).first():
            problems.append(("ev_name_taken", {"value": row[col]}))
    if table in DUPLICATE_KEYS:
        cols = DUPLICATE_KEYS[table]
        stmt = select(tab.c.row_no).where(tab.c.version_id == vid, tab.c.row_no != self_no)
        stmt = stmt.where(*(tab.c[c] == row[c] for c in cols))
        if conn.execute(stmt).first():
            problems.append(("ev_duplicate", {"what": " × ".join(str(row[c]) for c in cols if row[c] != "")}))
    return problems


def check_row(conn: Connection, vid: int, table: str, row: dict[str, Any], self_no: int | None) -> dict[str, Any]:
    """The row with values normalised (text trimmed, numbers parsed), or EditRejected listing every problem."""
    if table not in t.records:
        raise EditRejected([("ev_unknown", {"what": "table", "value": str(table), "choices": Listed(t.records)})])
    problems: list[Problem] = []
    out = _fields(table, row, problems)
    if table == "boundaries":
        geom = out.get("geometry")
        good = isinstance(geom, shapely.Polygon | shapely.MultiPolygon) and not geom.is_empty and geom.is_valid
        if not good:
            problems.append(("ev_geometry", {}))
    if not problems:
        _references(conn, vid, table, out, problems)
    if not problems:
        problems += _duplicates(conn, vid, table, out, self_no)
    if problems:
        raise EditRejected(problems)
    return out


def chain_of(conn: Connection, vid: int, industry_id: str, subindustry_id: str) -> set[int]:
    """The 表十一 chains an assignment puts its area on (through its sub-industry, or its industry's sole chain)."""
    subs, chains = t.records["subindustries"], t.records["chains"]
    if subindustry_id:
        stmt = select(subs.c.chain_no).where(subs.c.version_id == vid, subs.c.subindustry_id == subindustry_id)
        return {int(c) for (c,) in conn.execute(stmt).all() if c is not None}
    has_subs = select(subs.c.row_no).where(subs.c.version_id == vid, subs.c.industry_id == industry_id)
    if conn.execute(has_subs).first():
        return set()
    stmt = select(chains.c.chain_no).where(chains.c.version_id == vid, chains.c.industry_id == industry_id)
    found = {int(c) for (c,) in conn.execute(stmt).all()}
    return found if len(found) == 1 else set()
