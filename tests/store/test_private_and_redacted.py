"""The workspace file is the owner's only; a database password never reaches a terminal; a locked workspace, a full
disk and a killed run end in a clear line, not a traceback or leftovers."""

from __future__ import annotations

import os
import resource
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import text
from sqlalchemy.engine import make_url

from sq_layout.store import open_workspace
from sq_layout.store.engine import data_folder, redact, scrub, shown_db
from tests.cli.test_cli_files import run_cli
from tests.store.backends import BACKENDS, new_db_url, pg_server, seeded_db_url

__all__ = ["new_db_url", "pg_server", "seeded_db_url"]
ROOT = Path(__file__).resolve().parents[2]
SECRET = "s3cretPw9"


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def test_sqlite_workspace_and_its_side_files_are_owner_only(tmp_path: Path) -> None:
    old = os.umask(0o022)  # the usual umask: files world-readable unless made otherwise
    try:
        db = tmp_path / "ws.sqlite"
        ws = open_workspace(f"sqlite:///{db}")
        with ws.engine.connect() as conn:  # held open: the -wal and -shm files exist meanwhile
            conn.execute(text("SELECT count(*) FROM plan_version")).scalar()
            sides = [p for p in (tmp_path / "ws.sqlite-wal", tmp_path / "ws.sqlite-shm") if p.exists()]
            assert sides, "WAL mode keeps side files while connected"
            assert all(_mode(p) & 0o077 == 0 for p in sides), [oct(_mode(p)) for p in sides]
        ws.engine.dispose()
        assert _mode(db) == 0o600
    finally:
        os.umask(old)


def test_default_data_folder_is_owner_only(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    old = os.umask(0o022)
    try:
        folder = data_folder()
        assert folder.is_relative_to(tmp_path) and _mode(folder) == 0o700
        folder.chmod(0o755)  # made world-readable by an older version: tightened on next use
        assert _mode(data_folder()) == 0o700
    finally:
        os.umask(old)


def _with_password(url: str) -> str:
    return make_url(url).set(password=SECRET).render_as_string(hide_password=False)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_password_in_the_url_is_never_printed(
    backend: str, seeded_db_url: Callable[[str], str], capsys: pytest.CaptureFixture[str]
) -> None:
    url = seeded_db_url(backend)
    if backend == "postgresql":  # the test cluster trusts local connections: any password is accepted
        url = _with_password(url)
        code, out, err = run_cli(capsys, "workspace", "list", "--db", url)
        assert code == 0 and SECRET not in out + err and ":***@" in out
        query = f"{make_url(url).set(password=None).render_as_string(hide_password=False)}?password={SECRET}"
        code, out, err = run_cli(capsys, "workspace", "list", "--db", query)
        assert code == 0 and SECRET not in out + err and "password=***" in out
    for broken in (
        f"postgresql+psycopg://ada:{SECRET}@127.0.0.1:1/nowhere",
        f"postgresql+psycopg://ada@127.0.0.1:1/nowhere?password={SECRET}",
        f"mysql://ada:{SECRET}@127.0.0.1/x",  # no driver installed
        f"not a url {SECRET}",
    ):
        code, out, err = run_cli(capsys, "workspace", "list", "--db", broken)
        assert code == 2 and SECRET not in out + err and "Traceback" not in err, err
        assert err.startswith("错误：无法")


def test_redact_and_scrub_hide_every_form_of_password() -> None:
    assert redact(f"postgresql://u:{SECRET}@h/db") == "postgresql://u:***@h/db"
    assert SECRET not in redact(f"postgresql://u@h/db?sslpassword={SECRET}&application_name=x")
    assert SECRET not in scrub(f"failed: postgresql://u:{SECRET}@h/db and {SECRET}", f"postgresql://u:{SECRET}@h/db")
    assert scrub("connect password=abc host=h") == "connect password=*** host=h"


@pytest.mark.parametrize("backend", ["sqlite"])
def test_a_locked_workspace_is_a_clear_line(
    backend: str, seeded_db_url: Callable[[str], str], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = seeded_db_url(backend)
    from sq_layout.plan.dataset import bundled

    areas = tmp_path / "areas.csv"
    bundled().areas.to_csv(areas, index=False)
    before = open_workspace(url).checksum()
    with closing(sqlite3.connect(str(make_url(url).database), isolation_level=None)) as holder:
        holder.execute("BEGIN IMMEDIATE")  # another writer holds the lock past the busy timeout
        code, _, err = run_cli(capsys, "workspace", "import-plan", str(areas), "--db", url)
        holder.execute("ROLLBACK")
    assert code == 2 and "Traceback" not in err and "错误：工作空间正忙" in err and "未保存" in err
    assert open_workspace(url).checksum() == before


def _export_with_file_limit(url: str, out: Path, limit: int) -> subprocess.CompletedProcess[str]:
    def limited() -> None:  # writing past the limit fails like a full disk (EFBIG instead of ENOSPC)
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    cmd = [sys.executable, "-m", "sq_layout", "workspace", "export", "-o", str(out), "--db", url]
    return subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True, preexec_fn=limited, timeout=300)


@pytest.mark.parametrize("backend", BACKENDS)
def test_a_full_disk_during_export_is_a_clear_line_and_leaves_nothing(
    backend: str, seeded_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    url = seeded_db_url(backend)
    out = tmp_path / "out"
    out.mkdir()
    for name in ("v.gpkg", "v.zip", "folder"):
        done = _export_with_file_limit(url, out / name, 64_000)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr and "INSERT" not in done.stderr
        # `workspace export` has no --lang: its refusal is in Chinese
        assert "磁盘已满" in done.stderr or "磁盘是否已满" in done.stderr, done.stderr
        assert sorted(os.listdir(out)) == []


def test_a_killed_runs_temporaries_are_removed_by_the_next_run(tmp_path: Path) -> None:
    from sq_layout.atomic import STALE_MINUTES, write_bytes

    child = (
        "import sys, os, signal\n"
        "from sq_layout.atomic import atomic_path, temp_dir_beside\n"
        "with temp_dir_beside(sys.argv[1] + '/atlas.pdf') as d, atomic_path(sys.argv[1] + '/map.png') as f:\n"
        "    f.write_bytes(b'half'); (d / 'page.png').write_bytes(b'half')\n"
        "    os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", child, str(tmp_path)], cwd=ROOT, env={**os.environ, "PYTHONPATH": str(ROOT)}
    )
    assert done.returncode == -signal.SIGKILL
    left = sorted(os.listdir(tmp_path))
    assert len(left) == 2 and all("sq-partial-" in n for n in left)
    write_bytes(tmp_path / "other.txt", b"x")  # a run soon after leaves them: they may still be in use
    assert len(os.listdir(tmp_path)) == 3
    old = time.time() - STALE_MINUTES * 60 - 5
    for name in left:
        os.utime(tmp_path / name, (old, old))
    write_bytes(tmp_path / "other.txt", b"y")
    assert sorted(os.listdir(tmp_path)) == ["other.txt"]


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        ("sqlite:////srv/sq/private/workspace.sqlite", "SQLite · workspace.sqlite"),
        (
            "postgresql+psycopg://sq:hunter2secret@db.bureau.local:5432/sq_layout",
            "PostgreSQL · sq_layout @ db.bureau.local",
        ),
        (
            "postgresql+psycopg://sq@/sq_layout?host=/var/run/postgresql&password=hunter2secret",
            "PostgreSQL · sq_layout @ localhost",
        ),
    ],
)
def test_the_page_names_the_database_without_a_path_user_or_password(url: str, shown: str) -> None:
    assert shown_db(url) == shown
    for secret in ("/srv", "private", "hunter2secret", "sq:", "/var/run", "5432"):
        assert secret not in shown_db(url)
