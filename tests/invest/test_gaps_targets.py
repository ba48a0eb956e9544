"""The gap matrix and 补链 list on a hand-made example; the targets dashboard's counts and growth rates."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
import pytest
from openpyxl import load_workbook

from sq_layout.export.dataexport import neutralise_cell
from sq_layout.i18n import Lang, headers
from sq_layout.invest.gapexport import gap_xlsx
from sq_layout.invest.gaps import chain_hosts, gap_list, gap_matrix
from sq_layout.invest.repository import InvestData, plan_baseline
from sq_layout.invest.schemas import FIRMS, PROJECTS
from sq_layout.invest.seed import read_targets
from sq_layout.invest.targets import chain_progress, progress_view, project_progress, stage_counts, yearly_target
from sq_layout.plan.dataset import Dataset
from tests.frames import row


def firm(name: str, chains: str, links: str, area: str) -> dict[str, object]:
    return dict(
        firm_id=name, name=name, credit_code="", role="配套", chains=chains, links=links, area_id=area,
        area_stated="", area_flag=False, carrier="", lon=118.3, lat=33.5, approximate=False, origin="user",
        source="test",
    )  # fmt: skip


@pytest.fixture(scope="module")
def data(ds: Dataset) -> InvestData:
    base = plan_baseline(ds)
    firms = pd.DataFrame(
        [
            firm("a", "3", "c3-silicon", "sihong"),
            firm("b", "3", "c3-silicon;c3-cell", "jingkai"),
            firm("c", "3;9", "c3-module;c9-brewing", "sihong"),
            firm("d", "3", "", "jingkai"),
            firm("e", "9", "c9-brewing", "susu"),
        ]
    )
    return replace(base, firms=FIRMS.validate(firms))


def test_gap_matrix_counts_firms_per_link_and_area(ds: Dataset, data: InvestData) -> None:
    m = gap_matrix(ds, data, 3)
    assert list(m.index) == ["c3-silicon", "c3-glass", "c3-materials", "c3-cell", "c3-module", "c3-inverter",
                             "c3-combiner", ""]  # fmt: skip
    assert m.loc["c3-silicon", "sihong"] == 1 and m.loc["c3-silicon", "jingkai"] == 1
    assert m.loc["c3-cell", "jingkai"] == 1 and m.loc["c3-module", "sihong"] == 1 and m.loc["", "jingkai"] == 1
    assert int(m.to_numpy().sum()) == 5 and m["susu"].sum() == 0  # firm e is on chain 9 only


def test_gap_list_names_empty_links_and_empty_host_areas(ds: Dataset, data: InvestData) -> None:
    assert chain_hosts(ds, 3) == ["sihong", "jingkai", "susu"]
    g = gap_list(ds, data, 3)
    assert g.loc[g["gap"] == "link", "key"].tolist() == ["c3-glass", "c3-materials", "c3-inverter", "c3-combiner"]
    assert g.loc[g["gap"] == "area", "key"].tolist() == ["susu"]
    assert g["source"].iloc[0] == "规划第771行：进一步强化光伏玻璃产品技术优势"


def test_gap_xlsx_neutralises_formula_text(ds: Dataset, data: InvestData) -> None:
    links = data.links.copy()
    links.loc[links["link_id"] == "c3-glass", "name"] = '=HYPERLINK("http://x")'
    wb = load_workbook(io.BytesIO(gap_xlsx(ds, replace(data, links=links), 3)))
    cells = [c.value for row in wb["补链清单"].iter_rows() for c in row]
    assert '\'=HYPERLINK("http://x")' in cells and not any(str(v).startswith("=") for v in cells if v)
    assert [neutralise_cell(v) for v in ("+1", "-1", "@a", "ok", 5)] == ["'+1", "'-1", "'@a", "ok", 5]


def project(pid: str, inv: float, *dates: str) -> dict[str, object]:
    stage = ("签约", "开工", "竣工", "投产")[len(dates) - 1]
    cols = ("date_signed", "date_started", "date_completed", "date_operating")
    row = dict(project_id=pid, name=pid, firm="", investment_yi=inv, stage=stage, chains="3", links="",
               area_id="sihong", area_stated="", area_flag=False, carrier="", lon=118.3, lat=33.5,
               approximate=False, origin="user", source="test")  # fmt: skip
    early = dict.fromkeys(("date_lead", "date_talks", "date_reserve"), pd.NaT)  # the pipeline before 签约
    return row | early | {c: pd.Timestamp(dates[i]) if i < len(dates) else pd.NaT for i, c in enumerate(cols)}


@pytest.fixture(scope="module")
def projects() -> pd.DataFrame:
    rows = [
        project("p1", 60, "2024-01-10"),
        project("p2", 12, "2024-02-01", "2024-05-01"),
        project("p3", 0.5, "2023-12-01", "2024-03-01"),
        project("p4", 3, "2023-06-01", "2023-09-01", "2024-08-01"),
        project("p5", 2, "2022-01-01", "2022-06-01", "2023-01-01", "2024-01-01"),
    ]
    frame = pd.DataFrame(rows)
    dates = [c for c in frame.columns if c.startswith("date_")]
    frame[dates] = frame[dates].astype("datetime64[ns]")
    return PROJECTS.validate(frame[list(PROJECTS.columns)])


def test_gsbq_progress_counts_by_threshold_and_stage_date(projects: pd.DataFrame) -> None:
    p = project_progress(projects, read_targets(), 2024).set_index("target_id")
    assert p.loc["land_1yi", "value"] == 1 and p.loc["land_1yi", "target"] == 366  # p2 started in 2024; leap year
    assert p.loc["sign_50yi", "value"] == 1 and p.loc["sign_10yi", "value"] == 2  # ≥10 includes ≥50
    assert p.loc["completed_invest", "value"] == 3 and p.loc["completed_invest", "target"] == 1500
    assert p.loc["sign_10yi", "progress"] == pytest.approx(0.02)
    assert set(p["line"]) == {877} and yearly_target("per_day", 2023) == 365


@pytest.mark.parametrize(("lang", "head", "units"), [("zh", "全年目标", {"个", "亿元"}), ("en", "Year's target", None)])
def test_gsbq_view_heads_the_target_by_year_not_as_2025_yuan(
    projects: pd.DataFrame, lang: Lang, head: str, units: set[str] | None
) -> None:
    """The 个十百千 targets are a year's, three of them counts: their column is not the chains' “2025年目标（亿元）”."""
    shown = progress_view(project_progress(projects, read_targets(), 2024), lang)
    heads = headers(list(shown.columns), lang)
    assert heads["year_target"] == head and "2025" not in " ".join(heads.values())
    assert shown.set_index("label")["year_target"].tolist() == [366, 10, 100, 1500]  # 2024 is a leap year
    assert len(set(shown["unit"])) == 2 and (units is None or set(shown["unit"]) == units)


def test_stage_counts(projects: pd.DataFrame) -> None:
    s = stage_counts(projects, 2024).set_index("stage")
    assert row(s, "签约")[["all", "ge_1", "ge_10", "ge_50"]].tolist() == [2, 2, 2, 1]
    assert row(s, "开工")[["all", "ge_1"]].tolist() == [2, 1] and s.loc["投产", "all"] == 1
    assert s.loc["签约", "investment_yi"] == 72


def test_chain_progress_required_growth_and_status(ds: Dataset) -> None:
    actuals = pd.DataFrame(
        {"chain_no": [3, 3, 1, 2], "year": [2022, 2023, 2023, 2023], "area_id": ["", "", "", "sihong"],
         "output_yi": [500.0, 850.0, 300.0, 999.0], "source": "test"}
    )  # fmt: skip
    p = chain_progress(ds, actuals).set_index("chain_no")
    assert p.loc[3, "year"] == 2023 and p.loc[3, "actual_yi"] == 850  # latest city-wide figure
    assert p.loc[3, "required_cagr"] == pytest.approx((1000 / 850) ** 0.5 - 1)
    assert p.loc[3, "status"] == "on_track" and p.loc[1, "status"] == "behind"  # 化学纤维: 300 < 600 (2023 target)
    assert p.loc[2, "status"] == "no_data"  # an area's figure is never compared with a city-wide target
    assert p.loc[3, "line"] == 922 and p.loc[3, "progress"] == pytest.approx(0.85)


def test_user_links_fill_a_chain_the_plan_left_empty(ds: Dataset, data: InvestData) -> None:
    from sq_layout.invest.repository import replace_links

    edited = pd.DataFrame({"link_id": [None, None], "stage": ["上游", "下游"], "name": ["玻璃原片", "光伏玻璃深加工"],
                           "source": ["", "招商局"], "line": [None, None], "quote": ["", ""]})  # fmt: skip
    out = replace_links(data, 13, edited)
    mine = out.links[out.links["chain_no"] == 13]
    assert mine["link_id"].tolist() == ["c13-u1", "c13-u2"] and mine["source"].tolist() == ["用户", "招商局"]
    assert len(out.links) == len(data.links) + 2
    assert gap_list(ds, out, 13).query("gap == 'link'")["subject"].tolist() == ["玻璃原片", "光伏玻璃深加工"]
    with pytest.raises(Exception, match="stage"):
        replace_links(data, 13, edited.assign(stage=["上游", "最下游"]))


def test_gap_print_page_lists_the_gaps_under_the_map(ds: Dataset, data: InvestData) -> None:
    from sq_layout.invest.gapexport import gap_print_table
    from sq_layout.printing.gap_page import gap_page_bytes
    from sq_layout.printing.printmap import PrintSpec

    table = gap_print_table(ds, data, 3)
    assert table["对象"].tolist() == ["光伏玻璃", "焊带、背板、银浆", "光伏逆变器", "汇流箱", "苏宿工业园区"]
    assert table["出处"].iloc[0] == "规划第771行"
    english = gap_print_table(ds, data, 3, "en")  # printed from an English page: it read 类型 … 规划第771行
    assert list(english.columns) == ["Kind", "Stage", "Subject", "Note", "Source"]
    assert english["Source"].iloc[0] == "Plan line 771" and english["Stage"].iloc[0] == "Upstream"
    assert english["Subject"].iloc[-1] == "Suzhou-Suqian Industrial Park"
    from matplotlib.text import Text

    from sq_layout.printing.gap_page import render_gap_page

    fig = render_gap_page(ds, english, 3, False, PrintSpec(dpi=72, lang="en"))
    assert "Gap list: Crystalline-silicon PV" in {str(x.get_text()) for x in fig.findobj(Text)}  # not 补链清单
    pdf = gap_page_bytes(ds, table, 3, data.demo, PrintSpec(dpi=72), "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 20_000


def test_an_english_gap_list_names_the_plans_links_in_english(ds: Dataset) -> None:
    """The Gaps view and its workbook name a plan link as the chain diagram does (Ingots and wafers, not 硅棒…)."""
    from sq_layout.invest.gapexport import gap_tables
    from sq_layout.invest.seed import link_names

    data = plan_baseline(ds)
    english = link_names(data.links, "en")
    g, m = gap_tables(ds, data, 3, lang="en")
    links = g[g["gap"] == "Link with no firm in the city (target to attract)"]["subject"]
    assert len(links) and set(links) <= set(english.values())
    assert not any("\u4e00" <= ch <= "\u9fff" for name in [*links, *m.index] for ch in name)
    zh, _ = gap_tables(ds, data, 3, lang="zh")
    assert set(zh["subject"]) & set(data.links["name"])  # the Chinese page keeps the plan's words
