"""The one change log of versioned records: plan edits and investment saves alike (migration 0006).

A change set says who, when, why, on which version, what kind of change (add, update, remove, revert, return,
draft, publish) and which areas and chains it touches; it holds one row per record it changed: the table, the
record's key (a plan record's number, an investment record's own id), its revision before and after, and the
record before -> after as JSON of that record only (None: absent). `domain` keeps the plan's history and the
investment records' history apart on one version. The store returns these as `Change`; export writes them.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from sqlalchemy import Column, Connection, ForeignKey, Index, Integer, Select, String, Table, Text, insert, select
from sqlalchemy import update as sql_update

from sq_layout.store.bulk import insert_columns
from sq_layout.store.tables import metadata

PLAN, INVEST = "plan", "invest"
_JSON = json.JSONEncoder(ensure_ascii=False)  # one encoder (json.dumps with options builds one per call)

change_sets = Table(
    "change_set",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("version_id", Integer, ForeignKey("plan_version.id"), nullable=False),
    Column("domain", String(16), nullable=False),  # plan | invest
    Column("created", String(32), nullable=False),
    Column("user_name", String(64), nullable=False),
    Column("action", String(32), nullable=False),  # add | update | remove | revert | return | draft | publish
    Column("summary", Text, nullable=False),
    Column("reason", Text, nullable=False),
    Column("area_ids", Text, nullable=False, default=""),  # ';a;b;' so that one area is a LIKE '%;a;%' away
    Column("chain_nos", Text, nullable=False, default=""),  # ';3;5;'
    Column("reverts", Integer, ForeignKey("change_set.id"), nullable=True),
    Column("reverted_by", Integer, ForeignKey("change_set.id"), nullable=True),
    Index("ix_change_set_version", "version_id", "domain", "id"),
)

change_records = Table(
    "change_record",
    metadata,
    Column("change_id", Integer, ForeignKey("change_set.id"), primary_key=True, autoincrement=False),
    Column("seq", Integer, primary_key=True, autoincrement=False),  # order within the change
    Column("version_id", Integer, nullable=False),  # the set's, repeated so that a record's changes are one index away
    Column("table_name", String(32), nullable=False),
    Column("record_key", Text, nullable=False),
    Column("rev_before", Integer, nullable=True),
    Column("rev_after", Integer, nullable=True),
    Column("row_before", Text, nullable=True),  # JSON of the record (None: it did not exist)
    Column("row_after", Text, nullable=True),  # JSON of the record (None: removed)
    Index("ix_change_record_key", "version_id", "table_name", "record_key"),
)


@dataclass(frozen=True)
class Change:
    """One logged change set with its records: rows are {table, row_no (the record's key), before, after}."""

    id: int
    version_id: int
    created: str
    user: str
    action: str
    summary: str
    reason: str
    area_ids: tuple[str, ...]
    chain_nos: tuple[int, ...]
    rows: tuple[dict[str, Any], ...]
    reverts: int | None
    reverted_by: int | None
    names_version: int | None = None  # a draft event: the version drafted from; a publish event: the one superseded


def now() -> str:
    """The current UTC time, ISO-8601 to the second."""
    return datetime.now(UTC).replace(microsecond=0).isoformat()


def scope(values: Iterable[object]) -> str:
    """Area ids or chain numbers as stored: sorted, ';'-wrapped ('' for none)."""
    items = sorted({str(v) for v in values if v not in (None, "")}, key=lambda s: (not s.isdigit(), len(s), s))
    return f";{';'.join(items)};" if items else ""


def _revision(row: dict[str, Any] | None) -> int | None:
    return None if row is None or row.get("rev") is None else int(row["rev"])


def _int(value: Any) -> int | None:
    return None if value is None else int(value)


def _encode(record: dict[str, Any]) -> str:
    """A record as JSON text: orjson (a first save logs 55,000 records), json where orjson would differ — it writes
    NaN and infinities as null, so a `null` more than the record has None values means one — or refuses (a value of
    another type, a key that is not text, an integer beyond 64 bits)."""
    import orjson

    try:
        out = orjson.dumps(record)
    except TypeError:
        return _JSON.encode(record)
    if out.count(b"null") != list(record.values()).count(None):
        return _JSON.encode(record)
    return out.decode("utf-8")


def log(
    conn: Connection,
    version_id: int,
    domain: str,
    user: str,
    action: str,
    summary: str,
    reason: str,
    rows: Sequence[dict[str, Any]] = (),
    *,
    areas: Iterable[object] = (),
    chains: Iterable[object] = (),
    reverts: int | None = None,
) -> int:
    """Log one change set and one row per record it changed (inside the writing transaction); the change id.

    A row is {table, row_no (the key), before, after} with JSON-ready records, and optionally rev_before and
    rev_after when the records do not carry their `rev`."""
    values = dict(version_id=version_id, domain=domain, created=now(), user_name=user, action=action)
    values |= dict(summary=summary, reason=reason, area_ids=scope(areas), chain_nos=scope(chains), reverts=reverts)
    change_id = int(conn.execute(insert(change_sets).values(**values).returning(change_sets.c.id)).scalar_one())
    columns: dict[str, list[Any]] = {c: [] for c in ("table_name", "record_key", "rev_before", "rev_after")}
    columns |= {"row_before": [], "row_after": []}
    for d in rows:  # one pass, column by column: a first save logs 55,000 records
        before, after = d["before"], d["after"]
        columns["table_name"].append(str(d["table"]))
        columns["record_key"].append(str(d["row_no"]))
        columns["rev_before"].append(_int(d["rev_before"]) if "rev_before" in d else _revision(before))
        columns["rev_after"].append(_int(d["rev_after"]) if "rev_after" in d else _revision(after))
        columns["row_before"].append(None if before is None else _encode(before))
        columns["row_after"].append(None if after is None else _encode(after))
    n = len(columns["table_name"])
    ids = {"change_id": [change_id] * n, "seq": list(range(n)), "version_id": [version_id] * n}
    insert_columns(conn, change_records, ids | columns, exact_types=True)  # ints, text or None: a binary COPY
    return change_id


def log_event(conn: Connection, version_id: int, user: str, action: str, summary: str, reason: str) -> int:
    """Log a change of a whole version that names no record (a draft started, a version published); the id."""
    return log(conn, version_id, PLAN, user, action, summary, reason)


def _split(text: str) -> tuple[str, ...]:
    return tuple(s for s in text.split(";") if s)


def _changes(conn: Connection, stmt: Select[Any], domain: str) -> list[Change]:
    """The sets `stmt` selects (in its order), each with its records."""
    sets = conn.execute(stmt).all()
    if not sets:
        return []
    ids = [int(s.id) for s in sets]
    r = change_records.c
    cols = (r.change_id, r.table_name, r.record_key, r.row_before, r.row_after)
    found: dict[int, list[dict[str, Any]]] = {i: [] for i in ids}
    for start in range(0, len(ids), 500):  # bounded IN lists
        chunk = ids[start : start + 500]
        for cid, table, key, before, after in conn.execute(
            select(*cols).where(r.change_id.in_(chunk)).order_by(r.change_id, r.seq)
        ):
            found[int(cid)].append(
                {
                    "table": table,
                    "row_no": int(key) if domain == PLAN else key,
                    "before": None if before is None else json.loads(before),
                    "after": None if after is None else json.loads(after),
                }
            )
    named = _named_versions(conn, {int(s.version_id) for s in sets if s.action in ("draft", "publish")})
    return [_change(s, tuple(found[int(s.id)]), named.get((int(s.version_id), s.action))) for s in sets]


def _named_versions(conn: Connection, events: set[int]) -> dict[tuple[int, str], int]:
    """The version a version event names, from the versions themselves: a draft's parent, and the version published
    just before a published one (what its publication superseded)."""
    if not events:
        return {}
    from sq_layout.store.publication import publication_order
    from sq_layout.store.tables import versions

    v = versions.c
    rows = conn.execute(select(v.id, v.parent_id).where(v.id.in_(list(events)))).all()
    named = {(int(r.id), "draft"): int(r.parent_id) for r in rows if r.parent_id is not None}
    order = publication_order(conn)[0]
    named |= {(vid, "publish"): before for before, vid in pairwise(order) if vid in events}
    return named


def _change(s: Any, rows: tuple[dict[str, Any], ...], names_version: int | None = None) -> Change:
    chains = tuple(int(c) for c in _split(s.chain_nos))
    return Change(
        int(s.id), int(s.version_id), s.created, s.user_name, s.action, s.summary, s.reason, _split(s.area_ids),
        chains, rows, s.reverts, s.reverted_by, names_version,
    )  # fmt: skip


def _sets(version_id: int, domain: str) -> Select[Any]:
    c = change_sets.c
    return select(change_sets).where(c.version_id == version_id, c.domain == domain)


def history(
    conn: Connection,
    version_id: int,
    domain: str,
    *,
    area: str | None = None,
    chain: int | None = None,
    table: str | None = None,
) -> list[Change]:
    """A version's change sets of one domain, newest first; only those touching an area, a chain or a table."""
    c = change_sets.c
    stmt = _sets(version_id, domain)
    if area:
        stmt = stmt.where(c.area_ids.contains(f";{area};", autoescape=True))
    if chain is not None:
        stmt = stmt.where(c.chain_nos.contains(f";{int(chain)};"))
    if table:
        r = change_records.c
        stmt = stmt.where(select(r.change_id).where(r.change_id == c.id, r.table_name == table).exists())
    return _changes(conn, stmt.order_by(c.id.desc()), domain)


def change(conn: Connection, change_id: int, domain: str | None = None) -> Change | None:
    """One change set with its records (None: no such change, or none of that domain)."""
    found_domain = conn.execute(select(change_sets.c.domain).where(change_sets.c.id == change_id)).scalar()
    if found_domain is None or domain not in (None, found_domain):
        return None
    domain = str(found_domain)
    return _changes(conn, select(change_sets).where(change_sets.c.id == change_id), domain)[0]


def since(conn: Connection, version_id: int, domain: str, change_id: int) -> list[Change]:
    """A version's change sets of one domain logged after `change_id`, newest first."""
    stmt = _sets(version_id, domain).where(change_sets.c.id > change_id)
    return _changes(conn, stmt.order_by(change_sets.c.id.desc()), domain)


def last_touch(conn: Connection, version_id: int, domain: str, table: str, key: object) -> Change | None:
    """The newest change set of a version that wrote one record (who changed or removed it, when, why)."""
    r, c = change_records.c, change_sets.c
    stmt = (
        select(r.change_id)
        .join(change_sets, c.id == r.change_id)
        .where(r.version_id == version_id, r.table_name == table, r.record_key == str(key), c.domain == domain)
        .order_by(r.change_id.desc())
        .limit(1)
    )
    found = conn.execute(stmt).scalar()
    return None if found is None else change(conn, int(found), domain)


def latest(conn: Connection, version_id: int, domain: str) -> tuple[str, str, str] | None:
    """(who, when, why) of a version's newest change set of one domain (None: none yet)."""
    c = change_sets.c
    stmt = select(c.user_name, c.created, c.reason).where(c.version_id == version_id, c.domain == domain)
    row = conn.execute(stmt.order_by(c.id.desc()).limit(1)).first()
    return None if row is None else (str(row[0]), str(row[1]), str(row[2]))


def removed_keys(conn: Connection, version_id: int, domain: str, table: str) -> list[str]:
    """Keys of a table's records that a change of the version removed (a removed number is never given again)."""
    r, c = change_records.c, change_sets.c
    stmt = (
        select(r.record_key)
        .join(change_sets, c.id == r.change_id)
        .where(r.version_id == version_id, r.table_name == table, r.row_after.is_(None), c.domain == domain)
    )
    return [str(k) for k in conn.execute(stmt).scalars()]


def mark_reverted(conn: Connection, ids: Sequence[int], by: int | None, *, only_live: bool = False) -> None:
    """Set (or with by=None clear) `reverted_by` of change sets; only_live: leave those reverted already."""
    if not ids:
        return
    stmt = sql_update(change_sets).where(change_sets.c.id.in_(list(ids)))
    if only_live:
        stmt = stmt.where(change_sets.c.reverted_by.is_(None))
    conn.execute(stmt.values(reverted_by=by))
