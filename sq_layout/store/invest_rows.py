"""The investment tables as database rows and back, and the record-by-record difference between two states."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

import numpy as np
import pandas as pd
import shapely
from sqlalchemy import Connection, LargeBinary, func, select, type_coerce

from sq_layout.store.bulk import insert_columns
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
    stamps: list[Any] = pd.to_datetime(s).to_numpy(dtype="datetime64[us]").astype(object).tolist()
    return stamps  # datetimes to the microsecond, as Python keeps them; NaT as None


@dataclass(frozen=True)
class Records:
    """One table's records as plain Python values, both ways at once: column by column (table order) and record by
    record, with each record's key."""

    name: str
    columns: dict[str, list[Any]]
    keys: list[Key]
    rows: list[Row]

    @classmethod
    def of(cls, frame: pd.DataFrame, name: str) -> Records:
        """A table's records, each column converted in one pass."""
        columns = {c: _column(frame[c], kind) for c, kind in INVEST_COLUMNS[name]}
        names = list(columns)
        rows = [dict(zip(names, values, strict=True)) for values in zip(*columns.values(), strict=True)]
        keys = list(zip(*(columns[k] for k in KEYS[name]), strict=True))
        if len(set(keys)) < len(keys):  # a key twice: its last record in its first one's place (as a dict by key)
            return cls.by_keys(name, dict(zip(keys, rows, strict=True)))
        return cls(name, columns, keys, rows)

    @classmethod
    def by_keys(cls, name: str, rows: dict[Key, Row]) -> Records:
        """Records given by key, in that order."""
        listed = list(rows.values())
        return cls(name, {c: [r[c] for r in listed] for c, _ in INVEST_COLUMNS[name]}, list(rows), listed)

    def by_key(self) -> dict[Key, Row]:
        """The records by key, in table order."""
        return dict(zip(self.keys, self.rows, strict=True))

    def frame(self) -> pd.DataFrame:
        """The records as a table with the schema's columns and dtypes."""
        data = {}
        for c, kind in INVEST_COLUMNS[self.name]:
            values = self.columns[c]
            data[c] = pd.array(values, dtype="Int64") if kind == "Int64" else pd.Series(values, dtype=_DTYPES[kind])
        return pd.DataFrame(data)

    def write(self, conn: Connection, version_id: int, revs: list[int] | None = None, start: int = 0) -> None:
        """Insert the records into the version's table in one COPY (binary on PostgreSQL), numbered from start, each
        with its revision (1 when not given); lon/lat become one WGS-84 point."""
        out = {c: v for c, v in self.columns.items() if c not in ("lon", "lat")}
        n = len(self.rows)
        if self.name in POINT_TABLES:  # the points as plain WKB, made in one vectorised call
            lon = np.asarray(self.columns["lon"], dtype="float64")
            lat = np.asarray(self.columns["lat"], dtype="float64")
            out["geometry"] = list(shapely.to_wkb(shapely.points(lon, lat))) if n else []
        out |= {"version_id": [version_id] * n, "row_no": list(range(start, start + n)), "rev": revs or [1] * n}
        insert_columns(conn, invest_records[self.name], out, exact_types=True, wkb=True)


def table_rows(frame: pd.DataFrame, name: str) -> dict[Key, Row]:
    """A table's records by key, in table order, as plain Python values."""
    return Records.of(frame, name).by_key()


def rows_frame(name: str, rows: list[Row]) -> pd.DataFrame:
    """Records back to a table with the schema's columns and dtypes."""
    keys = [tuple(r[k] for k in KEYS[name]) for r in rows]
    columns = {c: [r[c] for r in rows] for c, _ in INVEST_COLUMNS[name]}
    return Records(name, columns, keys, rows).frame()


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
