"""Investment records in the workspace: one version's firms, projects, carriers, links and actuals, saved with history.

A version shows its own records once something was saved for it; until then those of its nearest ancestor
(`parent_id`) that has some, else the plan baseline of its own Dataset. Its first save starts from what it showed.
Every save is one transaction: demo data refused, schemas checked, the acting user's role checked (when the
workspace has accounts or a sign-on proxy), the version's state row bumped first (saves are serialised and a save
based on a stale load is refused), only the records that changed written (added / changed / removed by key, in
batches), and one change set logged with one row per changed record (sq_layout.store.changes). The rows are the
store's (sq_layout.store.invest_store); the records as InvestData are made here, above it.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

import pandas as pd
from sqlalchemy import Connection, Integer, insert, literal, select, update
from sqlalchemy.exc import IntegrityError

from sq_layout.cache import cached
from sq_layout.errors import DemoNotStored, InvestConflict
from sq_layout.invest.repository import InvestData, plan_baseline
from sq_layout.plan.dataset import Dataset
from sq_layout.store import changes
from sq_layout.store.changes import INVEST, Change
from sq_layout.store.invest_rows import (
    Key,
    Records,
    Row,
    differences,
    read_rows,
    rows_frame,
    same_table,
    table_rows,
)
from sq_layout.store.invest_store import (
    LOCAL_USER,
    Stamp,
    appended,
    apply_table,
    auth_configured,
    log_change,
    resolve,
)
from sq_layout.store.invest_tables import KEYS, invest_records, invest_state
from sq_layout.store.users import require
from sq_layout.store.workspace_store import Workspace, now

_LOCK = threading.Lock()
_CACHE: OrderedDict[tuple[str, int, int], InvestData] = OrderedDict()
MAX_CACHED = 4  # loaded record sets kept per process (a 50,000-firm set is some tens of MB)


def clear_cache() -> None:
    """Forget every loaded record set (after restoring a database in place, and in tests that read it back)."""
    with _LOCK:
        _CACHE.clear()


def _cached(key: tuple[str, int, int]) -> InvestData | None:
    with _LOCK:
        if key in _CACHE:
            _CACHE.move_to_end(key)
            return _CACHE[key]
    return None


def _remember(key: tuple[str, int, int], data: InvestData) -> None:
    with _LOCK:
        _CACHE[key] = data
        while len(_CACHE) > MAX_CACHED:
            _CACHE.popitem(last=False)


@cached(4, invalidated="a new Dataset (a new version or draft revision) gives a new baseline")
def _shared_baseline(ds: Dataset) -> InvestData:
    """The plan baseline of a Dataset, one object for every session that shows it: what is derived from the records
    (filters, point sets, chain diagrams), kept by the records' identity, is then shared too."""
    return plan_baseline(ds)


class StoreRepository:
    """The investment tables of one workspace version for one user (the `Repository` protocol, kept with history)."""

    def __init__(
        self,
        ws: Workspace,
        version_id: int,
        user: str | None = None,
        ds: Dataset | Callable[[], Dataset] | None = None,
    ):
        ws.info(version_id)  # UnknownVersion names the ones there are
        self.ws, self.version_id, self.user = ws, version_id, user
        self._ds = ds
        self._baseline: InvestData | None = None
        self.seen: Stamp | None = None  # what the last load() returned; a save from a stale load is refused
        self._history: tuple[Stamp, list[Change]] | None = None

    def baseline(self) -> InvestData:
        """What the version shows before anything is saved: the plan baseline of its own Dataset."""
        if self._baseline is None:
            ds = self._ds() if callable(self._ds) else self._ds
            self._baseline = _shared_baseline(ds if ds is not None else self.ws.load(self.version_id))
        return self._baseline

    def stamp(self) -> Stamp:
        """(the version whose records are shown, None for the plan baseline; its revision): cheap, for caches."""
        with self.ws.engine.connect() as conn:
            return resolve(conn, self.version_id)

    def load(self) -> InvestData:
        """The stored tables (this version's, else the nearest ancestor's), or the plan baseline when none are."""
        engine = self.ws.engine
        options = {"isolation_level": "REPEATABLE READ"} if engine.dialect.name == "postgresql" else {}
        with engine.connect().execution_options(**options) as conn:
            src, rev = resolve(conn, self.version_id)
            if src is None:
                data = self.baseline()
            else:
                key = (self.ws.url, src, rev)
                found = _cached(key)
                if found is None:
                    f = {n: rows_frame(n, [r for r, _, _ in read_rows(conn, n, src).values()]) for n in KEYS}
                    found = InvestData.of(f)
                    _remember(key, found)
                data = found
        self.seen = (src, rev)
        return data

    def writer(self, conn: Connection) -> str:
        """Who writes: the signed-in user if their stored role allows editing (when required), else LOCAL_USER."""
        if auth_configured(conn):
            require(conn, self.user, "edit")
            assert self.user is not None
            return self.user
        return self.user or LOCAL_USER

    def can_write(self) -> bool:
        """Whether this user may save (no account needed while the workspace has none)."""
        from sq_layout.auth.roles import allowed
        from sq_layout.store.users import role_in

        with self.ws.engine.connect() as conn:
            return not auth_configured(conn) or allowed(role_in(conn, self.user), "edit")

    def save(self, data: InvestData, note: str) -> int:
        """Validate and write the tables in one transaction, logging each record's change; the change id."""
        if data.demo:
            raise DemoNotStored("示例数据 (the fictional demo set) is never written into the workspace")
        valid = data.validated()
        try:
            with self.ws.engine.begin() as conn:
                change, rev, frames = self._write(conn, valid, note.strip())
        except IntegrityError as exc:  # two first saves of the version at the same moment: the other one won
            raise self._conflict() from exc
        saved = InvestData.of(frames)
        _remember((self.ws.url, self.version_id, rev), saved)
        self.seen = (self.version_id, rev)
        return change

    def _conflict(self) -> InvestConflict:
        with self.ws.engine.connect() as conn:
            src, _ = resolve(conn, self.version_id)
            row = conn.execute(select(invest_state).where(invest_state.c.version_id == src)).first()
            last = None if src is None else changes.latest(conn, src, INVEST)
        who, when, why = last or ((row.saved_by, row.saved, "") if row else ("?", "?", ""))
        return InvestConflict(self.version_id, who, when, why)

    def _loaded(self, current: Stamp) -> InvestData | None:
        """What the last load() returned if it is still what is stored (its unchanged tables need no reading)."""
        if self.seen != current:
            return None
        src, rev = current
        return self._baseline if src is None else _cached((self.ws.url, src, rev))

    def _write(self, conn: Connection, data: InvestData, note: str) -> tuple[int, int, dict[str, pd.DataFrame]]:
        vid, state = self.version_id, invest_state
        own = conn.execute(update(state).where(state.c.version_id == vid).values(rev=state.c.rev + 1)).rowcount == 1
        user = self.writer(conn)
        if own:
            rev_now = conn.execute(select(state.c.rev).where(state.c.version_id == vid)).scalar_one()
            current: Stamp = (vid, int(rev_now) - 1)
        else:
            current = resolve(conn, vid)
            values = dict(version_id=vid, rev=1, based_on=current[0], saved=now(), saved_by=user)
            conn.execute(insert(state).values(**values))
        if self.seen is not None and self.seen != current:
            raise self._conflict()
        src, loaded = current[0], self._loaded(current)
        first = (
            ""
            if own
            else f"first save of version {vid}, from "
            + ("the plan baseline" if src is None else f"version {src}'s records")
        )
        done: list[Row] = []
        frames: dict[str, pd.DataFrame] = {}
        for name in KEYS:
            frame = getattr(data, name)
            if loaded is not None and same_table(getattr(loaded, name), frame, name):
                frames[name] = getattr(loaded, name)
                if not own:
                    self._copy(conn, name, src, frame)
                continue
            if own and loaded is not None and appended(getattr(loaded, name), frame, name):
                old = getattr(loaded, name)
                new = Records.of(frame.iloc[len(old) :], name)
                new.write(conn, vid, start=len(old))
                frames[name] = pd.concat([old, new.frame()], ignore_index=True)
                done += differences(name, {}, new.by_key())
                continue
            records = Records.of(frame, name)
            frames[name] = records.frame()
            rows = records.by_key()
            revs: dict[Key, int] = {}
            if own:
                stored = read_rows(conn, name, vid)
                before = {k: r for k, (r, _, _) in stored.items()}
                revs = {k: rev for k, (_, _, rev) in stored.items()}
                apply_table(conn, name, vid, stored, rows)
            else:
                if src is None:
                    before = table_rows(getattr(self.baseline(), name), name)
                else:
                    stored = read_rows(conn, name, src)
                    before = {k: r for k, (r, _, _) in stored.items()}
                    revs = {k: rev for k, (_, _, rev) in stored.items()}
                # a record the version showed keeps its revision, one more if it changed; only those are compared
                new_revs = [
                    revs.get(k, 1) + (before[k] != row) if k in before else 1
                    for k, row in zip(records.keys, records.rows, strict=True)
                ]
                records.write(conn, vid, new_revs)
            done += differences(name, before, rows, revs)
        conn.execute(update(state).where(state.c.version_id == vid).values(saved=now(), saved_by=user))
        return log_change(conn, vid, user, done, note, first), (current[1] + 1 if own else 1), frames

    def _copy(self, conn: Connection, name: str, src: int | None, frame: pd.DataFrame) -> None:
        """A first save's unchanged table: the records it showed, copied with their revisions."""
        tab = invest_records[name]
        if src is None:
            Records.of(frame, name).write(conn, self.version_id)
            return
        cols = [c for c in tab.c if c.name != "version_id"]
        copied = select(literal(self.version_id, Integer), *cols).where(tab.c.version_id == src)
        conn.execute(insert(tab).from_select([tab.c.version_id, *cols], copied))

    def history(self, *, area: str | None = None, chain: int | None = None, table: str | None = None) -> list[Change]:
        """The saves of the records shown (this version's, or the ancestor's it shows), newest first."""
        stamp = self.stamp()
        if self._history is None or self._history[0] != stamp:  # read once per save, not on every rerun
            src = stamp[0]
            with self.ws.engine.connect() as conn:
                self._history = (stamp, [] if src is None else changes.history(conn, src, INVEST))
        found = self._history[1]
        if area:
            found = [c for c in found if area in c.area_ids]
        if table:
            found = [c for c in found if any(d["table"] == table for d in c.rows)]
        return found if chain is None else [c for c in found if chain in c.chain_nos]
