"""The monthly 通报 and the year's progress as XLSX and PDF (read back with openpyxl and pdftotext), and the
`invest report` / `invest bulletin` commands."""

from __future__ import annotations

import io
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from sq_layout.i18n import Lang
from sq_layout.invest.demo import demo_data
from sq_layout.invest.pipeline import bulletin, readable
from sq_layout.invest.reports import bulletin_xlsx, progress_tables, progress_xlsx
from sq_layout.invest.repository import InvestData
from sq_layout.invest.seed import read_targets
from sq_layout.invest.targets import PLAN_LAST_YEAR, year_choices
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.bulletin import bulletin_pdf, progress_pdf

ROOT = Path(__file__).resolve().parents[2]
MONTH = "2023-05"


@pytest.fixture(scope="module")
def demo(ds: Dataset) -> InvestData:
    return demo_data(ds)


def pdf_text(data: bytes, tmp_path: Path) -> str:
    path = tmp_path / "x.pdf"
    path.write_bytes(data)
    exe = shutil.which("pdftotext")
    assert exe, "pdftotext (poppler-utils) is needed to read the PDF back"
    return subprocess.run([exe, "-layout", str(path), "-"], capture_output=True, text=True, check=True).stdout


def test_bulletin_counts_moves_by_stage_date(ds: Dataset, demo: InvestData) -> None:
    b = bulletin(ds, demo, [], MONTH, read_targets())
    start, end = pd.Timestamp(MONTH), pd.Timestamp(MONTH) + pd.offsets.MonthEnd(0)
    expected: set[tuple[object, str]] = set()
    for col, stage in zip(
        ("date_lead", "date_talks", "date_reserve", "date_signed", "date_started", "date_completed", "date_operating"),
        ("线索", "在谈", "储备", "签约", "开工", "竣工", "投产"),
        strict=True,
    ):
        d = demo.projects[col]
        expected |= {(p, stage) for p in demo.projects.loc[(d >= start) & (d <= end), "project_id"]}
    assert set(zip(b.moves["project_id"], b.moves["to"], strict=True)) == expected and expected
    assert b.areas["moved"].sum() == len(b.moves)  # every move counted once on its area
    signed = demo.projects["date_signed"]
    ytd = ((signed >= pd.Timestamp("2023-01-01")) & (signed <= end)).sum()
    assert b.areas["signed_ytd"].sum() == ytd
    pace = b.pace.set_index("target_id")
    assert (pace["pace_target"] == pace["target"] * 5 / 12).all()


@pytest.mark.parametrize(
    ("lang", "units"), [("zh", ["个", "个", "个", "亿元"]), ("en", ["projects"] * 3 + ["100m yuan"])]
)
def test_the_bulletins_targets_say_their_units(ds: Dataset, demo: InvestData, lang: Lang, units: list[str]) -> None:
    """个十百千 mixes counts of projects with a sum in 亿元: each row says which, on the page, in XLSX and in print."""
    b = bulletin(ds, demo, [], MONTH, read_targets())
    pace = next(iter(readable(ds, b, lang).values()))
    assert pace[{"zh": "单位", "en": "Unit"}[lang]].tolist() == units


def test_an_english_bulletin_names_the_plans_projects_in_english_and_users_records_as_typed(ds: Dataset) -> None:
    from dataclasses import replace
    from datetime import date

    from sq_layout.invest.names_en import shown_name
    from sq_layout.invest.pipeline import advance
    from sq_layout.invest.repository import plan_baseline

    base = plan_baseline(ds)
    plan_id = str(base.projects["project_id"].iloc[0])
    typed = base.projects.iloc[[0]].assign(
        project_id="U-1", name="示例：用户录入的项目", firm="示例企业", origin="import"
    )
    data = replace(base, projects=pd.concat([base.projects, typed], ignore_index=True))
    for pid in (plan_id, "U-1"):
        data = advance(data, pid, "竣工", date(2025, 3, 9))
    moves = readable(ds, bulletin(ds, data, [], "2025-03", read_targets()), "en")["Projects moved"]
    name = str(base.projects.set_index("project_id").at[plan_id, "name"])
    shown = dict(zip(moves["Project"], moves["Firm"], strict=True))
    assert sorted(shown) == sorted([shown_name(name, "en"), "示例：用户录入的项目"])
    assert shown_name(name, "en").endswith("(app's translation)") and shown["示例：用户录入的项目"] == "示例企业"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_bulletin_xlsx_and_pdf_say_the_same(ds: Dataset, demo: InvestData, lang: Lang, tmp_path: Path) -> None:
    b = bulletin(ds, demo, [], MONTH, read_targets())
    tables = readable(ds, b, lang)
    moves = list(tables.values())[1]
    wb = load_workbook(io.BytesIO(bulletin_xlsx(ds, b, lang)))
    sheet = wb[list(tables)[1]]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == list(moves.columns) and len(rows) - 1 == len(moves)
    assert {r[0] for r in rows[1:]} == set(moves.iloc[:, 0])
    text = pdf_text(bulletin_pdf(tables, b.month, b.demo, lang), tmp_path)
    assert MONTH in text and ("示例" in text)  # the demo set says so
    for name in moves.iloc[:, 0]:
        assert name in text  # every moved project printed
    for heading in tables:
        assert heading in text


def test_progress_exports(ds: Dataset, demo: InvestData, tmp_path: Path) -> None:
    year = 2024
    tables = progress_tables(ds, demo, year, "zh")
    wb = load_workbook(io.BytesIO(progress_xlsx(ds, demo, year, "zh")))
    assert set(tables) <= set(wb.sheetnames)
    gsbq = next(iter(tables.values()))
    first = list(wb[next(iter(tables))].iter_rows(values_only=True))
    assert len(first) - 1 == len(gsbq) and first[1][0] == gsbq.iloc[0, 0]
    text = pdf_text(progress_pdf(progress_tables(ds, demo, year, "en"), year, demo.demo, "en"), tmp_path)
    assert f"{year}" in text and "Table 11" in text


def test_year_defaults_to_the_plan_period(ds: Dataset, demo: InvestData) -> None:
    years, default = year_choices(demo.projects, demo.actuals)
    assert default == PLAN_LAST_YEAR and max(years) > PLAN_LAST_YEAR  # demo dates run past 2025; default does not
    empty = demo.projects.iloc[:0]
    assert year_choices(empty, demo.actuals.iloc[:0]) == ([2021, 2022, 2023, 2024, 2025], 2025)
    only_2023 = demo.actuals[demo.actuals["year"] == 2023]
    assert year_choices(empty, only_2023)[1] == 2023


def test_cli_report_and_bulletin(tmp_path: Path) -> None:
    env_db = f"sqlite:///{tmp_path / 'ws.sqlite'}"
    run = [sys.executable, "-m", "sq_layout", "invest"]
    out = subprocess.run(
        [*run, "report", "--year", "2025", "--db", env_db, "-o", str(tmp_path / "r.xlsx")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    wb = load_workbook(tmp_path / "r.xlsx")
    assert "2025" in str(wb.worksheets[0]["A1"].value)
    out = subprocess.run(
        [*run, "bulletin", "--month", "2023-05", "--demo", "--db", env_db, "-o", str(tmp_path / "b.xlsx")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert out.returncode == 0, out.stderr
    assert load_workbook(tmp_path / "b.xlsx").sheetnames[1] == "个十百千进度"
    bad = subprocess.run(
        [*run, "bulletin", "--month", "2025-13", "-o", str(tmp_path / "b.pdf")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert bad.returncode == 2 and "YYYY-MM" in bad.stderr and "Traceback" not in bad.stderr
    wrong = subprocess.run(
        [*run, "report", "--db", env_db, "-o", str(tmp_path / "r.docx")],
        cwd=ROOT, capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert wrong.returncode == 2 and ".xlsx" in wrong.stderr and not (tmp_path / "r.docx").exists()


def test_chain_brief_puts_leaders_targets_pipeline_and_checklist_on_one_page(
    ds: Dataset, demo: InvestData, tmp_path: Path
) -> None:
    from datetime import date

    from sq_layout.invest.workbench import TEN_ITEMS, add_prospect, chain_brief, checklist, set_checklist, set_lead
    from sq_layout.printing.chain_brief import brief_pdf

    data = set_lead(demo, 3, "示例领导甲", "示例领导乙", "示例牵头部门", "")
    items = checklist(data, 3).assign(status=["已完成", *["未开始"] * 9])
    data = set_checklist(data, 3, items)
    record = {"name": "示例目标光伏", "province": "上海市", "chains": "3", "category": "长三角"}
    data = add_prospect(data, record | {"date_added": date(2026, 1, 5), "status": "洽谈中"})  # listed first
    pdf = brief_pdf(ds, chain_brief(ds, data, 3, "zh"), "zh")
    path = tmp_path / "brief.pdf"
    path.write_bytes(pdf)
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True).stdout
    assert re.search(r"^Pages:\s+1$", info, re.M), info
    text = pdf_text(pdf, tmp_path).replace(" ", "")
    for words in ("晶硅光伏", "示例领导甲", "示例牵头部门", "示例目标光伏", "已完成1/10", "第1091行", "第1092行"):
        assert words in text, words
    for item, _ in TEN_ITEMS:
        assert item in text, item  # every 十个一 item in the plan's words
    on_chain = demo.projects[demo.projects["chains"].str.contains(r"(?:^|;)3(?:;|$)")]
    assert str(len(on_chain[on_chain["stage"] == "线索"])) in text
