"""Which database: a URL from the caller, `SQ_LAYOUT_DB`, or a SQLite file in the user's data folder.

A SQLite workspace holds password hashes: its file is created readable by its owner only (SQLite gives the -wal,
-shm and -journal files the database file's permissions), and the default data folder too. A URL is only ever
shown through `redact`, and error text through `scrub`.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event

ENV_VAR = "SQ_LAYOUT_DB"
PRIVATE_FILE, PRIVATE_DIR = 0o600, 0o700
SECRET_PARAM = re.compile(r"pass|secret|token|key", re.IGNORECASE)  # query parameters whose values are hidden


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
        return create_engine(url, pool_pre_ping=True, pool_size=5, max_overflow=20)
    except (ArgumentError, NoSuchModuleError, ImportError) as exc:
        reason = scrub(str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__, url)
        raise WorkspaceUnavailable(
            f"cannot use the database URL {redact(url)}: {reason} "
            "(expected sqlite:///path/to/workspace.sqlite or postgresql+psycopg://user@host/database)"
        ) from None


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
