"""The investment tables as database rows and back, and the record-by-record difference between two states."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Connection, LargeBinary, func, select, type_coerce

from sq_layout.store.invest_tables import INVEST_COLUMNS, KEYS, invest_records
from sq_layout.tables.spec import DTYPES as _DTYPES

Row = dict[str, Any]
Key = tuple[Any, ...]
POINT_TABLES = tuple(n for n, spec in INVEST_COLUMNS.items() if any(k == "point" for _, k in spec))


def _column(s: pd.Series, kind: str) -> list[Any]:
    """One column as plain Python values (None for a missing date or line)."""
    if kind == "str":
        return [str(v) for v in s.astype(object).where(s.notna(), "").tolist()]
    if kind in ("float", "point"):
        return [float(v) for v in s.astype("float64").tolist()]
    if kind == "int":
        return [int(v) for v in s.astype("int64").tolist()]
    if kind == "bool":
        return [bool(v) for v in s.astype(bool).tolist()]
    if kind == "Int64":
        return [None if pd.isna(v) else int(v) for v in s.tolist()]
    return [None if pd.isna(v) else pd.Timestamp(v).to_pydatetime() for v in pd.to_datetime(s).tolist()]


def table_rows(frame: pd.DataFrame, name: str) -> dict[Key, Row]:
    """A table's records by key, in table order, as plain Python values."""
    spec = INVEST_COLUMNS[name]
    names = [c for c, _ in spec]
    columns = [_column(frame[c], kind) for c, kind in spec]
    out: dict[Key, Row] = {}
    for values in zip(*columns, strict=True):
        row = dict(zip(names, values, strict=True))
        out[tuple(row[k] for k in KEYS[name])] = row
    return out


def rows_frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """Records back to a table with the schema's columns and dtypes."""
    data = {}
    for c, kind in INVEST_COLUMNS[name]:
        values = [r[c] for r in rows]
        data[c] = pd.array(values, dtype="Int64") if kind == "Int64" else pd.Series(values, dtype=_DTYPES[kind])
    return pd.DataFrame(data)


def db_row(name: str, row: Row, version_id: int, row_no: int, rev: int) -> Row:
    """A record as the database stores it: lon/lat become a WGS-84 point."""
    out = {k: v for k, v in row.items() if k not in ("lon", "lat")}
    if name in POINT_TABLES:
        out["geometry"] = shapely.Point(row["lon"], row["lat"])
    return out | {"version_id": version_id, "row_no": row_no, "rev": rev}


def db_rows(name: str, items: list[tuple[Row, int, int]], version_id: int) -> list[Row]:
    """Many (record, row_no, rev) as the database stores them, like db_row, the points made in one vectorised call."""
    out = [
        {k: v for k, v in row.items() if k not in ("lon", "lat")} | {"version_id": version_id, "row_no": n, "rev": rev}
        for row, n, rev in items
    ]
    if name in POINT_TABLES and items:
        lon = np.array([row["lon"] for row, _, _ in items], dtype="float64")
        lat = np.array([row["lat"] for row, _, _ in items], dtype="float64")
        points: Any = shapely.points(lon, lat)
        for row, point in zip(out, points, strict=True):
            row["geometry"] = point
    return out


def _geometry_bytes(conn: Connection, tab: Any) -> Any:
    """The point column as plain WKB, decoded in one vectorised call rather than row by row."""
    if conn.dialect.name == "postgresql":
        return func.ST_AsBinary(tab.c.geometry, type_=LargeBinary)
    return type_coerce(tab.c.geometry, LargeBinary)


def read_rows(conn: Connection, name: str, version_id: int) -> dict[Key, tuple[Row, int, int]]:
    """A version's stored records by key: (record, row_no, rev), in table order."""
    tab = invest_records[name]
    spec = INVEST_COLUMNS[name]
    plain = [c for c, kind in spec if kind != "point"]
    cols = [tab.c[c] for c in plain] + [tab.c.row_no, tab.c.rev]
    points = name in POINT_TABLES
    if points:
        cols.append(_geometry_bytes(conn, tab))
    stmt = select(*cols).where(tab.c.version_id == version_id).order_by(tab.c.row_no)
    rows = conn.execute(stmt).all()
    columns: dict[str, list[Any]] = {c: [r[i] for r in rows] for i, c in enumerate(plain)}
    if points:
        geoms = shapely.from_wkb(np.array([bytes(r[-1]) for r in rows], dtype=object))
        columns["lon"] = [float(v) for v in shapely.get_x(geoms)]
        columns["lat"] = [float(v) for v in shapely.get_y(geoms)]
    names = [c for c, _ in spec]
    out: dict[Key, tuple[Row, int, int]] = {}
    for i, values in enumerate(zip(*(columns[c] for c in names), strict=True)):
        row = dict(zip(names, values, strict=True))
        out[tuple(row[k] for k in KEYS[name])] = (row, int(rows[i][len(plain)]), int(rows[i][len(plain) + 1]))
    return out


def same_table(a: pd.DataFrame, b: pd.DataFrame, name: str) -> bool:
    """Whether two versions of a table hold the same records in the same order (whatever their string dtypes)."""
    if len(a) != len(b):
        return False
    for c, kind in INVEST_COLUMNS[name]:
        x, y = a[c].reset_index(drop=True), b[c].reset_index(drop=True)
        if kind == "str":
            same = np.array_equal(
                x.astype(object).where(x.notna(), "").to_numpy(), y.astype(object).where(y.notna(), "").to_numpy()
            )
        elif kind == "date":
            same = pd.to_datetime(x).astype("datetime64[ns]").equals(pd.to_datetime(y).astype("datetime64[ns]"))
        elif kind == "Int64":
            same = x.astype("Int64").equals(y.astype("Int64"))
        else:
            same = np.array_equal(x.to_numpy(_DTYPES[kind]), y.to_numpy(_DTYPES[kind]))
        if not same:
            return False
    return True


def key_label(name: str, key: Key) -> str:
    """How a record is named in the history: its id, or chain/year/area for an actual figure."""
    if name == "actuals":
        chain, year, area = key
        return f"{chain}/{year}/{area or '*'}"
    return str(key[0])


DATES = {name: tuple(c for c, kind in spec if kind == "date") for name, spec in INVEST_COLUMNS.items()}


def _json(name: str, row: Row | None) -> Row | None:
    """A record ready for JSON: its dates as ISO text (a table without dates: the record itself, never mutated)."""
    if row is None or not DATES[name]:
        return row
    return row | {c: row[c].isoformat() for c in DATES[name] if isinstance(row[c], datetime)}


def differences(
    name: str, before: dict[Key, Row], after: dict[Key, Row], revs: dict[Key, int] | None = None
) -> Iterator[Row]:
    """{table, row_no (the record's key), before, after, rev_before, rev_after} for each record added, changed or
    removed; `revs` are the stored revisions of `before`'s records (1 where not given: the plan baseline's)."""
    revs = revs or {}
    for key, row in after.items():
        old = before.get(key)
        if old != row:
            rev = None if old is None else revs.get(key, 1)
            yield {"table": name, "row_no": key_label(name, key), "before": _json(name, old), "after": _json(name, row),
                   "rev_before": rev, "rev_after": 1 if rev is None else rev + 1}  # fmt: skip
    for key, old in before.items():
        if key not in after:
            yield {"table": name, "row_no": key_label(name, key), "before": _json(name, old), "after": None,
                   "rev_before": revs.get(key, 1), "rev_after": None}  # fmt: skip
