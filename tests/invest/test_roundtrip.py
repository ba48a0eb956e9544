"""Files people actually bring: a GBK CSV saved by Excel on Chinese Windows, and the page's own records export,
which imports back to the same records."""

from __future__ import annotations

import io
import re

import pandas as pd
import pytest
from openpyxl import load_workbook

from sq_layout.errors import DataError
from sq_layout.i18n import Lang
from sq_layout.invest.demo import demo_data
from sq_layout.invest.gapexport import records_xlsx
from sq_layout.invest.importer import read_upload
from sq_layout.invest.repository import plan_baseline
from sq_layout.plan.dataset import Dataset
from sq_layout.upload_limits import describe

HEAD = "企业名称,统一社会信用代码,角色,产业链,环节,区域,载体,经度,纬度"
ROWS = [
    "宿迁甲光伏有限公司,９１３５０１００Ｍ０００１００Ｙ４３,链主,晶硅光伏,电池片,泗洪县,,,",
    "乙酒业,,配套,9,,宿城区,,,",
]


@pytest.mark.parametrize("encoding", ["gbk", "gb18030", "utf-8", "utf-8-sig", "utf-16"])
def test_csv_in_the_encodings_excel_saves_is_read(ds: Dataset, links: pd.DataFrame, encoding: str) -> None:
    data = "\r\n".join([HEAD, *ROWS]).encode(encoding)
    (res,) = read_upload(ds, "企业.csv", data, links)
    assert res.ok, res.problems
    assert res.table is not None
    assert res.table["name"].tolist() == ["宿迁甲光伏有限公司", "乙酒业"]
    assert res.table["credit_code"].tolist() == ["91350100M000100Y43", ""]  # full-width digits normalised


def test_bytes_no_encoding_reads_are_refused_in_the_readers_language(ds: Dataset, links: pd.DataFrame) -> None:
    data = HEAD.encode("gbk") + b"\r\n\x80\xff\xfe\x81,3\r\n"
    cases: tuple[tuple[Lang, str], ...] = (("zh", "文字编码"), ("en", "unreadable text"))
    for lang, words in cases:
        with pytest.raises(DataError) as err:
            read_upload(ds, "坏.csv", data, links, lang=lang)
        shown = describe(err.value, lang)
        assert words in shown and "坏.csv" in shown and "Traceback" not in shown


KEPT = {
    "firms": ["name", "credit_code", "role", "chains", "links", "area_id", "approximate", "carrier"],
    "projects": ["name", "firm", "investment_yi", "stage", "chains", "links", "area_id", "approximate", "carrier"],
}


@pytest.mark.parametrize(("source", "lang"), [("demo", "zh"), ("plan", "zh"), ("demo", "en"), ("plan", "en")])
def test_records_export_imports_back_equal(ds: Dataset, links: pd.DataFrame, source: str, lang: Lang) -> None:
    data = demo_data(ds, 300, 90) if source == "demo" else plan_baseline(ds)
    book = records_xlsx(ds, data, data.firms, data.projects, lang)
    wb = load_workbook(io.BytesIO(book))
    about, firms, projects = {"zh": ("说明", "企业", "项目"), "en": ("About", "Firms", "Projects")}[lang]
    assert wb.sheetnames[:3] == [about, firms, projects]
    assert wb[about]["B3"].value == "WGS-84" and wb[firms]["A1"].value == {"zh": "企业名称", "en": "Name"}[lang]
    if lang == "en":  # every header and value a reader reads is English, bar names (firms', parks') and 示例
        heads = [c.value for ws in (wb[firms], wb[projects]) for c in ws[1]]
        assert not any(re.search(r"[\u4e00-\u9fff]", str(h)) for h in heads), heads
        col = next(c.column_letter for c in wb[projects][1] if c.value == "Stage")
        stages = {c.value for c in wb[projects][col][1:]}
        assert stages and stages <= {"Lead", "In talks", "Reserve", "Signed", "Started", "Completed", "In production"}
        assert "示例" in str(wb[about]["A1"].value) or source == "plan"
    results = read_upload(ds, "records.xlsx", book, data.links, "gcj02")  # the workbook's WGS-84 wins
    assert all(r.ok for r in results), [r.problems.head() for r in results]
    got = {r.kind: r.table for r in results if r.table is not None}
    for kind, cols in KEPT.items():
        before = getattr(data, kind).reset_index(drop=True)
        after = got[kind]
        assert len(after) == len(before) > 0
        pd.testing.assert_frame_equal(after[cols], before[cols], check_dtype=False)
        assert after[["lon", "lat"]].to_numpy() == pytest.approx(before[["lon", "lat"]].to_numpy(), abs=1e-9)
        if kind == "projects":
            for c in [c for c in before.columns if c.startswith("date_")]:
                assert after[c].equals(before[c].astype("datetime64[ns]")), c


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_target_firms_export_imports_back_equal(ds: Dataset, links: pd.DataFrame, lang: Lang) -> None:
    from datetime import date

    from sq_layout.invest.workbench import add_prospect

    data = demo_data(ds, 20, 5)
    for i, (prov, city, cat) in enumerate(
        [("上海市", "", "长三角"), ("江苏省", "苏州市", "苏州对口"), ("广东省", "深圳市", "珠三角")]
    ):
        record: dict[str, object] = {
            "name": f"示例目标{i}", "province": prov, "city": city, "chains": "3;4", "links": "c3-cell",
            "category": cat, "area_id": "sihong" if i else "", "owner": "招商局", "next_step": "=拜访",
            "date_added": date(2025, 11, i + 1)}  # fmt: skip
        data = add_prospect(data, record)
    book = records_xlsx(ds, data, data.firms.iloc[:0], data.projects.iloc[:0], lang)
    results = {r.kind: r for r in read_upload(ds, "records.xlsx", book, data.links)}
    assert results["prospects"].ok, results["prospects"].problems
    got = results["prospects"].table
    assert got is not None
    cols = ["name", "province", "city", "chains", "links", "category", "status", "area_id", "owner", "next_step",
            "date_added"]  # fmt: skip
    pd.testing.assert_frame_equal(got[cols], data.prospects[cols].reset_index(drop=True), check_dtype=False)


@pytest.mark.parametrize(
    ("firm", "project"),
    [("示例苏州光伏材料公司", "示例苏州光伏材料公司项目"), ("Demo Suzhou PV Ltd", "Demo Suzhou PV Ltd project")],
)
def test_a_target_firm_becomes_a_project_named_in_its_own_script(ds: Dataset, firm: str, project: str) -> None:
    from datetime import date

    from sq_layout.invest.workbench import add_prospect, to_project

    data = add_prospect(plan_baseline(ds), {"name": firm, "province": "江苏省", "chains": "3", "category": "苏州对口"})
    pid = str(data.prospects["prospect_id"].iloc[-1])
    moved = to_project(ds, data, pid, "sihong", 2.0, date(2025, 11, 5), "en")
    row = moved.projects.iloc[-1]
    assert (row["name"], row["firm"], row["stage"]) == (project, firm, "线索")
