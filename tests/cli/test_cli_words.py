"""The command line's own words in the reader's language (issue 20): argparse's usage, errors and help in Chinese
unless `--lang en` is on the command line, and `workspace history`'s records by their tables' and fields' headers."""

from __future__ import annotations

import argparse
import io
import re
from pathlib import Path

import pytest
from sqlalchemy import select

from sq_layout.cli import build_parser, main
from sq_layout.cli.speak import scan_lang, speaking
from sq_layout.i18n import HEADERS, Lang, t
from sq_layout.i18n.shown import sheet_name

# Words a Chinese help line may keep in Latin letters: file formats, products, units and the program's name.
PROPER = re.compile(
    r"python|sq_layout|sq-layout|SQ_LAYOUT_DB|SQLite|PostgreSQL|postgresql\+psycopg|PostGIS|GeoJSON|GeoPackage|"
    r"Shapefile|KML|KMZ|Excel|CSV|csv|XLSX|PDF|PNG|SVG|URL|YYYY-MM(-DD)?|ws-2026-12\.sqlite|user@host/sq|"
    r"atlas\.pdf|png/|<名称>-png/|dominant|leading|pv|liquor|sihong|portrait|landscape|zh|e\.g\.|WGS-84|GCJ-02|BD-09|"
    r"wgs84|gcj02|bd09|zip|invest|report|bulletin|check|r\.xlsx\|pdf|b\.pdf\|xlsx|list|areas|industries|subindustries|"
    r"chains|MB|min|EPSG:\d+"
)


def _parsers(parser: argparse.ArgumentParser) -> list[argparse.ArgumentParser]:
    """A parser and every subcommand's, depth first."""
    found = [parser]
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for sub in dict.fromkeys(action.choices.values()):
                found += _parsers(sub)
    return found


def _help_words(parser: argparse.ArgumentParser) -> list[str]:
    """The help's words, without its usage lines, option names, metavars and choices."""
    text = parser.format_help().split("\n\n", 1)[1]
    typed = {str(a.metavar or a.dest.upper()) for a in parser._actions} | {a.dest for a in parser._actions}
    typed |= {name for a in parser._actions if isinstance(a, argparse._SubParsersAction) for name in a.choices}
    words = []
    for line in text.splitlines():
        line = re.sub(r"\{[^}]*\}", " ", line)  # {zh,en}, {a4,a3}: choices as typed
        line = re.sub(r"`[^`]*`", " ", line)  # a command to type
        line = re.sub(r"(?<![\w])(--?|\.)[\w-]+", " ", line)  # an option's name, a file suffix
        line = PROPER.sub(" ", line)
        words += [w for w in re.findall(r"[A-Za-z][A-Za-z_=-]+", line) if w not in typed]
    return words


def test_every_help_is_chinese_by_default_and_english_when_asked() -> None:
    zh = _parsers(build_parser("zh"))
    assert len(zh) > 30  # every command and subcommand
    english = {p.prog: words for p in zh if (words := _help_words(p))}
    assert english == {}
    for p in zh:
        assert "用法：" in p.format_usage() and "显示此帮助并退出" in p.format_help()
    # English help keeps Chinese only for names one may type or the plan's own terms
    typed = re.compile("晶硅光伏|个十百千|示例|十四五|主导产业|先导产业|泗洪县|光伏新能源|通报|产业链|表十一|酿酒")
    for p in _parsers(build_parser("en")):
        shown = p.format_help()
        assert shown.startswith("usage: ") and "show this help message and exit" in shown
        assert not re.search(r"[\u4e00-\u9fff]", typed.sub("", shown)), p.prog


@pytest.mark.parametrize(
    ("argv", "zh", "en"),
    [
        (["invest", "import", "x"],
         "错误：参数 report|bulletin|check：无效的选择：'import'（可选：'report', 'bulletin', 'check'）",
         "error: argument report|bulletin|check: invalid choice: 'import' (choose from 'report', 'bulletin', 'check')"),
        (["workspace", "publish", "3"], "错误：缺少必需的参数：--title, --date",
         "error: the following arguments are required: --title, --date"),
        (["audit", "--xlsx"], "错误：参数 --xlsx：须跟一个值", "error: argument --xlsx: expected one argument"),
        (["audit", "--frobnicate"], "错误：无法识别的参数：--frobnicate",
         "error: unrecognized arguments: --frobnicate"),
        (["atlas", "--dpi", "高", "-o", "x"], "错误：参数 --dpi：不是整数：'高'",
         "error: argument --dpi: not a whole number: '高'"),
        (["invest", "bulletin", "--month", "11月", "-o", "b.pdf"], "错误：参数 --month：不是日期：'11月'",
         "error: argument --month: not a date: '11月'"),
    ],
)  # fmt: skip
def test_argparse_refuses_in_the_readers_language(
    argv: list[str], zh: str, en: str, capsys: pytest.CaptureFixture[str]
) -> None:
    for lang, said, usage in ((None, zh, "用法："), ("en", en, "usage: ")):
        with pytest.raises(SystemExit) as ended:
            main([*argv, "--lang", lang] if lang else argv)
        assert ended.value.code == 2
        err = capsys.readouterr().err
        assert err.startswith(usage) and said in err, err
        assert "Traceback" not in err
    assert argparse._("usage: ") == "usage: "  # type: ignore[attr-defined]  # argparse speaks English again after


def test_help_and_the_language_on_the_command_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert scan_lang(["export", "--lang", "en"]) == "en" and scan_lang(["export", "--lang=en"]) == "en"
    assert scan_lang(["export"]) == "zh" and scan_lang(["export", "--lang", "fr"]) == "zh"
    assert scan_lang(["export", "--", "--lang", "en"]) == "zh"
    # argparse takes an unambiguous abbreviation, so the scan does too (else its refusal would speak the other language)
    assert scan_lang(["list", "nothing", "--la", "en"]) == "en" and scan_lang(["doctor", "--lan=en"]) == "en"
    assert scan_lang(["export", "--", "--la", "en"]) == "zh" and scan_lang(["export", "--langx", "en"]) == "zh"
    with pytest.raises(SystemExit) as ended:
        main(["workspace", "history", "--help"])
    assert ended.value.code == 0
    out = capsys.readouterr().out
    assert out.startswith("用法：") and t("h_history", "zh") in out and "只看涉及此地区编号的修改" in out
    assert "\n选项：\n" in out and "选项:" not in out  # a Chinese heading ends with a full-width colon
    with pytest.raises(SystemExit):
        main(["workspace", "history", "--help", "--lang=en"])
    out = capsys.readouterr().out
    assert out.startswith("usage: ") and t("h_history", "en") in out and "only changes touching this area id" in out
    assert "\noptions:\n" in out
    with pytest.raises(SystemExit) as ended:
        main(["export", "--lang", "fr", "-o", "x.png"])
    assert ended.value.code == 2
    assert "错误：参数 --lang：没有语言 'fr'；可选：zh、en" in capsys.readouterr().err
    with speaking("zh"):
        assert argparse._("options") == "选项"  # type: ignore[attr-defined]
        import threading

        elsewhere: list[str] = []  # another thread parsing meanwhile keeps argparse's English
        other = threading.Thread(target=lambda: elsewhere.append(argparse._("options")))  # type: ignore[attr-defined]
        other.start()
        other.join()
        assert elsewhere == ["options"]
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


def test_history_names_record_tables_and_fields_in_words(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from sq_layout.store import Workspace, edit_ops
    from sq_layout.store import tables as stored

    url = f"sqlite:///{tmp_path}/w.sqlite"
    db = ["--db", url]
    assert main(["workspace", "template", "-o", f"{tmp_path}/t.xlsx", *db]) == 0
    assert main(["workspace", "import-plan", f"{tmp_path}/t.xlsx", "--title", "十五五", *db]) == 0  # as `local`
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["users", "add", "ada", "--role", "admin", "--password-stdin", *db]) == 0
    monkeypatch.setattr("sys.stdin", io.StringIO("admin-password-1\n"))
    assert main(["workspace", "draft", "--user", "ada", "--password-stdin", "--title", "一稿", *db]) == 0
    ws = Workspace(url)
    draft = max(v.id for v in ws.versions())
    chains = stored.records["chains"]
    with ws.engine.connect() as conn:
        row = conn.execute(
            select(chains.c.row_no, chains.c.rev, chains.c.name).where(
                chains.c.version_id == draft, chains.c.chain_no == 3
            )
        ).one()
    edit_ops.rename_chain(ws, "ada", draft, 3, row.rev, {"name": "光伏组件"}, "改名")
    capsys.readouterr()
    cases: tuple[tuple[Lang, str], ...] = (("zh", sheet_name("chains", "zh")), ("en", "key CHAINS"), ("zh", "chains"))
    for lang, typed in cases:
        assert main(["workspace", "history", "--version", str(draft), "--table", typed, "--lang", lang, *db]) == 0
        out = capsys.readouterr().out
        record = f"{sheet_name('chains', lang)} #{row.row_no}: {HEADERS['name'][lang]}: {row.name} → 光伏组件"
        assert record in out, out
        assert out.count("chains #") == out.count("Key chains #") and "name:" not in out
        assert "为底的草案" not in out and "Draft of version 1" not in out  # it touched no chain record
    assert main(["workspace", "history", "--version", str(draft), "--table", "桌子", *db]) == 2
    err = capsys.readouterr().err
    assert "桌子" in err and sheet_name("chains", "zh") in err and "chains" not in err


def test_one_table_printer_lines_up_chinese_and_english_columns() -> None:
    from sq_layout.cli.speak import table, wrap
    from sq_layout.i18n.lang import display_width

    lines = table(
        [["# 编号", "类型", "标题"], ["*   1", "基线（只读）", "“十四五”规划"], ["12", "Draft", "x"]], right=[0]
    )
    starts = [[display_width(line[: line.index(cell)]) for cell in cells] for line, cells in zip(
        lines, [["类型", "标题"], ["基线（只读）", "“十四五”规划"], ["Draft", "x"]], strict=True
    )]  # fmt: skip
    assert starts[0] == starts[1] == starts[2] == [8, 22]
    assert lines[1].startswith(" *   1  ") and lines[2].startswith("    12  ")  # right-aligned to the header
    text = "如 光伏新能源、pv；中文、英文或编号；`python -m sq_layout list industries` 列出全部"
    wrapped = wrap(text, 30)
    assert all(display_width(line) <= 30 for line in wrapped) and "".join(wrapped).replace(" ", "") == text.replace(
        " ", ""
    )


def test_a_missing_value_prints_blank_and_a_float_without_noise() -> None:
    import pandas as pd

    from sq_layout.cli.speak import frame_lines

    frame = pd.DataFrame(
        {
            "年份": pd.array([2025, None], dtype="Int64"),  # a figure added or removed: NA on one side
            "产值": [0.1 + 0.2, float("nan")],
            "日期": [pd.Timestamp("2025-11-01"), pd.NaT],
        }
    )
    lines = frame_lines(frame)
    assert lines[1].split() == ["2025", "0.3", "2025-11-01", "00:00:00"] and lines[2].strip() == ""
