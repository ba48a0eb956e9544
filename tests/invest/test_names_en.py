"""Plan-named firms, projects and parks on English pages: a firm's own English name (with its source) where it has
one, a 表三 project's description in the app's translation marked as such, else the Chinese name with its pinyin
marked as a transliteration; never a made-up name for a firm."""

from __future__ import annotations

import csv
import re
from pathlib import Path

import pytest
from pypinyin import lazy_pinyin

from sq_layout.invest import seed
from sq_layout.invest.names_en import NAMES_EN, PROJECTS_EN, official, pinyin, shown_name, translated
from sq_layout.plan.dataset import Dataset
from tests.frames import number

CJK = re.compile(r"[\u4e00-\u9fff]")


def plan_names(ds: Dataset) -> set[str]:
    """Every firm, project and park name the plan baseline seeds or lists."""
    named = seed.read_named()
    frames = (seed.plan_firms(ds), seed.plan_projects(ds), seed.plan_carriers(ds))
    return {str(n) for f in frames for n in f["name"]} | set(named["name"]) | set(named["firm"]) - {""}


def test_each_english_name_is_a_plan_name_with_its_source(ds: Dataset) -> None:
    with NAMES_EN.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    assert rows and {r["name"] for r in rows} <= plan_names(ds)  # no name the plan does not give
    for r in rows:
        assert r["source"].startswith("the company's own English name (") and not CJK.search(r["name_en"]), r


@pytest.mark.parametrize("name", ["天合光能", "青岛啤酒", "桐昆集团股份有限公司"])
def test_a_firm_with_its_own_english_name_is_shown_by_it(name: str) -> None:
    assert shown_name(name, "en") == official()[name] and shown_name(name, "zh") == name


def test_each_plan_project_is_translated_from_its_own_line_and_marked_as_the_apps(ds: Dataset) -> None:
    from sq_layout.paths import PLAN_TEXT

    with PROJECTS_EN.open(encoding="utf-8", newline="") as f:
        rows = list(csv.DictReader(f))
    projects = seed.read_named().query("kind == 'project'")
    assert sorted(r["name"] for r in rows) == sorted(projects["name"])  # every 表三 project, nothing else
    lines = PLAN_TEXT.read_text(encoding="utf-8").split("\n")
    for r in rows:
        assert r["name"] in lines[int(r["line"]) - 1] and not CJK.search(r["name_en"]), r
        assert shown_name(r["name"], "en") == f"{r['name_en']} (app's translation)"
        assert shown_name(r["name"], "zh") == r["name"]


def test_every_other_plan_name_keeps_its_chinese_with_marked_pinyin(ds: Dataset) -> None:
    others = sorted(plan_names(ds) - set(official()) - set(translated()))
    assert len(others) > 40
    for name in others:
        shown = shown_name(name, "en")
        assert shown == f"{name} (pinyin: {pinyin(name)})", shown
        assert not CJK.search(pinyin(name)), name
        syllables = [s for s in lazy_pinyin(name) if CJK.search(name) and s.isascii() and s.isalpha()]
        assert all(s.capitalize() in pinyin(name) for s in syllables), (name, pinyin(name))
        assert shown_name(name, "zh") == name


def test_a_park_keeps_the_rendering_the_layout_map_gives_it(ds: Dataset) -> None:
    from sq_layout.plan.propernames import shown_name as rendered

    for name in seed.plan_carriers(ds)["name"]:
        shown = shown_name(name, "en", park=True)
        assert shown in (rendered(name, "en"), f"{name} (pinyin: {pinyin(name)})") and shown != name, shown


def test_the_point_card_names_plan_records_in_english(ds: Dataset) -> None:
    from sq_layout.invest.repository import plan_baseline
    from sq_layout.invest.views import card_rows, records_at

    data = plan_baseline(ds)
    for name in ("青岛啤酒", "洋河股份"):
        at = data.firms[data.firms["name"] == name].iloc[0]
        hits = records_at((data.firms, data.projects, data.carriers), number(at["lat"]), number(at["lon"]))
        cards = card_rows(ds, data, hits, "en", limit=len(hits))
        assert official()[name] in {c["name"] for c in cards}
        for c in cards:  # every plan name in English words, or its Chinese with marked pinyin or a rendering
            for k in ("name", "firm", "carrier"):
                words = c.get(k, "").rpartition(" (")[0]  # a rendering: 'English (中文)'
                assert not CJK.search(c.get(k, "")) or "(pinyin: " in c[k] or (words and not CJK.search(words)), c
        assert [c["name"] for c in card_rows(ds, data, hits, "zh", limit=len(hits))] == list(hits["name"])


def test_the_point_card_s_facts_are_in_the_reader_s_language(ds: Dataset) -> None:
    from sq_layout.invest.demo import demo_data
    from sq_layout.invest.views import card_rows, records_at

    data = demo_data(ds, 200, 60)
    p = data.projects[data.projects["links"] != ""].iloc[0]
    hits = records_at((data.firms, data.projects, data.carriers), number(p["lat"]), number(p["lon"]))
    card = next(c for c in card_rows(ds, data, hits, "en", limit=len(hits)) if c["kind"] == "project")
    for k in ("links", "stage", "source", "investment_yi", "chains", "area"):  # codes and stored words, in English
        assert card[k] and not CJK.search(card[k]), (k, card)
    assert card["investment_yi"].endswith(" 100m yuan") and card["source"] == "demo data (fictional)"
    zh = next(c for c in card_rows(ds, data, hits, "zh", limit=len(hits)) if c["kind"] == "project")
    assert zh["investment_yi"].endswith(" 亿元") and zh["stage"] == p["stage"]


def test_the_chain_diagrams_records_name_plan_firms_and_projects_in_english(ds: Dataset) -> None:
    from sq_layout.invest.diagram import chain_diagram
    from sq_layout.invest.repository import plan_baseline
    from ui.chain_diagram import _records_table

    d = chain_diagram(ds, plan_baseline(ds), 3)  # 晶硅光伏: 表三's projects (Trina Solar's among them), no place stated
    links = [n.link_id for n in d.nodes if len(n.records)] + ([""] if len(d.unlinked) else [])
    assert links
    names_en: list[str] = []
    for link_id in links:
        zh, en = _records_table(ds, d, link_id, "zh"), _records_table(ds, d, link_id, "en")
        for column in (2, 3):  # name, firm: the same records, each as the reader of the language reads it
            pairs = list(zip(zh.iloc[:, column], en.iloc[:, column], strict=True))
            assert all(e == shown_name(z, "en") for z, e in pairs), pairs
            assert all(not CJK.search(e) or "(pinyin: " in e for _, e in pairs), pairs
            names_en += [e for _, e in pairs]
    assert any(e.endswith("(app's translation)") for e in names_en), names_en  # 表三's projects on this chain


def test_the_pipeline_picker_names_plan_projects_in_english(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from streamlit.testing.v1 import AppTest

    root = Path(__file__).resolve().parents[2]
    monkeypatch.setenv("SQ_LAYOUT_DB", f"sqlite:///{tmp_path / 'w.sqlite'}")
    monkeypatch.chdir(root)
    at = AppTest.from_file(str(root / "ui" / "investment.py"), default_timeout=240)
    at.query_params["lang"] = "en"
    at.run()
    at.radio(key="inv_view").set_value("pipeline").run()
    assert not at.exception, at.exception
    shown = list(at.selectbox(key="pv_project").options)  # as the page words them
    assert shown and all("(pinyin: " in s or not CJK.search(s.split(" · ", 1)[1]) for s in shown), shown


def test_the_layout_map_and_the_investment_pages_agree_on_a_firms_own_name() -> None:
    from sq_layout.plan.propernames import NAMES_FILE, english_names

    rendered = english_names(NAMES_FILE)
    both = {name: own for name, own in official().items() if name in rendered}
    assert both and all(rendered[name] == own for name, own in both.items()), both
