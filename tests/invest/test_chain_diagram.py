"""The plan's named firms, projects, links and intents (verbatim on their lines) and the chain diagram built on them."""

from __future__ import annotations

import io
import re
from dataclasses import replace

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from layers.chain_diagram import diagram_svg
from sq_layout.chain_model import GRADE_RULES, grade, rules_text
from sq_layout.i18n import Lang
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.gaps import gap_list
from sq_layout.invest.repository import add_records, plan_baseline
from sq_layout.invest.seed import plan_unplaced, read_intents, read_link_plan, read_named
from sq_layout.paths import PLAN_DIR
from sq_layout.plan.dataset import Dataset

TEXT = (PLAN_DIR / "plan_text.txt").read_text(encoding="utf-8").split("\n")


def on_line(line: int, quote: str) -> bool:
    return bool(quote) and quote in TEXT[line - 1]


def test_named_records_stand_verbatim_on_their_lines() -> None:
    named = read_named()
    assert {"天合光能", "双星彩塑", "博迁新材料", "洋河股份"} <= set(named["name"])
    for r in named.to_dict("records"):
        assert on_line(r["line"], r["quote"]), r["record_id"]
        assert r["name"] in r["quote"] or r["firm"] == TEXT[r["line"] - 2].strip(), r["record_id"]
        if r["role_line"]:
            assert on_line(int(r["role_line"]), r["role_quote"]), r["record_id"]
        if r["stage_line"]:
            assert on_line(int(r["stage_line"]), r["stage_quote"]), r["record_id"]
        assert r["chain_basis"] in (("plan", "app") if r["chains"] else ("",)), r["record_id"]
    table3 = named[named["record_id"].str.startswith("T3-")]
    assert len(table3) == 10 and set(table3["line"] - 1) == {145, 152, 159, 166, 173, 180, 187, 194, 201, 208}
    assert table3.set_index("firm").at["天合光能（宿迁）光伏产业园", "line"] == 167


def test_links_and_intents_stand_verbatim_on_their_lines() -> None:
    links = pd.read_csv(PLAN_DIR / "chain_links.csv", dtype=str, keep_default_na=False)
    for r in links.to_dict("records"):
        assert on_line(int(r["line"]), r["quote"]), r["link_id"]
    assert set(read_link_plan()["stage_basis"]) == {"plan", "app"}
    for r in read_intents().to_dict("records"):
        assert r["intent"] in ("强链", "补链", "延链") and on_line(r["line"], r["quote"]), r["link_id"]
        assert r["link_id"] in set(links["link_id"])
    # 向下游: where the plan says so, the stage is the plan's
    plan_down = links[links["stage_basis"] == "plan"]
    assert set(plan_down[plan_down["chain_no"] == "15"]["link_id"]) >= {"c15-lcp", "c15-wetchem", "c15-oil"}
    asks = dict(zip(links["name"], links["line"], strict=True))
    assert asks["精密铸造"] == "747" and asks["智能化纺织机械"] == "769" and asks["燃料电池部件"] == "746"
    assert {"1", "6", "7", "8", "14", "16"} <= set(links["chain_no"])


def test_nothing_is_placed_where_the_plan_does_not_put_it(ds: Dataset) -> None:
    base = plan_baseline(ds)
    named = read_named().set_index("name")
    for t in (base.firms, base.projects):
        mine = t[t["origin"] == "plan"]
        assert mine["approximate"].all()
    for r in base.projects.to_dict("records"):
        assert named.loc[r["name"], "area_id"] == r["area_id"]
    unplaced = plan_unplaced(ds)
    assert "天合光能" in set(unplaced["name"]) and not (set(unplaced["name"]) & set(base.firms["name"]))


def test_the_baseline_gap_list_says_only_what_the_plan_leaves_open(ds: Dataset) -> None:
    base = plan_baseline(ds)
    links9 = gap_list(ds, base, 9).query("gap == 'link'")["key"]
    assert "c9-brewing" not in set(links9)  # 洋河股份, 双沟股份, 双沟酿酒厂 (and 青岛啤酒) are on it
    assert set(links9) == {"c9-grain", "c9-qu", "c9-packaging", "c9-printing", "c9-design"}


@given(firms=st.integers(0, 8), leaders=st.integers(0, 3), projects=st.integers(0, 5), inv=st.floats(0, 400))
@settings(max_examples=200, deadline=None)
def test_grade_follows_the_stated_thresholds(firms: int, leaders: int, projects: int, inv: float) -> None:
    leaders = min(leaders, firms)
    inv = inv if projects else 0.0
    g = grade(firms, leaders, projects, inv)
    r = GRADE_RULES
    if firms + projects == 0:
        assert g == "缺"
    elif leaders >= r.strong_leaders or firms >= r.strong_firms or inv >= r.strong_investment_yi:
        assert g == "强"
    else:
        assert g == "弱"


def test_rules_are_stated_from_the_registry() -> None:
    strict = replace(GRADE_RULES, strong_firms=7, strong_investment_yi=55.5)
    assert "≥7" in rules_text(strict, "zh") and "55.5" in rules_text(strict, "en")


def _firm(i: int, chains: str, links: str, role: str, area: str, lon: float, lat: float) -> dict[str, object]:
    return {
        "firm_id": f"t{i}", "name": f"测试企业{i}", "credit_code": "", "role": role, "chains": chains, "links": links,
        "area_id": area, "area_stated": area, "area_flag": False, "carrier": "", "lon": lon, "lat": lat,
        "approximate": False, "origin": "user", "source": "测试",
    }  # fmt: skip


def test_chain_diagram_model_grades_nodes_from_the_records(ds: Dataset) -> None:
    base = plan_baseline(ds)
    d = chain_diagram(ds, base, 3)
    nodes = {n.link_id: n for n in d.nodes}
    assert [n.stage for n in d.nodes] == sorted((n.stage for n in d.nodes), key=["上游", "中游", "下游"].index)
    assert nodes["c3-module"].projects == 3 and nodes["c3-module"].grade == "强"  # 天合, 龙恒, 阿特斯 (表三)
    assert nodes["c3-inverter"].grade == "缺" and [i.intent for i in nodes["c3-inverter"].intents] == ["补链"]
    assert nodes["c3-cell"].intents[0].line == 771 and on_line(771, nodes["c3-cell"].intents[0].quote)
    assert (nodes["c3-module"].records["area_id"] == "").all()  # the plan gives these projects no place
    # two firms on 光伏玻璃 make it weak, a third makes it strong (GRADE_RULES.strong_firms == 3)
    lon, lat = base.firms.iloc[0][["lon", "lat"]]
    rows = [_firm(i, "3", "c3-glass", "配套", "sihong", lon, lat) for i in range(3)]
    two = add_records(base, {"firms": pd.DataFrame(rows[:2])})
    assert {n.link_id: n for n in chain_diagram(ds, two, 3).nodes}["c3-glass"].grade == "弱"
    three = add_records(base, {"firms": pd.DataFrame(rows)})
    glass = {n.link_id: n for n in chain_diagram(ds, three, 3).nodes}["c3-glass"]
    assert glass.grade == "强" and glass.firms == 3 and set(glass.records["area_id"]) == {"sihong"}
    leader = add_records(base, {"firms": pd.DataFrame([_firm(9, "3", "c3-glass", "链主", "sihong", lon, lat)])})
    assert {n.link_id: n for n in chain_diagram(ds, leader, 3).nodes}["c3-glass"].grade == "强"
    c15 = {n.link_id: n for n in chain_diagram(ds, base, 15).nodes}
    assert c15["c15-lcp"].stage_basis == "plan" and c15["c15-monomer"].stage_basis == "app"


def test_any_number_of_chains_is_accepted(ds: Dataset) -> None:
    from sq_layout.invest.schemas import ACTUALS, LINKS

    base = plan_baseline(ds)
    extra = pd.DataFrame([{"link_id": "c27-x", "chain_no": 27, "position": 1, "stage": "上游", "name": "某环节",
                           "source": "用户", "line": pd.NA, "quote": ""}]).astype({"line": "Int64"})  # fmt: skip
    LINKS.validate(pd.concat([base.links, extra], ignore_index=True))
    ACTUALS.validate(pd.DataFrame([{"chain_no": 31, "year": 2025, "area_id": "", "output_yi": 1.0, "source": "x"}]))
    from layers.invest import chain_color

    assert chain_color(21) == chain_color(1) and chain_color(40).startswith("#")


def test_svg_escapes_every_text(ds: Dataset) -> None:
    base = plan_baseline(ds)
    hostile = base.links.copy()
    hostile.loc[hostile["link_id"] == "c3-glass", "name"] = '<script>alert("x")</script>&'
    d = chain_diagram(ds, replace(base, links=hostile), 3)
    svg = diagram_svg(d, "zh", "c3-glass")
    assert "<script>" not in svg and "&lt;script&gt;" in svg and "&amp;" in svg
    from xml.etree import ElementTree

    root = ElementTree.fromstring(svg)  # well-formed XML
    assert len(root.findall(".//{http://www.w3.org/2000/svg}rect")) >= len(d.nodes)
    en = diagram_svg(chain_diagram(ds, base, 3), "en")
    assert "Upstream" in en and "Modules*" in en and "Fill" in en


@pytest.mark.parametrize(("paper", "lang"), [("a4", "zh"), ("a3", "en")])
def test_print_page_pdf_text_has_the_chain_nodes(ds: Dataset, paper: str, lang: Lang) -> None:
    from pypdf import PdfReader

    from sq_layout.printing.chain_page import chain_page_bytes
    from sq_layout.printing.printmap import PrintSpec

    d = chain_diagram(ds, plan_baseline(ds), 9)
    pdf = chain_page_bytes(ds, d, PrintSpec(paper=paper, dpi=72, lang=lang))
    text = re.sub(r"\s+", "", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    for n in d.nodes:
        assert re.sub(r"\s+", "", n.name if lang == "zh" else n.name_en) in text, n.name
    assert ("810" in text) and (("强链" in text) if lang == "zh" else ("Strengthen" in text))
    svg = chain_page_bytes(ds, d, PrintSpec(paper=paper, dpi=72, lang=lang), "svg")
    assert svg.startswith(b"<?xml")


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_every_link_name_is_whole_on_the_diagram_on_screen_and_in_print(ds: Dataset, lang: Lang) -> None:
    from xml.etree import ElementTree

    from pypdf import PdfReader

    from sq_layout.chain_model import label_lines, node_label
    from sq_layout.printing.chain_page import chain_page_bytes
    from sq_layout.printing.printmap import PrintSpec

    base, svg_ns = plan_baseline(ds), "{http://www.w3.org/2000/svg}"
    longest = max(
        (chain_diagram(ds, base, int(c)) for c in ds.chains["chain_no"]),
        key=lambda d: max((len(node_label(n, lang)) for n in d.nodes), default=0),
    )
    for n in longest.nodes:
        assert "…" not in "".join(label_lines(n, lang)), node_label(n, lang)
    root = ElementTree.fromstring(diagram_svg(longest, lang))
    shown = " ".join(e.text or "" for g in root.iter(f"{svg_ns}g") for e in g.findall(f"{svg_ns}text"))
    pdf = chain_page_bytes(ds, longest, PrintSpec(paper="a4", dpi=72, lang=lang))
    printed = re.sub(r"\s+", "", PdfReader(io.BytesIO(pdf)).pages[0].extract_text())
    for n in longest.nodes:
        assert " ".join(label_lines(n, lang)) in shown
        assert re.sub(r"\s+", "", node_label(n, lang)) in printed
    assert any(len(label_lines(n, lang)) == 2 for n in longest.nodes)  # the longest name takes two lines
