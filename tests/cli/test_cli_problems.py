"""A bad data file's problems in the reader's language (issue 20): the file, row and column (by its header in that
language) and what is wrong, on the command line as on the pages — whether the problem was found while the reader's
language was known (an import) or once per process (the bundled data)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from sq_layout.errors import DataError
from sq_layout.i18n import HEADERS, Lang, t
from sq_layout.paths import ROOT
from sq_layout.plan.boundaries import read_boundary_file
from tests.conftest import load_copy


def _init(geodata: Path, db: Path, lang: Lang) -> subprocess.CompletedProcess[str]:
    """`workspace init` of a new workspace from the bundled data at `geodata` (read once per process)."""
    env = {**os.environ, "SQ_LAYOUT_GEODATA": str(geodata), "PYTHONPATH": str(ROOT)}
    argv = [sys.executable, "-m", "sq_layout", "workspace", "init", "--db", f"sqlite:///{db}", "--lang", lang]
    return subprocess.run(argv, env=env, capture_output=True, text=True, timeout=120, check=False)


def test_bundled_data_problems_name_row_and_column_in_the_readers_language(data_copy: Path, tmp_path: Path) -> None:
    chains = data_copy / "plan/chains.csv"
    frame = pd.read_csv(chains, dtype=str, keep_default_na=False)
    frame.loc[2, "chain_no"] = "第三"
    frame.to_csv(chains, index=False)
    header = HEADERS["chain_no"]["zh"]
    cases: tuple[tuple[Lang, str], ...] = (
        ("zh", f"  - 第 3 行（文件第 4 行），列 chain_no（{header}）：值为 '第三'，{t('pi_chk_int', 'zh')}"),
        ("en", "  - row 3 (line 4), column 'chain_no': got '第三', expected a whole number"),
    )
    for lang, line in cases:
        done = _init(data_copy, tmp_path / f"{lang}.sqlite", lang)
        assert done.returncode == 2 and "Traceback" not in done.stderr, done.stderr
        head, said = done.stderr.splitlines()
        assert head == t("err_line", lang).format(msg=t("pi_problems", lang).format(path=chains, n=1))
        assert said == line


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_bundled_key_and_a_boundary_are_said_in_either_language(data_copy: Path, lang: Lang) -> None:
    subs = data_copy / "plan/subindustries.csv"
    frame = pd.read_csv(subs, dtype=str, keep_default_na=False)
    frame.loc[0, "chain_no"] = "99"
    frame.to_csv(subs, index=False)
    with pytest.raises(DataError) as found:
        load_copy(data_copy)
    expected = {
        "zh": f"  - 第 1 行（文件第 2 行），列 chain_no（{HEADERS['chain_no']['zh']}）："
        "没有编号为 99 的产业链；应为以下之一：1、2、",
        "en": "  - row 1 (line 2), column 'chain_no': unknown chain 99; expected one of [1, 2, ",
    }
    assert found.value.text(lang).splitlines()[1].startswith(expected[lang])
    assert str(found.value).splitlines()[1].startswith("  - row 1 (line 2), column 'chain_no': unknown chain 99")

    counties = data_copy / "boundaries/counties.geojson"
    doc = json.loads(counties.read_text(encoding="utf-8"))
    doc["features"][1]["properties"]["geometry_quality"] = "hand-drawn"
    counties.write_text(json.dumps(doc), encoding="utf-8")
    area = doc["features"][1]["properties"]["area_id"]
    with pytest.raises(DataError) as found:
        read_boundary_file(counties)
    line = found.value.text(lang).splitlines()[1]
    if lang == "zh":
        assert line.startswith(f"  - 第 2 个要素（area_id='{area}'）：geometry_quality 为 'hand-drawn'，应为以下之一：")
    else:
        assert line.startswith(f"  - feature 2 (area_id='{area}'): geometry_quality 'hand-drawn', expected one of ")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_an_unreadable_investment_file_is_refused_in_the_readers_language(lang: Lang) -> None:
    from sq_layout.invest.demo import demo_data
    from sq_layout.invest.importer import read_upload
    from sq_layout.plan.dataset import bundled
    from sq_layout.upload_limits import describe

    ds = bundled()
    with pytest.raises(DataError) as found:
        read_upload(ds, "企业.csv", b"\n\n", demo_data(ds).links, lang=lang)
    empty = t("pi_empty", lang)
    assert found.value.text(lang).splitlines() == [t("pi_problems", lang).format(path="企业.csv", n=1), f"  - {empty}"]
    assert describe(found.value, lang).splitlines() == ["企业.csv", f"  - {empty}"]
    with pytest.raises(DataError) as found:
        read_upload(ds, "企业.xlsx", b"PK not a workbook", demo_data(ds).links, lang=lang)
    assert (
        found.value.text(lang)
        .splitlines()[1]
        .startswith("  - " + t("pi_not_xlsx", lang).format(reason="").rstrip(": "))
    )
    import io

    import openpyxl

    book = openpyxl.Workbook()  # a workbook, but none of the template's sheets: said, not a silent nothing
    book.active["A1"] = "名称"
    saved = io.BytesIO()
    book.save(saved)
    with pytest.raises(DataError) as found:
        read_upload(ds, "别的表.xlsx", saved.getvalue(), demo_data(ds).links, lang=lang)
    assert "企业" in found.value.text(lang) and t("pi_no_template_sheet", lang).split("{")[0] in found.value.text(lang)


def test_invest_check_lists_a_files_problems_as_the_page_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from sq_layout.cli import main
    from sq_layout.i18n.lang import display_width

    db = ["--db", f"sqlite:///{tmp_path / 'w.sqlite'}"]
    assert main(["workspace", "init", *db]) == 0
    firms = tmp_path / "企业.csv"
    head = "企业名称,统一社会信用代码,角色,产业链,环节,区域,载体,经度,纬度\n"
    firms.write_text(head + "甲,,,光伏发电,,泗洪县,,,\n乙,,,3,,泗洪县,,,\n", encoding="utf-8")
    capsys.readouterr()
    columns = ["sheet", "row", "column", "value", "expected"]
    for lang, said, expected, sheet in (
        ("zh", "有 1 处问题", "1–20 或以下之一：化学纤维、", "企业"),
        ("en", "1 problem(s)", "1–20 or one of Chemical fibre, ", "Firms"),
    ):
        with pytest.raises(SystemExit) as ended:
            main(["invest", "check", str(firms), "--lang", lang, *db])
        assert ended.value.code == 2
        out = capsys.readouterr()
        assert said in out.err
        head_line, line = out.out.splitlines()
        assert head_line.split() == ["#", *(HEADERS[c][lang] for c in columns)]
        # the sheet as the reader's template names it, the row the reader finds it on, the column by the file's own
        # header, the value, what it must be (the choices in the reader's language)
        assert line.split()[:4] == [sheet, "2", "产业链", "光伏发电"] and expected in line
        assert [display_width(head_line[: head_line.index(HEADERS["value"][lang])])] == [
            display_width(line[: line.index("光伏发电")])
        ]
    firms.write_text(head + "乙,,,3,,泗洪县,,,\n", encoding="utf-8")
    assert main(["invest", "check", str(firms), *db]) == 0
    assert capsys.readouterr().out.startswith("可以导入：企业 1 · 项目 0 · 产值 0")
