"""Many rows into one table inside the caller's transaction: COPY on PostgreSQL, the driver's executemany on SQLite.

A first save of 55,000 investment records writes 55,000 records and logs 55,000 changed records; row by row through
the driver's executemany that took most of 20 s on PostgreSQL (and PostGIS's bind turned each point into WKT).
"""

from __future__ import annotations

import struct
from collections.abc import Mapping, Sequence
from typing import Any

import numpy as np
import shapely
from sqlalchemy import Boolean, Connection, DateTime, Float, Integer, String, Table

from sq_layout.store.tables import SRID, Geometry

_HAS_SRID = 0x20000000  # EWKB's flag on the geometry type: an SRID follows
# column type -> the PostgreSQL type a binary COPY sends (a geometry as bytes: PostGIS's receive reads EWKB)
_BINARY: list[tuple[type[Any], str]] = [
    (Geometry, "bytea"),
    (Boolean, "bool"),
    (Integer, "int4"),
    (Float, "float8"),
    (String, "text"),
    (DateTime, "timestamp"),
]


def ewkb(wkb: bytes) -> bytes:
    """Plain WKB (shapely's extended flavour) as EWKB with the store's SRID: the flag and the SRID put into its
    header, as GEOS's own EWKB writer would (which took ~1 s for a national plan's 2,870 polygons)."""
    order = "<" if wkb[0] == 1 else ">"
    kind = int.from_bytes(wkb[1:5], "little" if order == "<" else "big") | _HAS_SRID
    return wkb[:1] + struct.pack(f"{order}II", kind, SRID) + wkb[5:]


def hex_ewkb(wkb: bytes) -> str:
    """ewkb(wkb) as hex text (what PostGIS parses from a text COPY)."""
    return ewkb(wkb).hex()


def insert_rows(conn: Connection, table: Table, rows: Sequence[dict[str, Any]], *, exact_types: bool = False) -> None:
    """Insert rows (dicts with every column named in the first) as part of the open transaction (exact_types: as
    insert_columns)."""
    if rows:
        insert_columns(conn, table, {c: [r[c] for r in rows] for c in rows[0]}, exact_types=exact_types)


def _binary_types(table: Table, names: list[str]) -> list[str] | None:
    """PostgreSQL type names for a binary COPY of these columns, or None when one is of another type."""
    types = []
    for name in names:
        typ = table.c[name].type
        found = next((pg for kind, pg in _BINARY if isinstance(typ, kind)), None)
        if found is None:
            return None
        types.append(found)
    return types


def insert_columns(
    conn: Connection,
    table: Table,
    data: Mapping[str, Sequence[Any]],
    *,
    exact_types: bool = False,
    wkb: bool = False,
) -> None:
    """Insert rows given as equal-length column lists (name -> values) as part of the open transaction.

    exact_types: every value is of its column's Python type (int, float, str, a geometry; or None), so PostgreSQL
    may take them as a binary COPY (geometry as EWKB bytes: half the time of PostGIS parsing hex text).
    wkb: geometry columns are given as plain WKB bytes (already made for something else), not as shapes."""
    names = list(data)
    columns = [list(data[c]) for c in names]
    if not names or not columns[0]:
        return
    postgres = conn.dialect.name == "postgresql"
    binary = _binary_types(table, names) if postgres and exact_types else None
    for i, name in enumerate(names):
        typ = table.c[name].type
        if isinstance(typ, Geometry):  # one vectorised call: hex EWKB (PostGIS reads it as text) or plain WKB
            plain = columns[i] if wkb else list(shapely.to_wkb(np.array(columns[i], dtype=object)))
            if binary is not None:
                columns[i] = [None if w is None else ewkb(w) for w in plain]
            else:
                columns[i] = [None if w is None else hex_ewkb(w) for w in plain] if postgres else plain
        elif not postgres:  # SQLAlchemy's own conversion per column (dates as its text, booleans as 0/1)
            process = typ.dialect_impl(conn.dialect).bind_processor(conn.dialect)
            if process is not None:
                columns[i] = [process(v) for v in columns[i]]
    dbapi: Any = conn.connection.driver_connection  # this transaction's own connection
    if not postgres:  # the driver's executemany on plain tuples: SQLAlchemy's per-row parameter building was most of it
        quoted = ", ".join(f'"{n}"' for n in names)
        stmt = f'INSERT INTO "{table.name}" ({quoted}) VALUES ({", ".join("?" * len(names))})'
        cur = dbapi.cursor()
        try:
            cur.executemany(stmt, zip(*columns, strict=True))
        finally:
            cur.close()
        return
    from psycopg import sql

    copy_stmt = sql.SQL("COPY {} ({}) FROM STDIN" + (" (FORMAT BINARY)" if binary else "")).format(
        sql.Identifier(table.name), sql.SQL(", ").join(sql.Identifier(n) for n in names)
    )
    with dbapi.cursor() as pg, pg.copy(copy_stmt) as copy:
        if binary:
            copy.set_types(binary)
        for values in zip(*columns, strict=True):
            copy.write_row(values)
