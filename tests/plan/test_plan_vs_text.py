"""The dataset checked against the plan text itself, parsed independently of sq_layout's join."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from sq_layout import paths
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts
from tests.frames import number, text

PLAN = paths.PLAN_TEXT.read_text(encoding="utf-8").split("\n")


def line(n: object) -> str:
    return PLAN[int(number(n)) - 1]


def test_every_quote_is_verbatim_on_its_line(ds: Dataset) -> None:
    for r in ds.assignments.itertuples():
        assert text(r.quote) in line(r.line), (r.Index, r.quote)
        assert text(r.area_as_written) in line(r.line), (r.Index, r.area_as_written)


def test_every_product_and_carrier_is_verbatim_on_its_line(ds: Dataset) -> None:
    for r in ds.details.itertuples():
        assert text(r.text) in line(r.line), (r.Index, r.text)


def parse_table10() -> dict[str, list[str]]:
    """Industry name -> area list as printed in 表十, read straight from the text."""
    start = next(i for i, t in enumerate(PLAN) if "（表十）" in t)
    cells = [t.strip() for t in PLAN[start + 1 : start + 45] if t.strip()]
    names = [
        "机电装备",
        "绿色食品",
        "高端纺织",
        "光伏新能源",
        "绿色家居",
        "新材料",
        "新一代信息技术",
        "生物医药",
        "数字经济",
    ]
    return {n: cells[cells.index(n) + 1].split("、") for n in names}


def test_every_table10_cell_is_represented_in_order_with_duplicates(ds: Dataset) -> None:
    t10 = ds.assignments[ds.assignments["source"] == "table10"]
    names = ds.industries.set_index("industry_id")["name"]
    for industry, areas in parse_table10().items():
        rows = t10[t10["industry_id"].map(names) == industry].sort_values("position")
        assert rows["area_as_written"].tolist() == areas, industry
    assert len(t10) == sum(len(v) for v in parse_table10().values())


def test_table11_figures_exactly_as_printed(ds: Dataset) -> None:
    start = next(i for i, t in enumerate(PLAN) if "（表十一）" in t)
    cells = [t.strip() for t in PLAN[start:] if t.strip()]
    for c in ds.chains.itertuples():
        at = next(i for i in range(len(cells) - 1) if cells[i] == str(c.chain_no) and cells[i + 1] == c.name)
        printed = cells[at + 2 : at + 5]
        assert [float(x) for x in printed] == [c.output_2020_yi, c.target_2023_yi, c.target_2025_yi], c.name
        assert line(c.line).strip() == c.name


def test_chapter4_yituo_lists_match_the_text(ds: Dataset) -> None:
    ch4 = ds.assignments[ds.assignments["source"] == "ch4"]
    for ln, group in ch4.groupby("line"):
        m = re.search(r"依托(.+?)(?:等重点地区|等地区)?，", line(ln))
        assert m, ln
        listed = re.split("、|和", m.group(1))
        written = group.sort_values("position")["area_as_written"].tolist()
        # a carrier may follow the area name: 依托宿城区激光小镇
        assert len(written) == len(listed), ln
        assert all(item.startswith(w) for item, w in zip(listed, written, strict=True)), ln


def test_chapter5_covers_all_nine_sections_both_tiers(ds: Dataset) -> None:
    ch5 = ds.assignments[ds.assignments["source"] == "ch5"]
    assert set(ch5["area_id"]) == set(ds.areas["area_id"])
    for area in ds.areas.itertuples():
        lines = ch5.loc[ch5["area_id"] == area.area_id, "line"]
        for ln in lines:
            assert text(area.name) in line(ln) or text(area.short_name) in line(ln), (area.name, ln)
        assert lines.nunique() == 2, area.name  # 主导 and 先导 paragraphs


def test_chapter5_subindustries_named_in_their_quote(ds: Dataset) -> None:
    ch5 = ds.assignments[(ds.assignments["source"] == "ch5") & (ds.assignments["subindustry_id"] != "")]
    names = ds.subindustries.set_index("subindustry_id")["name"]
    written = {"化学纤维": "化纤", "金属材料": "金属材料"}
    for r in ch5.itertuples():
        name, quote = text(names[text(r.subindustry_id)]), text(r.quote)
        assert name in quote or written.get(name, name) in quote, (r.area_id, name)


def computed_disagreements(ds: Dataset) -> set[tuple[str, str, str]]:
    """Where the sources that speak at that level do not all agree."""
    f = assignment_facts(ds)
    level = f["subindustry_id"] == ""
    ind = f[level & ~(f["table10"] & f["ch4"] & f["ch5"])]
    sub = f[~level & (f["ch4"] != f["ch5"])]
    return {(text(r.area_id), text(r.industry_id), text(r.subindustry_id)) for r in pd.concat([ind, sub]).itertuples()}


def test_source_disagreements_are_all_recorded_as_conflicts(ds: Dataset) -> None:
    c = ds.conflicts[ds.conflicts["kind"] == "source_disagreement"]
    recorded = {(r.area_id, r.industry_id, r.subindustry_id) for r in c.itertuples()}
    assert recorded == computed_disagreements(ds)


def test_conflict_passages_exist_and_name_what_they_say(ds: Dataset) -> None:
    for c in ds.conflicts.itertuples():
        for ln in map(int, text(c.lines).split(";")):
            assert line(ln).strip(), (c.conflict_id, ln)


def test_table11_total_mismatch_is_flagged_not_fixed(ds: Dataset) -> None:
    total_line = next(i for i, t in enumerate(PLAN) if t.strip() == "合    计")
    stated = float(PLAN[total_line + 1].strip())
    summed = round(ds.chains["output_2020_yi"].sum(), 2)
    assert stated == 2268.22 and summed != stated
    c29 = ds.conflicts.set_index("conflict_id").loc["C29"]
    assert str(stated) in c29.description and f"{summed:.2f}" in c29.description


@pytest.mark.parametrize(("sub", "chain"), [("battery", "动力电池"), ("equipment", "半固态成形制造")])
def test_narrower_chains_are_marked_broader(ds: Dataset, sub: str, chain: str) -> None:
    s = ds.subindustries.set_index("subindustry_id").loc[sub]
    assert s.chain_relation == "broader"
    assert ds.chains.set_index("chain_no").loc[s.chain_no, "name"] == chain


def test_subindustries_without_chain(ds: Dataset) -> None:
    none = ds.subindustries[ds.subindustries["chain_no"].isna()]["name"]
    assert set(none) == {"金属材料", "智能终端"}
