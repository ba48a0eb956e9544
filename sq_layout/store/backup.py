"""Copy a whole workspace between databases: a backup is a SQLite file, a restore copies one back, a move copies
a laptop's SQLite workspace to the bureau's PostgreSQL. Versions, history, users and records travel intact.

The source is read as one snapshot (SQLite: the online backup API; PostgreSQL: a REPEATABLE READ READ ONLY
transaction), so a backup taken while the app saves is consistent. The target is written in one transaction: a
failed copy leaves it as it was.
"""

from __future__ import annotations

import contextlib
import os
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import Connection, Engine, Table, delete, func, insert, inspect, select, text
from sqlalchemy.engine import make_url

from sq_layout.errors import BadInput
from sq_layout.i18n.lang import Listed
from sq_layout.store import tables as t
from sq_layout.store.engine import make_engine, redact
from sq_layout.store.migrate import current_revision, upgrade

# Made by the migrations on each database, never copied.
SCHEMA_TABLES = frozenset({"alembic_version", "spatial_ref_sys"})
BATCH = 5000


@dataclass(frozen=True)
class CopyReport:
    """What a copy moved: rows per table, and where from and to (passwords redacted)."""

    source: str
    target: str
    rows: dict[str, int]

    @property
    def total(self) -> int:
        """Rows copied in all."""
        return sum(self.rows.values())


def _tables() -> list[Table]:
    from sq_layout import store  # noqa: F401  (every table module joins the metadata)

    return list(t.metadata.sorted_tables)


def _has_rows(conn: Connection) -> bool:
    return conn.execute(select(func.count()).select_from(t.versions)).scalar_one() > 0


def _check_tables(conn: Connection, known: list[Table], refusal: str) -> None:
    present = set(inspect(conn).get_table_names()) - SCHEMA_TABLES
    unknown = sorted(present - {tab.name for tab in known})
    if unknown:  # a table this version of sq-layout does not know: copying without it would lose data
        raise BadInput(refusal, tables=Listed(unknown))


@contextlib.contextmanager
def _snapshot(source: Engine) -> Iterator[Connection]:
    """A connection that sees one consistent state of the source while the app may keep writing."""
    if source.dialect.name == "sqlite":
        path = source.url.database
        if not path or not Path(path).exists():
            raise BadInput("bad_no_workspace_file", path=path)
        with tempfile.TemporaryDirectory(prefix="sq_backup_") as folder:
            copy = Path(folder) / "snapshot.sqlite"
            with contextlib.closing(sqlite3.connect(path)) as src, contextlib.closing(sqlite3.connect(copy)) as dst:
                src.backup(dst)
            _check_integrity(copy)
            snap = make_engine(f"sqlite:///{copy}")
            try:
                upgrade(snap)  # an older backup is brought to today's schema before it is read
                with snap.connect() as conn:
                    yield conn
            finally:
                snap.dispose()
        return
    with source.connect().execution_options(isolation_level="REPEATABLE READ") as conn, conn.begin():
        conn.execute(text("SET TRANSACTION READ ONLY"))
        yield conn


def _check_integrity(path: Path) -> None:
    """Refuse to copy a damaged SQLite file: a backup of it would carry the damage on silently."""
    try:
        with contextlib.closing(sqlite3.connect(path)) as conn:
            found = [r[0] for r in conn.execute("PRAGMA quick_check").fetchall()]
    except sqlite3.DatabaseError as exc:
        found = [str(exc)]
    if found != ["ok"]:
        raise BadInput("bad_workspace_damaged", found="; ".join(found)[:200])


def _copy_table(src: Connection, dst: Connection, table: Table) -> int:
    count = 0
    rows = src.execution_options(yield_per=BATCH).execute(select(table)).mappings()
    for part in rows.partitions(BATCH):
        dst.execute(insert(table), [dict(r) for r in part])
        count += len(part)
    return count


def _reset_sequences(dst: Connection, tables: list[Table]) -> None:
    """PostgreSQL: ids inserted as they were leave each serial's counter behind; move it past the highest id."""
    if dst.dialect.name != "postgresql":
        return
    for table in tables:
        for col in table.primary_key.columns:
            if col.autoincrement is True:
                top = dst.execute(select(func.max(col))).scalar()
                if top is not None:
                    seq = f"pg_get_serial_sequence('{table.name}', '{col.name}')"
                    dst.execute(text(f"SELECT setval({seq}, :top)"), {"top": int(top)})


def copy_workspace(source: Engine, target: Engine, *, replace: bool = False) -> CopyReport:
    """Copy every table of the source workspace into the target in one transaction; the target must be empty
    unless `replace` (then its rows are deleted first, in the same transaction)."""
    tables = _tables()
    upgrade(target)
    with _snapshot(source) as src:
        _check_tables(src, tables, "bad_source_unknown_tables")
        if not _has_rows(src):
            raise BadInput("bad_source_empty")
        with target.begin() as dst:
            _check_tables(dst, tables, "bad_target_unknown_tables")
            if current_revision(src) != current_revision(dst):
                raise BadInput("bad_schema_mismatch", src=current_revision(src), dst=current_revision(dst))
            if _has_rows(dst):
                if not replace:
                    raise BadInput("bad_target_not_empty")
                for table in reversed(tables):
                    dst.execute(delete(table))
            # Sessions and sign-in failure counters stay behind: a restore signs everyone out.
            kept = [table for table in tables if not table.info.get("sign_in_state")]
            counts = {table.name: _copy_table(src, dst, table) for table in kept}
            _reset_sequences(dst, tables)
    return CopyReport(redact(str(source.url)), redact(str(target.url)), counts)


def _sqlite_url(path: Path) -> str:
    return f"sqlite:///{path}"


def backup(source: Engine, output: Path) -> CopyReport:
    """Write the workspace to a new SQLite file at `output` (replaced only once complete; owner-only)."""
    from sq_layout.atomic import check_parent

    output = output.resolve()
    check_parent(output)
    fd, name = tempfile.mkstemp(prefix=f".{output.name}.", suffix=".partial", dir=output.parent)
    os.close(fd)
    os.unlink(name)  # SQLite makes the file itself; the name stays ours
    tmp = Path(name)
    engine = make_engine(_sqlite_url(tmp))
    try:
        report = copy_workspace(source, engine)
        engine.dispose()
        with contextlib.closing(sqlite3.connect(tmp)) as conn:
            conn.execute("PRAGMA journal_mode=DELETE")  # one self-contained file, no -wal beside it
        os.chmod(tmp, 0o600)  # it holds password hashes
        os.replace(tmp, output)
    finally:
        engine.dispose()
        for leftover in (tmp, tmp.with_name(tmp.name + "-wal"), tmp.with_name(tmp.name + "-shm")):
            leftover.unlink(missing_ok=True)
    return CopyReport(report.source, str(output.name), report.rows)


def restore(backup_file: Path, target: Engine, *, replace: bool = False) -> CopyReport:
    """Copy a backup file into the target workspace (empty, or replaced whole when `replace`)."""
    if not backup_file.is_file():
        raise BadInput("bad_no_backup_file", name=backup_file.name)
    with backup_file.open("rb") as f:
        if f.read(16) != b"SQLite format 3\x00":
            raise BadInput("bad_not_a_backup", name=backup_file.name)
    source = make_engine(_sqlite_url(backup_file.resolve()))
    try:
        return copy_workspace(source, target, replace=replace)
    finally:
        source.dispose()


def engine_for(url: str) -> Engine:
    """An engine for a workspace URL given on the command line (checked to be a database URL)."""
    try:
        make_url(url)
    except Exception:
        raise BadInput("bad_db_url") from None
    return make_engine(url)
