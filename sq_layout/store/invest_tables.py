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

from sqlalchemy import Column, ForeignKey, Integer, String, Table

from sq_layout.store.tables import Geometry, metadata
from sq_layout.tables.invest import SPECS

# (column, kind) of each record table in table order (kinds as sq_layout.tables.spec says), and each table's key:
# both from the one spec per table.
INVEST_COLUMNS: dict[str, list[tuple[str, str]]] = {name: spec.kinds() for name, spec in SPECS.items()}
KEYS: dict[str, tuple[str, ...]] = {name: spec.key for name, spec in SPECS.items()}


def _record_table(name: str) -> Table:
    cols: list[Any] = [Column("version_id", Integer, ForeignKey("plan_version.id"), primary_key=True)]
    cols += SPECS[name].sql_columns(Geometry())
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
