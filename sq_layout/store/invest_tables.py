"""Tables the investment records add (migration 0003; 0007 adds 目标企业, 链长制, 十个一 and the early pipeline
stages): the record tables per version and their state.

Their history is the one change log of every versioned record (sq_layout.store.changes, migration 0006).

Each record table is keyed by `version_id` and the record's own id (actual figures: chain, year, area), so ids stay
stable across saves; `row_no` keeps the order and `rev` counts the record's revisions. Points are kept like the
boundaries: a `geometry` column in WGS-84 (PostGIS geometry with a GiST index, WKB elsewhere); `lon`/`lat` of the
tables are read back from it.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import Boolean, Column, DateTime, Float, ForeignKey, Integer, String, Table, Text

from sq_layout.store.tables import Geometry, metadata

# Where a firm or project is and what it serves: the same columns, in this order, on both tables.
PLACED: list[tuple[str, str]] = [
    ("chains", "str"),
    ("links", "str"),
    ("area_id", "str"),
    ("area_stated", "str"),
    ("area_flag", "bool"),
    ("carrier", "str"),
    ("lon", "point"),
    ("lat", "point"),
    ("approximate", "bool"),
    ("origin", "str"),
    ("source", "str"),
]
# Column kinds: "str" (never null), "float", "int", "Int64" (nullable int), "bool", "date" (nullable datetime),
# "point" (lon/lat of the table, one geometry column here).
INVEST_COLUMNS: dict[str, list[tuple[str, str]]] = {
    "firms": [
        ("firm_id", "str"),
        ("name", "str"),
        ("credit_code", "str"),
        ("role", "str"),
        *PLACED,
    ],
    "projects": [
        ("project_id", "str"),
        ("name", "str"),
        ("firm", "str"),
        ("investment_yi", "float"),
        ("stage", "str"),
        ("date_lead", "date"),
        ("date_talks", "date"),
        ("date_reserve", "date"),
        ("date_signed", "date"),
        ("date_started", "date"),
        ("date_completed", "date"),
        ("date_operating", "date"),
        *PLACED,
    ],
    "carriers": [
        ("carrier_id", "str"),
        ("name", "str"),
        ("chains", "str"),
        ("area_id", "str"),
        ("lon", "point"),
        ("lat", "point"),
        ("approximate", "bool"),
        ("origin", "str"),
        ("source", "str"),
    ],
    "links": [
        ("link_id", "str"),
        ("chain_no", "int"),
        ("position", "int"),
        ("stage", "str"),
        ("name", "str"),
        ("source", "str"),
        ("line", "Int64"),
        ("quote", "str"),
    ],
    "actuals": [
        ("chain_no", "int"),
        ("year", "int"),
        ("area_id", "str"),
        ("output_yi", "float"),
        ("source", "str"),
    ],
    # 目标企业, 链长制 and 十个一 (migration 0007)
    "prospects": [
        ("prospect_id", "str"),
        ("name", "str"),
        ("province", "str"),
        ("city", "str"),
        ("chains", "str"),
        ("links", "str"),
        ("category", "str"),
        ("status", "str"),
        ("area_id", "str"),
        ("owner", "str"),
        ("next_step", "str"),
        ("date_added", "date"),
        ("origin", "str"),
        ("source", "str"),
    ],
    "chain_leads": [
        ("chain_no", "int"),
        ("leader_1", "str"),
        ("leader_2", "str"),
        ("department", "str"),
        ("note", "str"),
    ],
    "chain_tasks": [
        ("chain_no", "int"),
        ("item_no", "int"),
        ("status", "str"),
        ("date", "date"),
        ("document", "str"),
        ("owner", "str"),
    ],
}
KEYS: dict[str, tuple[str, ...]] = {
    "firms": ("firm_id",),
    "projects": ("project_id",),
    "carriers": ("carrier_id",),
    "links": ("link_id",),
    "actuals": ("chain_no", "year", "area_id"),
    "prospects": ("prospect_id",),
    "chain_leads": ("chain_no",),
    "chain_tasks": ("chain_no", "item_no"),
}
_SQL: dict[str, Any] = {
    "str": Text,
    "float": Float(precision=53),
    "int": Integer,
    "Int64": Integer,
    "bool": Boolean,
    "date": DateTime,
}


def sql_columns(name: str) -> list[tuple[str, Any, bool]]:
    """(column, SQL type, nullable) of a record table's data columns, `geometry` in place of lon/lat."""
    out: list[tuple[str, Any, bool]] = []
    for col, kind in INVEST_COLUMNS[name]:
        if kind == "point":
            if col == "lon":
                out.append(("geometry", Geometry(), False))
            continue
        out.append((col, _SQL[kind], kind in ("Int64", "date")))
    return out


def _record_table(name: str) -> Table:
    cols: list[Any] = [Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True)]
    cols += [Column(c, typ, primary_key=c in KEYS[name], nullable=null) for c, typ, null in sql_columns(name)]
    cols += [Column("row_no", Integer, nullable=False), Column("rev", Integer, nullable=False, default=1)]
    return Table(f"inv_{name}", metadata, *cols)


invest_records: dict[str, Table] = {name: _record_table(name) for name in INVEST_COLUMNS}

# One row per version that has its own investment records (a version without one shows its parent's, or the plan
# baseline): every save bumps `rev` first, which serialises saves and tells a page its loaded copy is stale.
invest_state = Table(
    "inv_state",
    metadata,
    Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True),
    Column("rev", Integer, nullable=False),
    Column("based_on", Integer, ForeignKey("plan_version.id"), nullable=True),  # None: the plan baseline
    Column("saved", String(32), nullable=False),
    Column("saved_by", String(64), nullable=False),
)
