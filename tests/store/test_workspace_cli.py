"""`python -m sq_layout workspace …` and --version/--db, on both back ends; workspace.py's per-version cache."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from sq_layout import workspace
from sq_layout.cli import main
from sq_layout.store import Workspace
from tests.store.test_store import assert_same_dataset


def test_template_import_compare_export(ws: Workspace, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = ["--db", ws.url]
    base = str(next(v.id for v in ws.versions() if v.kind == "baseline"))
    assert main(["workspace", "template", "--version", base, "-o", str(tmp_path / "t.xlsx"), *db]) == 0
    assert main(["workspace", "import-plan", str(tmp_path / "t.xlsx"), "--title", "十五五 草案", *db]) == 0
    new = ws.latest_id()
    assert ws.info(new).title == "十五五 草案"
    assert main(["workspace", "list", *db]) == 0
    assert re.search(rf"^\*\s+{new}\s+已发布\s", capsys.readouterr().out, re.M)  # the latest published, marked
    out = tmp_path / "cmp.xlsx"
    assert main(["workspace", "compare", base, str(new), "--xlsx", str(out), *db]) == 0
    assert "两个版本没有差别。" in capsys.readouterr().out and out.stat().st_size > 0
    assert main(["workspace", "export", "--version", str(new), "-o", str(tmp_path / "v"), *db]) == 0
    assert main(["workspace", "import-plan", str(tmp_path / "v"), *db]) == 0
    assert_same_dataset(ws.load(ws.latest_id()), ws.load(new))
    assert main(["audit", "--version", "9999", *db]) == 2
    assert "错误：工作空间中没有规划版本“9999”；现有版本：1、2、3" in capsys.readouterr().err
    assert main(["audit", "--version", "9999", "--lang", "en", *db]) == 2
    assert "error: unknown plan version '9999'; the workspace has 1, 2, 3" in capsys.readouterr().err


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_compare_says_what_changed_as_the_workspace_page_does(
    ws: Workspace, lang: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from dataclasses import replace

    from openpyxl import load_workbook

    from sq_layout.analysis.compare import TITLES
    from sq_layout.i18n import parse_lang, t
    from sq_layout.i18n.shown import sheet_name

    base = ws.latest_id()
    ds = ws.load(base)
    dropped = ds.assignments.iloc[0]  # every assignment of its area to its industry: the area loses that industry
    kept = ds.assignments[
        (ds.assignments["area_id"] != dropped["area_id"]) | (ds.assignments["industry_id"] != dropped["industry_id"])
    ]
    area = ds.areas.set_index("area_id").at[dropped["area_id"], "name" if lang == "zh" else "name_en"]
    new = ws.save_dataset(replace(ds, assignments=kept), "少一项安排")
    out = tmp_path / "cmp.xlsx"
    assert main(["workspace", "compare", str(base), str(new), "--lang", lang, "--xlsx", str(out), "--db", ws.url]) == 0
    printed = capsys.readouterr().out
    reader = parse_lang(lang, "zh")
    assert t(TITLES["areas"], reader) in printed and str(area) in printed  # the area by name, under its table's title
    assert not any(code in printed for code in ("area_id", "chain_no", "hosts_a", "unchanged", str(dropped["area_id"])))
    book = load_workbook(out)
    assert {sheet_name(k, reader) for k in TITLES} <= set(book.sheetnames)
    headers = {str(c.value) for name in book.sheetnames for c in book[name][1]}
    assert not headers & {"chain_no", "area_id", "hosts_a", "added", "gained", "status", "value_a"}, headers


def test_bad_database_is_a_message_not_a_traceback(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    from sq_layout.i18n import t

    assert main(["workspace", "list", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 2
    err = capsys.readouterr().err
    assert f"错误：无法打开工作空间 postgresql+psycopg://nobody@127.0.0.1:1/none：{t('ws_why_refused', 'zh')}" in err
    assert main(["workspace", "list", "--lang", "en", "--db", "postgresql+psycopg://nobody@127.0.0.1:1/none"]) == 2
    assert "error: cannot open the workspace postgresql+psycopg://nobody@" in capsys.readouterr().err
    missing = f"sqlite:///{tmp_path / 'no-such-folder' / 'w.sqlite'}"  # the driver's reason, said in words
    for lang in ("zh", "en"):
        assert main(["workspace", "list", "--lang", lang, "--db", missing]) == 2
        err = capsys.readouterr().err
        assert t("ws_why_sqlite_file", lang) in err and "unable to open" not in err


def test_dataset_cached_per_version(ws: Workspace) -> None:
    first = workspace.dataset(None, ws.url)
    assert workspace.dataset(str(ws.latest_id()), ws.url) is first
    assert workspace.version_id("", ws.url) == ws.latest_id()
