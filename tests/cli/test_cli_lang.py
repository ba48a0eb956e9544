"""`workspace list` and `workspace history` in the reader's language: users as the pages name them (the single-user
author is 本机用户 / this computer, an account by its name), times in Beijing time with the zone in the header."""

from __future__ import annotations

import io
import re
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from sq_layout.cli import main
from sq_layout.i18n import Lang
from sq_layout.store import Workspace
from sq_layout.store.history import history


def beijing(stored: str) -> str:
    """A stored UTC time as the reader should see it (China keeps UTC+8 all year)."""
    return datetime.fromisoformat(stored).astimezone(timezone(timedelta(hours=8))).strftime("%Y-%m-%d %H:%M")


def cells(line: str) -> list[str]:
    """A listing's line as its cells (two spaces or more apart)."""
    return re.split(r"\s{2,}", line.strip())


def starts(line: str) -> list[int]:
    """The terminal column each cell of a listing's line starts at (a Chinese character two columns wide)."""
    from sq_layout.i18n.lang import display_width

    return [display_width(line[: m.start()]) for m in re.finditer(r"(?:^|(?<=\s\s))\S", line)]


def test_versions_and_history_name_users_and_times_as_pages_do(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    db = ["--db", url]
    assert main(["workspace", "template", "-o", str(tmp_path / "t.xlsx"), *db]) == 0
    assert main(["workspace", "import-plan", str(tmp_path / "t.xlsx"), "--title", "十五五", *db]) == 0  # as `local`
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["workspace", "draft", "--user", "ada", "--password-stdin", "--title", "一稿", *db]) == 0
    ws = Workspace(url)
    imported, drafted = sorted(v.id for v in ws.versions())[-2:]
    capsys.readouterr()

    assert main(["workspace", "list", *db]) == 0
    out = capsys.readouterr().out
    head, rows = out.splitlines()[1], out.splitlines()[2:]
    assert "创建时间（北京时间）" in head
    by_id = {int(line[1:5]): line for line in rows}
    assert set(by_id) == {v.id for v in ws.versions()}
    for v in ws.versions():
        assert beijing(v.created) in by_id[v.id] and v.created not in by_id[v.id]
    assert "作者 本机用户" in by_id[imported] and "发布人 本机用户" in by_id[imported] and "已发布" in by_id[imported]
    assert "作者 ada" in by_id[drafted] and "草案" in by_id[drafted] and "local" not in out
    assert "“十四五”规划（随附基线）" in out and "基线（只读）" in out

    assert main(["workspace", "list", "--lang", "en", *db]) == 0
    out = capsys.readouterr().out
    assert "Created (Beijing time)" in out.splitlines()[1]
    assert "by this computer" in out and "published by this computer" in out and "by ada" in out
    assert "local" not in out and "Published" in out and "Draft" in out

    for lang, head, local, started in (
        ("zh", "时间（北京时间）", "本机用户", "建草案"),
        ("en", "When (Beijing time)", "this computer", "draft started"),
    ):
        assert main(["workspace", "history", "--version", str(imported), "--lang", lang, *db]) == 0
        out = capsys.readouterr().out
        assert head in out.splitlines()[0]
        change = history(ws, imported)[0]
        assert (
            re.search(rf"{beijing(change.created)}\s+{local}  ", out)
            and change.created not in out
            and " local " not in out
        )
        assert main(["workspace", "history", "--version", str(drafted), "--lang", lang, *db]) == 0
        out = capsys.readouterr().out
        assert re.search(rf"{beijing(history(ws, drafted)[0].created)}\s+ada\s+{started}  ", out)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_file_over_the_size_limit_is_refused_in_the_readers_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], lang: Lang
) -> None:
    from sq_layout.i18n import t
    from sq_layout.imports.boundary_files import MAX_BYTES
    from sq_layout.upload_limits import LIMITS

    db = ["--db", f"sqlite:///{tmp_path / 'w.sqlite'}"]
    outline = tmp_path / "区界.geojson"
    with outline.open("wb") as f:
        f.truncate(MAX_BYTES + 1)  # sparse: no disk is used for the zeros
    with pytest.raises(SystemExit) as ended:
        main(["workspace", "import-boundaries", str(outline), "--lang", lang, *db])
    assert ended.value.code == 2
    err = capsys.readouterr().err
    size, limit = round((MAX_BYTES + 1) / 1e6, 1), round(MAX_BYTES / 1e6)
    said = t("bnd_too_large", lang).format(file=outline, size_mb=size, limit_mb=limit)
    assert err == t("err_line", lang).format(msg=said) + "\n" and "Traceback" not in err

    bundle = tmp_path / "规划.zip"
    with bundle.open("wb") as f:
        f.truncate(LIMITS["bundle"].bytes + 10_000_000)
    assert main(["workspace", "import-plan", str(bundle), "--lang", lang, *db]) == 2
    err = capsys.readouterr().err.splitlines()[-1]
    limit_mb = f"{LIMITS['bundle'].bytes // 1_000_000} MB"
    assert err.startswith(t("err_line", lang).format(msg="规划.zip")) and limit_mb in err and "Traceback" not in err
    assert bool(re.search(r"[\u4e00-\u9fff]", err.replace("规划.zip", ""))) == (lang == "zh"), err


def test_users_list_and_log_speak_the_readers_language(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sq_layout.store.sessions import audit_log
    from sq_layout.store.users import list_users

    url = f"sqlite:///{tmp_path / 'w.sqlite'}"
    db = ["--db", url]
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    assert capsys.readouterr().out == "已添加 ada（管理员）\n"
    assert main(["users", "add", "pat", "--role", "viewer", "--no-password", "--lang", "en", *db]) == 0
    assert capsys.readouterr().out == "added pat (Viewer)\n"
    assert main(["users", "role", "pat", "editor", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("not-her-password\n"))
    assert main(["users", "remove", "pat", "--user", "ada", "--password-stdin", *db]) == 2
    assert capsys.readouterr().err.endswith("错误：用户名或密码错误\n")
    monkeypatch.setattr("sys.stdin", io.StringIO("any-password-1\n"))
    assert main(["users", "remove", "pat", "--user", "ghost", "--password-stdin", "--lang", "en", *db]) == 2
    assert capsys.readouterr().err.endswith("error: wrong user name or password\n")
    ws = Workspace(url)
    accounts, entries = {u.name: u for u in list_users(ws)}, audit_log(ws)
    stored = ("admin", "viewer", "editor", "signin_failed", "role_changed", "user_added", " -> ")
    codes = (*stored, "(no such account)", "command line")

    for lang, headers, ada, pat in (
        (
            "zh",
            ["# 用户名", "角色", "登录方式", "创建时间（北京时间）"],
            ["ada", "管理员", "密码"],
            ["pat", "编辑员", "仅单点登录"],
        ),
        (
            "en",
            ["# User name", "Role", "Signs in with", "Created (Beijing time)"],
            ["ada", "Administrator", "Password"],
            [],
        ),
    ):
        assert main(["users", "list", "--lang", lang, *db]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert cells(lines[0]) == headers and len(lines) == 3
        assert cells(lines[1]) == [*ada, beijing(accounts["ada"].created)]
        assert starts(lines[0]) == starts(lines[1]) == starts(lines[2])  # lined up, a Chinese character two columns
        if pat:
            assert cells(lines[2]) == [*pat, beijing(accounts["pat"].created)]
        assert not any(code in line for line in lines for code in codes)

    for lang, head, words in (
        (
            "zh",
            "# 时间（北京时间）  事件",
            ("登录失败", "更改角色", "查看者 → 编辑员", "添加账号", "命令行", "本机用户", "（无此账号）"),
        ),
        ("en", "# When (Beijing time)  Event", ("sign-in failed", "role changed", "Viewer → Editor", "account added")),
    ):
        assert main(["users", "log", "--lang", lang, *db]) == 0
        lines = capsys.readouterr().out.splitlines()
        assert lines[0].startswith(head) and len(lines) == len(entries) + 1
        assert [line[:16] for line in lines[1:]] == [beijing(e.created) for e in entries]
        assert all(word in "\n".join(lines) for word in words)
        raw = codes if lang == "zh" else codes[:-2]  # the English words for these are the stored ones
        assert not any(code in line for line in lines for code in raw), lines
