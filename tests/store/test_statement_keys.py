"""A record's key to its version, and a change-log row's key to its change, hold on both back ends: SQLite by foreign
keys, PostgreSQL by statement-level checks (migration 0011) — a row naming none is refused, whether it comes by an
INSERT or by the bulk COPY, and so is deleting or renumbering what rows still name; nothing is left written."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from typing import Any

import psycopg
import pytest
from sqlalchemy import Connection, Integer, delete, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from sq_layout.store import Workspace
from sq_layout.store import tables as t
from sq_layout.store.bulk import insert_columns
from sq_layout.store.changes import INVEST, change_records, change_sets, log

MISSING = 987_654


# A broken key as SQLAlchemy raises it, or as the driver does under the bulk writer (which uses the driver's own cursor)
BROKEN_KEY = (IntegrityError, sqlite3.IntegrityError, psycopg.IntegrityError)


def refused(ws: Workspace, write: Callable[[Connection], Any]) -> None:
    """The write fails as a broken key and the workspace is as it was."""
    before = ws.checksum()
    with pytest.raises(BROKEN_KEY), ws.engine.begin() as conn:
        write(conn)
    assert ws.checksum() == before


def logged_change(ws: Workspace) -> int:
    """A change set with one logged record, on the latest version."""
    row = {"table": "firms", "row_no": "f00001", "before": None, "after": {"firm_id": "f00001"}}
    with ws.engine.begin() as conn:
        return log(conn, ws.latest_id(), INVEST, "local", "add", "one firm", "test", [row])


def test_a_record_naming_no_version_is_refused(ws: Workspace) -> None:
    tab = t.records["areas"]
    cols = [c for c in tab.c if c.name != "version_id"]
    copied = select(literal(MISSING, Integer), *cols).where(tab.c.version_id == ws.latest_id())
    refused(ws, lambda conn: conn.execute(insert(tab).from_select([tab.c.version_id, *cols], copied)))


def test_a_change_row_naming_no_change_is_refused_in_bulk(ws: Workspace) -> None:
    rows: dict[str, list[Any]] = {
        "change_id": [MISSING],
        "seq": [0],
        "version_id": [ws.latest_id()],
        "table_name": ["firms"],
    }
    rows |= {"record_key": ["f1"], "rev_before": [None], "rev_after": [1], "row_before": [None], "row_after": ["{}"]}
    refused(ws, lambda conn: insert_columns(conn, change_records, rows, exact_types=True))


def test_what_rows_name_is_neither_deleted_nor_renumbered(ws: Workspace) -> None:
    change = logged_change(ws)
    refused(ws, lambda conn: conn.execute(delete(change_sets).where(change_sets.c.id == change)))
    refused(ws, lambda conn: conn.execute(update(change_sets).where(change_sets.c.id == change).values(id=MISSING)))
    refused(ws, lambda conn: conn.execute(delete(t.versions).where(t.versions.c.id == ws.latest_id())))
    with ws.engine.begin() as conn:  # a change that keeps every key is no problem
        conn.execute(update(change_sets).where(change_sets.c.id == change).values(summary="one firm, renamed"))
    with ws.engine.connect() as conn:
        assert conn.execute(select(change_sets.c.summary).where(change_sets.c.id == change)).scalar_one() == (
            "one firm, renamed"
        )
