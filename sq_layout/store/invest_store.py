"""Investment records in the workspace, as stored: which version's records a version shows, one table brought to
its new rows, a save's change set logged, and what each version stores.

A version shows its own records once something was saved for it; until then those of its nearest ancestor
(`parent_id`) that has some, else the plan baseline of its own Dataset. The record engine above the store
(sq_layout.invest.store_repository.StoreRepository) builds InvestData from these rows and saves through them.
"""

from __future__ import annotations

from typing import Any

import pandas as pd
from sqlalchemy import Connection, bindparam, delete, select, update

from sq_layout.auth.proxy import ProxyConfig
from sq_layout.store import changes
from sq_layout.store import tables as t
from sq_layout.store.bulk import insert_rows
from sq_layout.store.changes import INVEST
from sq_layout.store.edit_tables import users
from sq_layout.store.invest_rows import Key, Row, db_row, db_rows, same_table
from sq_layout.store.invest_tables import KEYS, invest_records, invest_state
from sq_layout.store.workspace_store import Workspace

LOCAL_USER = "local"  # who writes while the workspace has no accounts (a single-user install)
Stamp = tuple[int | None, int]  # (version whose records are shown, None: the plan baseline; its state revision)


def auth_configured(conn: Connection) -> bool:
    """Whether writing needs a signed-in editor: the workspace has an account, or a sign-on proxy is configured."""
    return ProxyConfig.from_env().enabled or conn.execute(select(users.c.name).limit(1)).first() is not None


def resolve(conn: Connection, version_id: int) -> Stamp:
    """The version whose records `version_id` shows (itself, its nearest ancestor with records, or None) and its rev."""
    v: int | None = version_id
    walked: set[int] = set()
    while v is not None and v not in walked:
        walked.add(v)
        rev = conn.execute(select(invest_state.c.rev).where(invest_state.c.version_id == v)).scalar()
        if rev is not None:
            return v, int(rev)
        v = conn.execute(select(t.versions.c.parent_id).where(t.versions.c.id == v)).scalar()
    return None, 0


def _summary(done: list[Row]) -> tuple[str, str]:
    counts: dict[str, list[int]] = {}
    for d in done:
        c = counts.setdefault(d["table"], [0, 0, 0])
        c[0 if d["before"] is None else 2 if d["after"] is None else 1] += 1
    text = "; ".join(
        f"{name} " + " ".join(f"{sign}{n}" for sign, n in zip("+~−", c, strict=True) if n) for name, c in counts.items()
    )
    kinds = {i for c in counts.values() for i, n in enumerate(c) if n}
    return ("add" if kinds == {0} else "remove" if kinds == {2} else "update"), text


def _keys(done: list[Row]) -> tuple[set[str], set[int]]:
    areas: set[str] = set()
    numbers: set[Any] = set()
    lists: set[str] = set()  # each distinct ';'-list of chains once: a first save logs 55,000 records
    for d in done:
        for row in (d["before"], d["after"]):
            if not row:
                continue
            if row.get("area_id"):
                areas.add(str(row["area_id"]))
            if "chain_no" in row:
                numbers.add(row["chain_no"])
            if row.get("chains"):
                lists.add(str(row["chains"]))
    chains = {int(c) for c in numbers} | {int(c) for text in lists for c in text.split(";") if c}
    return areas, chains


def log_change(conn: Connection, vid: int, user: str, done: list[Row], reason: str, first: str) -> int:
    """Record one save (who, when, why; one row per changed record, before -> after); the change id."""
    action, summary = _summary(done)
    summary = "; ".join(s for s in (first, summary) if s) or "no record changed"
    areas, chains = _keys(done)
    return changes.log(conn, vid, INVEST, user, action, summary, reason, done, areas=areas, chains=chains)


def apply_table(
    conn: Connection, name: str, vid: int, stored: dict[Key, tuple[Row, int, int]], new: dict[Key, Row]
) -> None:
    """Bring a version's stored table to `new`: delete, update (rev + 1), insert, and renumber moved rows."""
    tab = invest_records[name]
    key_cols = KEYS[name]
    where = [tab.c.version_id == bindparam("k_version_id"), *(tab.c[k] == bindparam(f"k_{k}") for k in key_cols)]

    def keyed(key: Key) -> dict[str, Any]:
        return {"k_version_id": vid, **{f"k_{k}": v for k, v in zip(key_cols, key, strict=True)}}

    gone = [keyed(k) for k in stored if k not in new]
    if gone:
        conn.execute(delete(tab).where(*where), gone)
    changed, moved, added = [], [], []
    for row_no, (key, row) in enumerate(new.items()):
        if key not in stored:
            added.append((row, row_no, 1))
            continue
        old, old_no, rev = stored[key]
        if old != row:
            full = db_row(name, row, vid, row_no, rev + 1)
            changed.append({**{f"v_{k}": v for k, v in full.items() if k != "version_id"}, **keyed(key)})
        elif old_no != row_no:
            moved.append({"v_row_no": row_no, **keyed(key)})
    if changed:
        cols = [c[2:] for c in changed[0] if c.startswith("v_")]
        values = {c: bindparam(f"v_{c}", type_=tab.c[c].type) for c in cols}
        conn.execute(update(tab).where(*where).values(values), changed)
    if moved:
        conn.execute(update(tab).where(*where).values(row_no=bindparam("v_row_no")), moved)
    insert_rows(conn, tab, db_rows(name, added, vid))


def appended(old: pd.DataFrame, new: pd.DataFrame, name: str) -> bool:
    """Whether `new` is `old` with records added at the end (an import): only those need writing."""
    return len(new) > len(old) and same_table(old, new.iloc[: len(old)], name)


def stored_versions(ws: Workspace) -> dict[int, int]:
    """Versions that have their own investment records, with how many saves each has had."""
    with ws.engine.connect() as conn:
        rows = conn.execute(select(invest_state.c.version_id, invest_state.c.rev)).all()
    return {int(v): int(r) for v, r in rows}
