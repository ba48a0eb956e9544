"""The join and the queries, checked against expectations read straight from the CSV files."""

from __future__ import annotations

import pandas as pd
import pytest

from sq_layout import paths
from sq_layout.analysis.overlap import area_chain_matrix, hosts_per_chain, shared_chains
from sq_layout.analysis.queries import (
    Selection,
    area_conflicts,
    area_details,
    area_industries,
    host_summary,
    parks_in_county,
)
from sq_layout.analysis.spatial import areas_km2, neighbours
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame, chain_links
from tests.frames import number, text


def raw(name: str) -> pd.DataFrame:
    return pd.read_csv(paths.PLAN_DIR / f"{name}.csv", dtype=str, keep_default_na=False)


def expected_chain_hosts(chain_name: str) -> set[str]:
    """Hosts of a chain from the raw CSVs: rows on the sub-industry (or sole industry) the chain is printed under."""
    chains = raw("chains").set_index("name")
    subs = raw("subindustries")
    a = raw("assignments")
    c = chains.loc[chain_name]
    sub_ids = subs.loc[subs["chain_no"] == c.chain_no, "subindustry_id"]
    if len(sub_ids):
        return set(a.loc[a["subindustry_id"].isin(sub_ids), "area_id"])
    return set(a.loc[(a["industry_id"] == c.industry_id) & (a["subindustry_id"] == ""), "area_id"])


def test_areas_frame_is_a_geodataframe_of_nine(ds: Dataset) -> None:
    frame = areas_frame(ds)
    assert len(frame) == 9 and frame.crs.to_epsg() == 4326
    assert frame["area_id"].tolist() == raw("areas")["area_id"].tolist()
    assert (frame["n_industries"] > 0).all()


def test_sihong_profile_has_pv_and_liquor_with_sources(ds: Dataset) -> None:
    prof = area_industries(ds, "sihong")
    pv = prof[(prof["industry"] == "光伏新能源") & (prof["subindustry_id"] == "")].iloc[0]
    assert pv.table10 and pv.ch4 and pv.ch5 and pv.chain == "晶硅光伏"
    liquor = prof[prof["subindustry"] == "酿造（酒）"].iloc[0]
    assert liquor.ch4 and liquor.ch5 and not liquor.table10
    assert "775" not in liquor.lines_ch4 and liquor.lines_ch4 == "753"


def test_details_and_conflicts_for_an_area(ds: Dataset) -> None:
    det = area_details(ds, "sucheng")
    assert {"激光小镇", "青岛啤酒", "恒力时尚产业园"} <= set(det["text"])
    assert set(area_conflicts(ds, "jingkai")["conflict_id"]) == {"C05", "C08", "C09", "C16"}


@pytest.mark.parametrize("chain", ["酿造（酒）", "激光装备", "晶硅光伏", "大数据+", "电子元器件", "动力电池"])
def test_chain_hosts_match_raw_csv(ds: Dataset, chain: str) -> None:
    no = int(text(raw("chains").set_index("name").loc[chain, "chain_no"]))
    got = set(host_summary(ds, Selection(chains=(no,)))["area_id"])
    assert got == expected_chain_hosts(chain)


def test_liquor_is_spread_over_five_and_laser_sits_in_one(ds: Dataset) -> None:
    per = hosts_per_chain(ds).set_index("name")
    assert per.loc["酿造（酒）", "n_hosts"] == 5
    assert per.loc["激光装备", "hosts"] == ["sucheng"]


def test_several_chains_count_hosted_items(ds: Dataset) -> None:
    s = host_summary(ds, Selection(chains=(9, 10))).set_index("area_id")["n_selected"]
    both = expected_chain_hosts("酿造（酒）") & expected_chain_hosts("食品加工")
    assert set(s[s == 2].index) == both


def test_tier_and_industry_filters(ds: Dataset) -> None:
    leading = set(host_summary(ds, Selection(tiers=("leading",)))["area_id"])
    a = raw("assignments").merge(raw("industries"), on="industry_id")
    assert leading == set(a.loc[a["tier"] == "leading", "area_id"])
    digital = set(host_summary(ds, Selection(industries=("digital",)))["area_id"])
    assert digital == {"suyu", "hubin"}
    terminal = set(host_summary(ds, Selection(subindustries=("terminal",)))["area_id"])
    assert terminal == {"sihong", "suyu"}


def test_unknown_names_raise(ds: Dataset) -> None:
    with pytest.raises(KeyError, match="unknown chain: 99"):
        host_summary(ds, Selection(chains=(99,)))
    with pytest.raises(KeyError, match="unknown area"):
        area_industries(ds, "nowhere")


def test_empty_selection_hosts_nothing(ds: Dataset) -> None:
    assert Selection().empty
    assert host_summary(ds, Selection()).empty


def test_matrix_agrees_with_chain_links(ds: Dataset) -> None:
    m = area_chain_matrix(ds)
    assert m.shape == (9, 20)
    links = chain_links(ds)
    assert int((m > 0).sum().sum()) == len(links)
    assert number(m.loc["sucheng", 7]) >= 1 and (m[7] > 0).sum() == 1


def test_shared_chains_pairs(ds: Dataset) -> None:
    pairs = shared_chains(ds, (9,))
    assert len(pairs) == 10  # 5 hosts -> C(5,2)
    assert (pairs["n_shared"] == 1).all()


def test_parks_nested_in_counties(ds: Dataset) -> None:
    sucheng = parks_in_county(ds, "sucheng")
    assert set(sucheng["zone_id"]) == {"jingkai", "yanghe", "susu"}
    yanghe = sucheng.set_index("zone_id").loc["yanghe"]
    assert "酿造（酒）" in yanghe.shared_with_county
    assert set(parks_in_county(ds, "suyu")["zone_id"]) == {"hubin"}
    assert parks_in_county(ds, "sihong").empty


def test_neighbours_and_areas_in_projected_crs(ds: Dataset) -> None:
    n = neighbours(ds)
    rel = {(r.area_id_a, r.area_id_b): r.relation for r in n.itertuples()}
    assert rel[("sucheng", "suyu")] == "border"
    assert rel[("hubin", "suyu")] == "nested"
    km2 = areas_km2(ds)
    assert km2["sihong"] == pytest.approx(2702, rel=0.005)
    assert km2["susu"] == pytest.approx(13.6, rel=0.02)


def test_hosts_table_rows_and_figures(ds: Dataset) -> None:
    from sq_layout.analysis.views import hosts_table

    liquor = hosts_table(ds, Selection(chains=(9,)))
    assert set(liquor["area"]) == {
        raw("areas").set_index("area_id").loc[a, "name"] for a in expected_chain_hosts("酿造（酒）")
    }
    assert "output_2020" not in liquor.columns  # city-wide figures are not per host: see chain_figures
    assert set(liquor["tier"]) == {"主导产业"}
    assert liquor.set_index("area").loc["泗洪县", "firms"] == "双沟股份、双沟酿酒厂"
    assert liquor.set_index("area").loc["宿迁经开区", "sources"] == "第四章"
    em = hosts_table(ds, Selection(industries=("electromech",)))
    row = em[(em["area"] == "宿豫区") & (em["chain"] == "动力电池")].iloc[0]
    assert "新型电池" in row.via and "宽于" in row.via and row.sources == "第四章"
    assert hosts_table(ds, Selection()).empty


def test_chain_figures_once_per_chain_as_citywide(ds: Dataset) -> None:
    from sq_layout.analysis.views import chain_figures

    figs = chain_figures(ds, Selection(chains=(9, 3)))
    assert list(figs["chain"]) == ["晶硅光伏", "酿造（酒）"] and set(figs["scope"]) == {"全市"}
    assert list(figs["output_2020"]) == [117.61, 312.27] and list(figs["target_2025"]) == [1000, 600]
    assert chain_figures(ds, Selection(chains=(9,)), "en")["scope"].iloc[0] == "City-wide"


def test_selection_color_only_for_a_single_item(ds: Dataset) -> None:
    from sq_layout.analysis.queries import selection_color

    pv = raw("industries").set_index("industry_id").loc["pv", "color"]
    assert selection_color(ds, Selection(chains=(3,))) == pv
    assert selection_color(ds, Selection(chains=(9, 10))) is None  # same industry, two items: shade by count
    assert selection_color(ds, Selection(tiers=("leading",))) is None


def test_display_views_name_areas_and_chains(ds: Dataset) -> None:
    from sq_layout.analysis.audit_views import pairs_view
    from sq_layout.analysis.views import host_counts_view, nested_view, shared_pairs_view

    counts = host_counts_view(ds, Selection(chains=(9, 10)), "zh").set_index("area")["n_selected"]
    assert counts["宿城区"] == 2 and counts["市洋河新区"] == 1
    pairs = shared_pairs_view(ds, (9,), "en")
    assert len(pairs) == 10 and set(pairs["chains"]) == {"Brewing (liquor)"}
    nested = nested_view(ds, (9, 19), "zh").set_index("zone")
    assert (
        nested.loc["市洋河新区", "county"] == "宿城区" and nested.loc["市洋河新区", "shared"] == "酿造（酒）、生物医药"
    )
    top = pairs_view(ds, "chain", "zh", 1).iloc[0]
    assert {top.a, top.b} == {"沭阳", "泗阳"} and top.similarity == 0.55


def test_a_plan_without_zones_has_no_parks_in_its_counties(ds: Dataset) -> None:
    import dataclasses

    counties = ds.areas[ds.areas["kind"] == "county"]
    plain = dataclasses.replace(
        ds,
        areas=counties,
        boundaries=ds.boundaries[ds.boundaries["area_id"].isin(counties["area_id"])],
        assignments=ds.assignments[ds.assignments["area_id"].isin(counties["area_id"])],
    )
    assert parks_in_county(plain, "sucheng").empty
