"""Backups, restores and moves between back ends keep every version, change, user and record exactly."""

from __future__ import annotations

import os
import sqlite3
import stat
import threading
from collections.abc import Callable
from contextlib import closing
from pathlib import Path

import pytest

from sq_layout.cli import main
from sq_layout.errors import BadInput
from sq_layout.invest.repository import add_records, import_upload, plan_baseline
from sq_layout.invest.store_repository import StoreRepository, clear_cache
from sq_layout.store import Workspace, backup, open_workspace
from sq_layout.store.drafts import start_draft
from sq_layout.store.edit_ops import update_record
from sq_layout.store.edits import records
from sq_layout.store.history import history
from sq_layout.store.users import add_user_cli, list_users
from tests.invest.test_import import firms_csv
from tests.store.backends import BACKENDS


def _busy_workspace(url: str) -> Workspace:
    """A workspace with what a bureau's has: accounts, a draft with an edit, investment records."""
    ws = open_workspace(url)
    add_user_cli(ws, "ada", "admin", "ada-password-1")
    add_user_cli(ws, "eve", "editor", "eve-password-1")
    draft = start_draft(ws, "eve", ws.latest_id(), "十五五 草案")
    chain = records(ws, draft, "chains")[2]
    update_record(ws, "eve", draft, "chains", chain["row_no"], chain["rev"], {"target_2025_yi": "777"}, "会议纪要")
    repo = StoreRepository(ws, draft, "eve")
    data = repo.load() or plan_baseline(ws.load(draft))
    repo.save(add_records(data, {}), "first records")
    import_upload(repo, ws.load(draft), "firms.csv", firms_csv("甲光伏,,,晶硅光伏,电池片,泗洪县,,,"))  # no positions
    return ws


@pytest.mark.parametrize("backend", BACKENDS)
def test_backup_restore_round_trip_across_back_ends(
    backend: str, seeded_db_url: Callable[[str], str], new_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    ws = _busy_workspace(seeded_db_url(backend))
    before = ws.checksum()
    file = tmp_path / "ws.sqlite"
    report = backup.backup(ws.engine, file)
    assert report.rows["plan_version"] == len(ws.versions())
    assert sum(n for name, n in report.rows.items() if "change" in name) >= 3  # the history came along
    assert stat.S_IMODE(os.stat(file).st_mode) == 0o600  # it holds password hashes
    assert not [p for p in tmp_path.iterdir() if p.name != "ws.sqlite"]  # no temporary left beside it
    for other in BACKENDS:  # restore on both back ends: everything equal, ids continue after the copied ones
        engine = backup.engine_for(new_db_url(other))
        backup.restore(file, engine)
        clear_cache()
        copy = Workspace(engine=engine, url=str(engine.url))
        assert copy.checksum() == before, other
        assert [u.name for u in list_users(copy)] == ["ada", "eve"]
        draft = copy.versions()[-1].id
        start_draft(copy, "ada", draft, "another")  # new ids do not collide with copied ones
        assert copy.versions()[-1].id == draft + 1
        engine.dispose()


def test_restore_refuses_a_workspace_with_data_unless_replaced(
    seeded_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    ws = _busy_workspace(seeded_db_url("sqlite"))
    file = tmp_path / "ws.sqlite"
    backup.backup(ws.engine, file)
    other = open_workspace(seeded_db_url("sqlite"))
    kept = other.checksum()
    with pytest.raises(BadInput, match="not empty"):
        backup.restore(file, other.engine)
    assert other.checksum() == kept
    backup.restore(file, other.engine, replace=True)
    assert other.checksum() == ws.checksum()


def test_a_bad_backup_file_is_a_message(tmp_path: Path, seeded_db_url: Callable[[str], str]) -> None:
    ws = open_workspace(seeded_db_url("sqlite"))
    kept = ws.checksum()
    bad = tmp_path / "notes.sqlite"
    bad.write_text("not a database")
    with pytest.raises(BadInput, match="not a workspace backup"):
        backup.restore(bad, ws.engine, replace=True)
    with pytest.raises(BadInput, match="no backup file"):
        backup.restore(tmp_path / "missing.sqlite", ws.engine, replace=True)
    assert ws.checksum() == kept


def test_backup_while_saving_is_consistent(seeded_db_url: Callable[[str], str], tmp_path: Path) -> None:
    """A backup taken while an editor saves holds either all or none of each save, and restores cleanly."""
    ws = _busy_workspace(seeded_db_url("sqlite"))
    draft = ws.versions()[-1].id
    stop = threading.Event()

    def edit() -> None:
        n = 0
        while not stop.is_set():
            chain = records(ws, draft, "chains")[0]
            update_record(ws, "eve", draft, "chains", chain["row_no"], chain["rev"], {"name_en": f"c{n}"}, "r")
            n += 1

    worker = threading.Thread(target=edit)
    worker.start()
    try:
        files = [tmp_path / f"b{i}.sqlite" for i in range(3)]
        for f in files:
            backup.backup(ws.engine, f)
    finally:
        stop.set()
        worker.join()
    for f in files:
        copy = open_workspace(f"sqlite:///{f}")
        revs = sum(r["rev"] - 1 for r in records(copy, draft, "chains"))
        logged = len([c for c in history(copy, draft) if c.action == "update"])
        copy.engine.dispose()
        assert revs == logged > 1  # every saved revision has its history entry, and no more


def test_cli_backup_and_copy(seeded_db_url: Callable[[str], str], new_db_url: Callable[[str], str],
                             tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:  # fmt: skip
    url = seeded_db_url("sqlite")
    ws = _busy_workspace(url)
    assert main(["workspace", "backup", "-o", str(tmp_path / "b.sqlite"), "--db", url]) == 0
    pg = new_db_url("postgresql")
    assert main(["workspace", "copy", "--to", pg, "--db", url]) == 0
    out = capsys.readouterr().out
    assert "已复制" in out and "postgres@" in out and "password" not in out  # Chinese unless --lang en
    assert open_workspace(pg).checksum() == ws.checksum()
    assert main(["workspace", "copy", "--to", pg, "--db", url]) == 2  # not empty: refused, a message
    assert "错误：目标工作空间不为空" in capsys.readouterr().err  # `workspace copy` has no --lang: Chinese


def test_a_damaged_workspace_file_is_refused_and_doctor_says_so(
    seeded_db_url: Callable[[str], str], tmp_path: Path
) -> None:
    from sqlalchemy.engine import make_url

    from sq_layout.deployment import run_checks

    url = seeded_db_url("sqlite")
    path = Path(make_url(url).database or "")
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (pages,) = conn.execute("PRAGMA page_count").fetchone()
        (size,) = conn.execute("PRAGMA page_size").fetchone()
    with path.open("r+b") as f:  # a page in the middle of the file overwritten, as a failing disk would
        f.seek(size * (pages // 2))
        f.write(b"\x00garbage" * (size // 8))
    with pytest.raises(BadInput, match="damaged"):
        backup.backup(backup.engine_for(url), tmp_path / "b.sqlite")
    assert not (tmp_path / "b.sqlite").exists()
    integrity = [c for c in run_checks({"SQ_LAYOUT_DB": url}) if c.name == "integrity"]
    assert integrity and not integrity[0].ok and "restore" in str(integrity[0].fix)
