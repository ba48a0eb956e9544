"""Which database: a URL from the caller, `SQ_LAYOUT_DB`, or a SQLite file in the user's data folder.

A SQLite workspace holds password hashes: its file is created readable by its owner only (SQLite gives the -wal,
-shm and -journal files the database file's permissions), and the default data folder too. A URL is only ever
shown through `redact`, and error text through `scrub`.

On PostgreSQL no statement waits for a lock longer than `lock_timeout` and no write transaction's statement runs
longer than `statement_timeout` (set before its first INSERT, UPDATE or DELETE, so long reads are not cut short);
either ends the statement, the transaction rolls back and the caller gets WorkspaceBusy.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path, PurePath
from typing import Any

from sqlalchemy import Engine, create_engine, event

ENV_VAR = "SQ_LAYOUT_DB"
PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700
SECRET_PARAM = re.compile(r"pass|secret|token|key", re.IGNORECASE)  # query parameters whose values are hidden
LOCK_TIMEOUT_ENV, WRITE_TIMEOUT_ENV = "SQ_LAYOUT_PG_LOCK_TIMEOUT", "SQ_LAYOUT_PG_WRITE_TIMEOUT"
LOCK_TIMEOUT_S, WRITE_TIMEOUT_S = 10.0, 120.0  # a save waits 10 s for another's lock; a national import's COPY < 120 s
BUSY_STATES = ("55P03", "57014")  # lock_not_available (lock_timeout), query_canceled (statement_timeout)
_WRITE_TIMEOUT_SET = "sq_write_timeout_set"  # in a connection's info while its transaction has the write timeout


def data_folder() -> Path:
    """The user's data folder for the workspace and keys, created readable by its owner only."""
    from platformdirs import user_data_dir

    folder = Path(user_data_dir("sq-layout", appauthor=False))
    folder.mkdir(mode=PRIVATE_DIR, parents=True, exist_ok=True)
    with contextlib.suppress(OSError):  # a folder made by an older version was world-readable
        if folder.stat().st_uid == os.getuid() and folder.stat().st_mode & 0o077:
            folder.chmod(PRIVATE_DIR)
    return folder


def default_url() -> str:
    """The SQLite file in the user's data folder (created with its folder on first use)."""
    return f"sqlite:///{data_folder() / 'workspace.sqlite'}"


def resolve_url(url: str | None = None) -> str:
    """The URL to use: the argument, else $SQ_LAYOUT_DB, else the default SQLite file."""
    return url or os.environ.get(ENV_VAR) or default_url()


def _sqlite_pragmas(dbapi_conn: Any, _record: Any) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA foreign_keys=ON")
    cur.execute("PRAGMA journal_mode=WAL")  # readers (the app) never block the one writer (an import)
    cur.execute("PRAGMA busy_timeout=10000")
    cur.close()


def private_sqlite_file(url: str) -> None:
    """Create the SQLite file of the URL, if missing, readable and writable by its owner only (0600).

    SQLite creates its -wal, -shm and -journal files with the database file's permissions, so they follow."""
    from sqlalchemy.engine import make_url

    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        return
    with contextlib.suppress(FileExistsError, FileNotFoundError):  # FileNotFoundError: SQLite says so when opened
        os.close(os.open(database, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE))


def make_engine(url: str) -> Engine:
    """An engine for the URL; SQLite gets foreign keys, WAL and a busy timeout and an owner-only file.

    A URL that cannot be used (unparsable, unknown driver) raises WorkspaceUnavailable naming it redacted."""
    from sqlalchemy.exc import ArgumentError, NoSuchModuleError

    from sq_layout.errors import WorkspaceUnavailable

    try:
        if url.startswith("sqlite"):
            private_sqlite_file(url)
            engine = create_engine(url)
            event.listen(engine, "connect", _sqlite_pragmas)
            return engine
        return _postgresql_engine(url)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        reason = scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, url)
        raise WorkspaceUnavailable(key="err_ws_url", params={"url": redact(url), "reason": reason}) from None


def seconds_setting(name: str, default: float) -> float:
    """A timeout in seconds from an environment variable (unset or empty: the default); ConfigError if unusable."""
    import math

    from sq_layout.errors import ConfigError

    text = os.environ.get(name, "").strip()
    if not text:
        return default
    try:
        value = float(text)
    except ValueError:
        value = math.nan
    if not math.isfinite(value) or value <= 0:
        raise ConfigError(name, text, "cfg_seconds")
    return value


def _postgresql_engine(url: str) -> Engine:
    lock_ms = round(seconds_setting(LOCK_TIMEOUT_ENV, LOCK_TIMEOUT_S) * 1000)
    write_ms = round(seconds_setting(WRITE_TIMEOUT_ENV, WRITE_TIMEOUT_S) * 1000)
    engine = create_engine(
        url, pool_pre_ping=True, pool_size=5, max_overflow=20, connect_args={"options": f"-c lock_timeout={lock_ms}"}
    )

    def write_timeout(conn: Any, cursor: Any, statement: str, *_: Any) -> None:
        if _WRITE_TIMEOUT_SET not in conn.info and statement.lstrip()[:6].upper() in ("INSERT", "UPDATE", "DELETE"):
            cursor.execute(f"SET LOCAL statement_timeout = {write_ms}")
            conn.info[_WRITE_TIMEOUT_SET] = True

    def transaction_begins(conn: Any) -> None:
        conn.info.pop(_WRITE_TIMEOUT_SET, None)

    event.listen(engine, "begin", transaction_begins)
    event.listen(engine, "before_cursor_execute", write_timeout)
    event.listen(engine, "handle_error", _busy)
    return engine


def _busy(context: Any) -> None:
    """A lock or statement timeout as WorkspaceBusy (SQLAlchemy rolls the transaction back as the error leaves it)."""
    from sq_layout.errors import WorkspaceBusy

    if getattr(context.original_exception, "sqlstate", None) in BUSY_STATES:
        raise WorkspaceBusy() from context.original_exception


def redact(url: str) -> str:
    """The URL with any password hidden (also in query parameters such as ?password=), for messages and the page."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        return "(an unreadable database URL)"
    hidden = {k: "***" for k in parsed.query if SECRET_PARAM.search(k)}
    return str(parsed.update_query_dict(hidden).render_as_string(hide_password=True)).replace("%2A%2A%2A", "***")


def shown_db(url: str) -> str:
    """The workspace's database as a page names it: its kind and name, never a server path, user or password
    ('SQLite · workspace.sqlite', 'PostgreSQL · sq_layout @ db.example')."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        parsed = make_url(url)
    except (ArgumentError, ValueError, TypeError):
        return "?"
    if parsed.get_backend_name() == "sqlite":
        return f"SQLite · {PurePath(parsed.database or ':memory:').name}"
    return f"PostgreSQL · {parsed.database or ''} @ {parsed.host or 'localhost'}"


def scrub(text: str, url: str | None = None) -> str:
    """Error text with the URL's password (and any URL with a password in it) hidden."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    if url:
        with contextlib.suppress(ArgumentError, ValueError, TypeError):
            parsed = make_url(url)
            secrets = [parsed.password, *(v for k, v in parsed.query.items() if SECRET_PARAM.search(k))]
            for secret in secrets:
                for value in [secret] if isinstance(secret, str) else list(secret or ()):
                    if value:
                        text = text.replace(str(value), "***")
        if url in text:
            text = text.replace(url, redact(url))
    text = re.sub(r"(://[^:/@\s]*:)[^@\s]*@", r"\1***@", text)
    return re.sub(r"((?:pass\w*|secret|token)=)[^&\s'\"]+", r"\1***", text, flags=re.IGNORECASE)


# The database drivers' common reasons for failing, said in words (i18n ws_why_*); any other as the driver says it.
DRIVER_REASONS = (
    (re.compile(r"unable to open database file"), "ws_why_sqlite_file"),
    (re.compile(r"Connection refused"), "ws_why_refused"),
    (re.compile(r"password authentication failed"), "ws_why_password"),
    (re.compile(r'database "[^"]*" does not exist'), "ws_why_no_database"),
)


def driver_text(exc: BaseException, url: str | None = None) -> str:
    """A database or system failure's first line as its driver gave it, any password of `url` hidden."""
    orig = getattr(exc, "orig", None) or exc
    return scrub((str(orig).strip().splitlines() or [type(orig).__name__])[0], url)


def driver_reason(exc: BaseException, url: str | None = None) -> object:
    """Why a database or the system refused, for either language (a `Said`, a `{zh, en}` or the driver's own line):
    the common reasons in words, any other as given."""
    from sq_layout.errors import system_reason
    from sq_layout.i18n import LANGS
    from sq_layout.i18n.lang import Said

    if isinstance(exc, OSError):
        return {lang: system_reason(exc, lang) for lang in LANGS}
    text = driver_text(exc, url)
    return next((Said(key) for pattern, key in DRIVER_REASONS if pattern.search(text)), text)
