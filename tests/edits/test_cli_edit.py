"""The editing command line: the first admin and an editor, a draft, its history, publish refused then done."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from sq_layout.cli import main


def test_users_draft_history_publish(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'w.sqlite'}"]
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("eve-password-1\n"))
    assert main(["users", "add", "eve", "--role", "editor", "--password-stdin", *db]) == 0
    assert main(["users", "add", "pat", "--role", "viewer", "--no-password", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("short\n"))
    assert main(["users", "add", "bob", "--role", "editor", "--password-stdin", *db]) == 2  # too short
    assert main(["users", "list", *db]) == 0
    listed = capsys.readouterr().out
    assert "ada" in listed and "仅单点登录" in listed and "bob" not in listed
    assert main(["workspace", "draft", "--user", "eve", "--title", "十五五", *db]) == 2  # no password given
    assert "--password-stdin" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["workspace", "draft", "--user", "eve", "--password-stdin", "--title", "十五五", *db]) == 2
    assert "用户名或密码错误" in capsys.readouterr().err  # ada's password does not make one eve
    monkeypatch.setattr("sys.stdin", io.StringIO("eve-password-1\n"))
    assert main(["workspace", "draft", "--user", "eve", "--password-stdin", "--title", "十五五", *db]) == 0
    out = capsys.readouterr()
    assert "已建草案 2" in out.out and "以 eve 身份操作（密码已核对）" in out.err
    assert main(["workspace", "history", "--version", "2", "--xlsx", str(tmp_path / "h.xlsx"), *db]) == 0
    assert "以版本 1 为底的草案" in capsys.readouterr().out and (tmp_path / "h.xlsx").stat().st_size > 0
    assert main(["workspace", "history", "--version", "2", "--table", "chains", *db]) == 0
    assert "以版本 1 为底的草案" not in capsys.readouterr().out  # starting the draft touched no chain record
    publish = ["workspace", "publish", "2", "--password-stdin", "--title", "一稿", "--date", "2026-03-01", *db]
    monkeypatch.setattr("sys.stdin", io.StringIO("eve-password-1\n"))
    assert main([*publish, "--user", "eve"]) == 2
    assert "错误：eve（编辑员）无权发布" in capsys.readouterr().err
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main([*publish, "--user", "ada"]) == 0
    assert main(["workspace", "list", "--lang", "en", *db]) == 0
    assert "* 2  Published" in capsys.readouterr().out.replace("   ", " ")


def test_users_commands_need_a_password_on_stdin_and_an_admin(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    db = ["--db", f"sqlite:///{tmp_path / 'w.sqlite'}"]

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    monkeypatch.setattr("sys.stdin", Terminal(""))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 2  # no terminal prompt
    err = capsys.readouterr().err
    assert "标准输入" in err and "Traceback" not in err and "termios" not in err
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    assert "以本机用户身份操作（工作空间还没有账号）" in capsys.readouterr().err
    # an admin proven by the first line adds an account whose password is the second line
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\neve-password-1\n"))
    assert main(["users", "add", "eve", "--role", "editor", "--user", "ada", "--password-stdin", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("eve-password-1\nmallory-pass-1\n"))
    assert main(["users", "add", "mallory", "--role", "admin", "--user", "eve", "--password-stdin", *db]) == 2
    capsys.readouterr()
    assert main(["users", "role", "eve", "viewer", *db]) == 0  # the workspace file's owner
    assert "工作空间文件所有者的操作系统用户" in capsys.readouterr().err
    assert main(["users", "log", "--lang", "en", *db]) == 0
    log = capsys.readouterr().out
    assert "role changed" in log and "Editor → Viewer" in log and "account added" in log and "$argon2" not in log
    assert "mallory" not in log
