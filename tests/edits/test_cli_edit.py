"""The editing command line: the first admin and an editor, a draft, its history, publish refused then done."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sq_layout.cli import main


def test_users_draft_history_publish(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'w.sqlite'}"]
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    assert main(["users", "add", "eve", "--role", "editor", "--no-password", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "bob", "--role", "editor", "--password-stdin", *db]) == 2  # too short
    assert main(["users", "list", *db]) == 0
    listed = capsys.readouterr().out
    assert "ada" in listed and "proxy only" in listed and "bob" not in listed
    assert main(["workspace", "draft", "--user", "eve", "--title", "十五五", *db]) == 0
    assert "draft 2" in capsys.readouterr().out
    assert main(["workspace", "history", "--version", "2", "--xlsx", str(tmp_path / "h.xlsx"), *db]) == 0
    assert "draft of version 1" in capsys.readouterr().out and (tmp_path / "h.xlsx").stat().st_size > 0
    assert main(["workspace", "publish", "2", "--user", "eve", "--title", "一稿", "--date", "2026-03-01", *db]) == 2
    assert "may not publish" in capsys.readouterr().err
    assert main(["workspace", "publish", "2", "--user", "ada", "--title", "一稿", "--date", "2026-03-01", *db]) == 0
    assert main(["workspace", "list", *db]) == 0
    assert "* 2  published" in capsys.readouterr().out.replace("   ", " ")
