"""Importing firms, projects and actuals: good rows land converted and placed; every bad-row class is reported."""

from __future__ import annotations

import io
from collections.abc import Sequence

import numpy as np
import pandas as pd
import pytest
from openpyxl import load_workbook
from shapely import Point

from sq_layout.geo.crs import wgs84_to_gcj02
from sq_layout.i18n import Lang
from sq_layout.i18n.shown import source
from sq_layout.invest.importer import read_upload
from sq_layout.invest.locate import area_shapes
from sq_layout.invest.repository import MemoryRepository, add_records, plan_baseline
from sq_layout.invest.template import CRS_CELL, template_bytes
from sq_layout.plan.dataset import Dataset
from tests.frames import row, text

SIHONG = (118.30, 33.45)  # WGS-84, inside 泗洪县
FIRM_HEAD = "企业名称,统一社会信用代码,角色,产业链,环节,区域,载体,经度,纬度"
PROJECT_HEAD = "项目名称,企业,总投资（亿元）,阶段,签约日期,开工日期,竣工日期,投产日期,产业链,区域"


def gcj(lonlat: tuple[float, float]) -> tuple[float, float]:
    g = wgs84_to_gcj02(np.array([lonlat]))[0]
    return float(g[0]), float(g[1])


def csv(*rows: str) -> bytes:
    return "\n".join(rows).encode("utf-8")


def firms_csv(*rows: str) -> bytes:
    return csv(FIRM_HEAD, *rows)


def test_good_firms_are_converted_placed_and_flagged(ds: Dataset, links: pd.DataFrame) -> None:
    lon, lat = gcj(SIHONG)
    (res,) = read_upload(
        ds,
        "f.csv",
        firms_csv(
            f"甲光伏,91350100M000100Y43,链主,晶硅光伏,电池片;组件,泗洪县,,{lon},{lat}",
            f"乙公司,,配套,3；9,酿造,宿城区,,{lon},{lat}",  # stated 宿城区 but the point is in 泗洪县
            "<b>丙</b>,,,半固态成形制造,半固态压铸,,沭阳半固态成形产业园,,",  # no coordinates: its park
        ),
        links,
        "gcj02",
    )
    assert res.ok, res.problems
    t = res.table
    assert t is not None
    assert row(t, 0)[["lon", "lat"]].tolist() == pytest.approx(SIHONG, abs=1e-8)  # GCJ-02 converted to WGS-84
    assert t["area_id"].tolist() == ["sihong", "sihong", "shuyang"]
    assert t["area_flag"].tolist() == [False, True, False]
    assert t["approximate"].tolist() == [False, False, True]
    assert t.loc[0, "links"] == "c3-cell;c3-module" and t.loc[1, "chains"] == "3;9"
    assert t.loc[1, "links"] == "c9-brewing" and t.loc[2, "name"] == "<b>丙</b>"
    place = area_shapes(ds).set_index("area_id").at["shuyang", "place"]
    assert isinstance(place, Point)
    assert (t.loc[2, "lon"], t.loc[2, "lat"]) == (place.x, place.y)
    assert t["source"].tolist() == ["f.csv 企业 第2行", "f.csv 企业 第3行", "f.csv 企业 第4行"]
    # stored once, shown in the reader's language (the file's name as it is)
    assert [source(s, "en") for s in t["source"][:2]] == ["f.csv, sheet Firms, row 2", "f.csv, sheet Firms, row 3"]
    assert source("规划第166行；第170行：链主", "en") == "Plan line 166; line 170: Chain leader"


def test_template_round_trip_with_gcj02_declared_in_the_workbook(ds: Dataset, links: pd.DataFrame) -> None:
    wb = load_workbook(io.BytesIO(template_bytes(ds, links)))
    assert wb.sheetnames[:4] == ["说明", "选项", "企业", "项目"] and wb["说明"][CRS_CELL].value == "GCJ-02"
    assert any(dv.formula1.startswith("'选项'!") for dv in wb["企业"].data_validations.dataValidation)
    lon, lat = gcj(SIHONG)
    wb["企业"].append(["甲光伏", "", "龙头", "晶硅光伏", "电池片", "", "", lon, lat])
    early = [None, None, None]  # 线索 / 在谈 / 储备 dates
    wb["项目"].append(
        ["一期", "甲光伏", 60, "开工", *early, "2024-01-05", "2024-03-01", None, None, "3", "", "", "", lon, lat]
    )
    wb["实际产值"].append(["晶硅光伏", 2024, "", 610.5, "统计快报"])
    buf = io.BytesIO()
    wb.save(buf)
    results = read_upload(ds, "t.xlsx", buf.getvalue(), links, "wgs84")  # the workbook's GCJ-02 wins
    assert all(r.ok for r in results), [r.problems for r in results]
    got = {r.kind: r.table for r in results if r.table is not None}
    assert row(got["firms"], 0)[["lon", "lat"]].tolist() == pytest.approx(SIHONG, abs=1e-8)
    assert got["projects"].loc[0, "investment_yi"] == 60 and got["projects"].loc[0, "area_id"] == "sihong"
    assert row(got["actuals"], 0)[["chain_no", "year", "output_yi"]].tolist() == [3, 2024, 610.5]
    repo = MemoryRepository(plan_baseline(ds))
    repo.save(add_records(repo.load(), got), "import t.xlsx")
    firms = repo.load().firms
    assert len(firms) == len(plan_baseline(ds).firms) + 1 and firms["firm_id"].iloc[-1] == "F00001"


def test_the_template_in_english_is_filled_in_english_and_reads_back(ds: Dataset, links: pd.DataFrame) -> None:
    wb = load_workbook(io.BytesIO(template_bytes(ds, links, "en")))
    assert wb.sheetnames == ["About", "Lists", "Firms", "Projects", "Output", "Target firms"]
    assert [c.value for c in wb["Firms"][1]][:4] == ["Name", "Unified social credit code", "Role", "Chains"]
    assert wb["About"]["A1"].value.startswith("Suqian") and wb["About"][CRS_CELL].value == "GCJ-02"
    assert "Chain leader / Benchmark firm" in wb["Firms"]["C1"].comment.text  # the choices as they may be written
    lists = {c.value for col in wb["Lists"].iter_cols(min_row=2) for c in col if c.value}
    assert {"Crystalline-silicon PV", "Sihong County", "Cells", "In talks", "Yangtze River Delta"} <= lists
    lon, lat = gcj(SIHONG)
    wb["Firms"].append(["A Solar", "", "Chain leader", "Crystalline-silicon PV", "Cells;Modules", "", "", lon, lat])
    wb["Projects"].append(
        ["Phase 1", "A Solar", 60, "in talks", None, "2024-01-05", *[None] * 5, "3", "", "Sihong County"]
    )
    wb["Target firms"].append(["B Corp", "上海市", "", "3", "Cells", "Yangtze River Delta", "Negotiating", "", "", ""])
    buf = io.BytesIO()
    wb.save(buf)
    results = read_upload(ds, "t.xlsx", buf.getvalue(), links, "wgs84")
    assert all(r.ok for r in results), [r.problems for r in results]
    got = {r.kind: r.table for r in results if r.table is not None}
    assert row(got["firms"], 0)[["role", "chains", "links"]].tolist() == ["链主", "3", "c3-cell;c3-module"]
    assert row(got["projects"], 0)[["stage", "area_id"]].tolist() == ["在谈", "sihong"]
    assert row(got["prospects"], 0)[["category", "status", "links"]].tolist() == ["长三角", "洽谈中", "c3-cell"]


def problems(
    ds: Dataset, links: pd.DataFrame, data: bytes, crs: str = "wgs84", lang: Lang = "en"
) -> dict[tuple[object, object], str]:
    (res,) = read_upload(ds, "bad.csv", data, links, crs, lang=lang)
    assert not res.ok and res.table is None  # nothing is accepted
    return {(r.row, r.column): text(r.expected) for r in res.problems.itertuples()}


def test_unknown_chain_and_link(ds: Dataset, links: pd.DataFrame) -> None:
    rows = firms_csv("甲,,,光伏发电,,泗洪县,,,", "乙,,,3,不存在的环节,泗洪县,,,", "丙,,,2,,泗洪县,,,")
    got = problems(ds, links, rows)
    assert "晶硅光伏" not in got[(2, "产业链")]  # the choices in the reader's language, as the file may write them
    assert "Crystalline-silicon PV" in got[(2, "产业链")] and "Cells" in got[(3, "环节")]
    assert (4, "产业链") not in got  # a good row among bad ones is still not accepted, but not reported
    got = problems(ds, links, rows, lang="zh")
    assert "晶硅光伏" in got[(2, "产业链")] and "电池片" in got[(3, "环节")]


def test_invalid_credit_code_and_duplicates(ds: Dataset, links: pd.DataFrame) -> None:
    got = problems(
        ds,
        links,
        firms_csv(
            "甲,91350100M000100Y44,,3,,泗洪县,,,",
            "乙,91350100M000100Y43,,3,,泗洪县,,,",
            "丙,91350100M000100Y43,,3,,泗洪县,,,",
        ),
    )
    assert "check character" in got[(2, "统一社会信用代码")] and "earlier row" in got[(4, "统一社会信用代码")]
    assert (3, "统一社会信用代码") not in got


def test_coordinates_outside_the_city_or_half_given(ds: Dataset, links: pd.DataFrame) -> None:
    lon, lat = SIHONG
    got = problems(ds, links, firms_csv(f"甲,,,3,,,,{lat},{lon}", "乙,,,3,,,,118.3,", "丙,,,3,,,,,"))
    assert "inside Suqian" in got[(2, "经度")] and "swapped" in got[(2, "经度")]
    assert "both" in got[(3, "经度")] and "an Area" in got[(4, "区域")]


def test_non_finite_amounts_and_dates_out_of_order(ds: Dataset, links: pd.DataFrame) -> None:
    got = problems(
        ds,
        links,
        csv(
            PROJECT_HEAD,
            "A,甲,inf,签约,2024-01-02,,,,3,泗洪县",
            "B,甲,NaN,签约,2024-01-02,,,,3,泗洪县",
            "C,甲,-5,签约,2024-01-02,,,,3,泗洪县",
            "D,甲,10,竣工,2024-05-01,2024-03-01,2024-06-01,,3,泗洪县",
            "E,甲,10,签约,,,2024-06-01,,3,泗洪县",
            "F,甲,十亿,开工,2024-01-02,2024-13-45,,,3,泗洪县",
        ),
    )
    assert got[(2, "总投资（亿元）")] == got[(3, "总投资（亿元）")] == "a finite number"
    assert got[(4, "总投资（亿元）")] == "a number ≥ 0" and got[(7, "总投资（亿元）")] == "a number"
    assert "earlier stages" in got[(5, "开工日期")]
    assert (6, "签约日期") not in got and "stage is Signed" in got[(6, "竣工日期")]  # a stage's date may be unknown
    assert "YYYY-MM-DD" in got[(7, "开工日期")]


def test_actuals_rows(ds: Dataset, links: pd.DataFrame) -> None:
    got = problems(ds, links, csv("产业链,年份,区域,产值（亿元）", "3,2024,,400", "3,2024,,1", "3;9,2019,火星,-1"))
    assert "one figure" in got[(3, "年份")] and "one chain" in got[(4, "产业链")]
    assert "2020" in got[(4, "年份")] and "Sihong County" in got[(4, "区域")] and "≥ 0" in got[(4, "产值（亿元）")]


def test_missing_required_column_and_unknown_csv(ds: Dataset, links: pd.DataFrame) -> None:
    (res,) = read_upload(ds, "x.csv", csv("企业名称,产业链", "甲,3"), links, kind="projects")
    assert not res.ok and {"Investment (100 million yuan)", "Stage"} <= set(res.problems["column"])
    assert set(res.problems["sheet"]) == {"Projects"}  # the missing columns, as the reader's template names them
    (res,) = read_upload(ds, "x.csv", csv("企业名称,产业链", "甲,3"), links, kind="projects", lang="zh")
    assert {"总投资（亿元）", "阶段"} <= set(res.problems["column"]) and set(res.problems["sheet"]) == {"项目"}
    (res,) = read_upload(ds, "x.csv", csv("a,b", "1,2"), links)
    assert not res.ok and res.kind == "unknown"


def _book(*sheets: tuple[str, Sequence[Sequence[object]]]) -> bytes:
    from openpyxl import Workbook

    wb = Workbook()
    wb.remove(wb.active)
    for title, rows in sheets:
        ws = wb.create_sheet(title)
        for r in rows:
            ws.append(r)
    buf = io.BytesIO()
    wb.save(buf)
    return buf.getvalue()


def test_a_table_filled_in_on_both_languages_sheets_is_refused_not_halved(ds: Dataset, links: pd.DataFrame) -> None:
    from sq_layout.errors import DataError

    zh, en = ["企业名称", "产业链", "区域"], ["Name", "Chains", "Area"]
    with pytest.raises(DataError) as refused:  # which rows are meant is the user's to say: nothing is imported
        read_upload(
            ds, "x.xlsx", _book(("企业", [zh, ["甲", "3", "泗洪县"]]), ("Firms", [en, ["B", "3", "Sihong"]])), links
        )
    assert "企业" in refused.value.text("en") and "Firms" in refused.value.text("en")
    # a sheet with only its header beside a filled one: the filled one is read
    (res,) = read_upload(ds, "x.xlsx", _book(("企业", [zh]), ("Firms", [en, ["B Co", "3", "Sihong County"]])), links)
    assert res.ok and res.table is not None and res.table["name"].tolist() == ["B Co"]


def test_a_field_given_twice_is_read_and_named_by_its_first_column(ds: Dataset, links: pd.DataFrame) -> None:
    (res,) = read_upload(ds, "x.csv", csv("企业名称,Name,产业链,区域", ",甲公司,3,泗洪县"), links)
    assert not res.ok and res.problems["column"].tolist() == ["企业名称"]  # the blank read is 企业名称's, not Name's


def test_links_in_english_in_any_case_and_a_renamed_plan_link_keeps_its_own_name(
    ds: Dataset, links: pd.DataFrame
) -> None:
    from sq_layout.invest.seed import link_names

    (res,) = read_upload(ds, "x.csv", firms_csv("甲,,,3,cells；MODULES,泗洪县,,,"), links)
    assert res.ok and res.table is not None and res.table.loc[0, "links"] == "c3-cell;c3-module"
    renamed = links.assign(name=links["name"].where(links["link_id"] != "c3-cell", "钙钛矿叠层电池"))
    english = link_names(renamed, "en")
    assert (
        english["c3-cell"] == "钙钛矿叠层电池" and english["c3-module"] == "Modules"
    )  # the plan's English, while kept


def test_no_two_choices_of_a_column_are_written_the_same_way() -> None:
    from sq_layout.i18n import LANGS, label
    from sq_layout.tables.invest import IMPORTED

    for spec in IMPORTED.values():
        for c in (c for c in spec.columns if c.choices):
            ways = [w for v in c.choices for w in {x.lower() for x in (v, *(label(v, lang) for lang in LANGS))}]
            assert len(set(ways)) == len(ways), (spec.name, c.name)  # else a label could not say which value
