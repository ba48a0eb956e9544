"""The explorer as a user sees it: in headless Chromium against the running app, with no network."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from sq_layout.geo.simplify import browser_geometry, label_points
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame
from tests.analysis.test_queries import expected_chain_hosts
from tests.browser.conftest import (
    choose,
    click_latlng,
    map_frame,
    open_app,
    open_facts,
    readme_screenshot,
    rerun,
    settle_map,
    wait_idle,
    wait_until,
)

pytestmark = pytest.mark.browser


Points = dict[str, tuple[float, float]]  # area id -> (lat, lng) of its label point


@pytest.fixture(scope="module")
def points() -> Points:
    """Each area's label point, where a user would click it."""
    geo = browser_geometry(areas_frame(bundled()))
    return {a: (p.y, p.x) for a, p in zip(geo["area_id"], label_points(geo), strict=True)}


def panel_text(page: Page) -> str:
    """The answer panel beside the map (summary card, hosts view or city overview)."""
    return page.locator(".st-key-sq-answer").first.inner_text()


def no_exception(page: Page) -> bool:
    """Whether the page shows no Streamlit exception box."""
    return page.locator('[data-testid="stException"]').count() == 0


FACTS = "依据：产业、特色产品与规划原文"  # the folded facts, sent to the page only once opened


def expand(page: Page, summary: str) -> None:
    """Open a folded section of the answer panel (opening the facts first if they are folded)."""
    section = page.locator(".st-key-sq-answer .sq-panel details summary").filter(has_text=summary)
    if section.count() == 0:
        open_facts(page)
    section.first.click()


def test_map_renders_nine_areas_with_labels_and_legend(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    assert frame.locator("path.sq-zone").count() == 4
    labels = frame.locator(".sq-label").all_inner_texts()
    assert len(labels) == 9 and "泗洪县" in labels and any("（示意）" in x for x in labels)
    legend = page.locator(".sq-legend").inner_text()
    assert "县区" in legend and "示意" in legend
    assert frame.evaluate("() => typeof L") == "object"


def test_click_sihong_shows_industries_with_sources_then_clears(page: Page, app_url: str, points: Points) -> None:
    frame = open_app(page, app_url)
    wait_until(page, lambda: frame.evaluate("() => sqMap.info().loaded"), what="areas drawn")
    # what the page receives from the map frame, counted in the page
    count_sent = """() => { window.__sent = 0; window.addEventListener("message", (e) => {
        if (e.data && e.data.type === "streamlit:setComponentValue") { window.__sent++; } }); }"""
    page.evaluate(count_sent)
    click_latlng(page, frame, *points["sihong"])
    wait_until(page, lambda: "泗洪县" in panel_text(page) and "光伏新能源" in panel_text(page), what="sihong panel")
    wait_idle(page)
    text = panel_text(page)
    # the answer first: chips with tier, counts, chains, lead firms; the citations folded one click away
    assert "主导产业" in text and "双沟股份" in text and "9. 酿造（酒）" in text and "表十 L722" not in text
    # the click was reported at once, and only once (counted once the rerun's answer is drawn in the map)
    wait_until(page, lambda: frame.evaluate("() => sqMap.info().selected") == "sihong", what="the answer in the map")
    settle_map(page, frame)
    assert frame.evaluate("() => sqMap.info().reported") == 1 and page.evaluate("() => window.__sent") == 1
    # the citations are not in the page until asked for
    assert FACTS in text and page.locator(".st-key-sq-answer .sq-panel:not(.sq-card)").count() == 0
    expand(page, "承担的产业与细分产业")
    wait_until(page, lambda: "表十 L722" in panel_text(page), what="sources unfolded")
    assert "第五章 L810" in panel_text(page)
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="selected outline")
    assert "area=sihong" in page.url
    # clicking the same area again clears the selection
    lat, lng = points["sihong"]
    click_latlng(page, frame, lat + 0.01, lng + 0.01)
    wait_until(
        page, lambda: frame.locator("path.sq-selected-sihong").count() == 0, what="selection cleared by re-click"
    )
    # select again, then click empty map (east of 泗洪县, outside Suqian) to clear
    click_latlng(page, frame, *points["sihong"])
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="selected again")
    click_latlng(page, frame, 33.25, 119.1)
    wait_until(page, lambda: frame.locator("[class*=sq-selected]").count() == 0, what="cleared by empty-map click")


def test_click_county_lists_its_parks(page: Page, app_url: str, points: Points) -> None:
    frame = open_app(page, app_url)
    click_latlng(page, frame, *points["sucheng"])
    wait_until(page, lambda: "宿城区" in panel_text(page) and "区内功能区" in panel_text(page), what="sucheng panel")
    assert "市洋河新区" in panel_text(page) and "苏宿工业园区" in panel_text(page)


def test_click_zone_shows_schematic_warning(page: Page, app_url: str, points: Points) -> None:
    frame = open_app(page, app_url)
    click_latlng(page, frame, *points["yanghe"])
    wait_until(page, lambda: "市洋河新区" in panel_text(page), what="yanghe panel")
    assert "示意" in panel_text(page) and "洋河股份" in panel_text(page)


def select_option(page: Page, label: str, typed: str) -> None:
    """Type into a multiselect and take the first match, as a user picks a chain or an industry."""
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_filter_liquor_highlights_exactly_the_hosts_without_remount(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    frame.evaluate("() => { map_div.__probe = 42; map_div.setView([33.9, 118.3], 10); }")
    select_option(page, "重点产业链", "酿造")
    expected = expected_chain_hosts("酿造（酒）")
    wait_until(page, lambda: frame.locator("path.sq-host").count() == len(expected), what="host paths")
    for area in expected:
        assert frame.locator(f"path.sq-host-{area}").count() == 1, area
    assert frame.locator("path.sq-dim").count() == 9 - len(expected)
    # same iframe, same Leaflet map: no re-mount, the user's zoom and pan survive
    assert frame.evaluate("() => map_div.__probe") == 42
    assert frame.evaluate("() => map_div.getZoom()") == 10
    assert "chain=9" in page.url


def test_several_chains_shade_by_count(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?chain=9,10")
    frame = map_frame(page)
    both = expected_chain_hosts("酿造（酒）") & expected_chain_hosts("食品加工")
    wait_until(page, lambda: frame.locator("path.sq-n2").count() == len(both), what="areas hosting both")
    for area in both:
        assert frame.locator(f"path.sq-host-{area}.sq-n2").count() == 1


def test_shared_url_restores_view_in_english(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?lang=en&chain=7&area=sucheng")
    frame = map_frame(page)
    wait_until(page, lambda: "Sucheng District" in panel_text(page), what="english panel")
    wait_until(page, lambda: frame.locator("path.sq-host").count() == 1, what="laser host")
    assert frame.locator("path.sq-host-sucheng").count() == 1
    assert frame.locator("path.sq-selected-sucheng").count() == 1
    assert "7. Laser equipment" in page.locator('[data-testid="stMultiSelect"]').all_inner_texts()[3]


def test_screenshot_for_readme(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    open_app(page, app_url + "?chain=9&area=sihong")
    wait_until(page, lambda: "泗洪县" in panel_text(page), what="panel")
    frame = map_frame(page)
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="selected outline")
    settle_map(page, frame)
    readme_screenshot(page, "explorer.png")


def test_first_screen_explains_itself(page: Page, app_url: str) -> None:
    page.set_viewport_size({"width": 1440, "height": 900})
    open_app(page, app_url)
    wait_until(page, lambda: "产业布局一览" in panel_text(page), what="city overview in the right panel")
    legend = page.locator(".sq-legend").bounding_box()
    assert legend and legend["y"] + legend["height"] <= 900, legend  # the whole legend in the first screen
    body = page.locator("section.main, [data-testid='stMain']").first.inner_text()
    assert body.count("查看它承担的产业") == 1  # one hint, not two
    assert "机电装备" in panel_text(page) and "主导产业" in panel_text(page)
    frame = map_frame(page)
    assert frame.locator(".sq-map-legend:visible").count() == 0  # one legend: above the map, none inside it
    legend_text = page.locator(".sq-legend").inner_text()
    assert "各区域承载产业数" in legend_text and "县区" in legend_text and "功能区（示意范围）" in legend_text
    settle_map(page, frame)
    readme_screenshot(page, "explorer-first-screen.png")


def test_clear_resets_filters_and_area_without_error(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url + "?chain=9&area=sihong")
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="restored view")
    for _ in range(2):  # a second Clear on an empty view must not fail either
        with rerun(page):
            page.get_by_role("button", name="清除选择").click()
        wait_until(page, lambda: "chain=" not in page.url and "area=" not in page.url, what="clean URL")
        assert no_exception(page)
    assert frame.locator("[class*=sq-selected]").count() == 0 and frame.locator("path.sq-host").count() == 0
    assert "产业布局一览" in panel_text(page)
    assert "酿造" not in page.locator('[data-testid="stMultiSelect"]').nth(3).inner_text()


def test_map_to_audit_and_back_keeps_chain_and_area(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?chain=9&area=sihong")
    wait_until(page, lambda: "泗洪县" in panel_text(page), what="panel")
    page.get_by_role("link", name="规划审视").click()
    wait_until(page, lambda: "规划审视" in page.locator("h1").first.inner_text(), what="audit page")
    wait_idle(page)
    assert no_exception(page) and "area=sihong" in page.url
    page.get_by_role("link", name="产业布局地图").click()
    wait_until(page, lambda: "chain=9" in page.url and "area=sihong" in page.url, what="URL restored")
    wait_until(page, lambda: "泗洪县" in panel_text(page), what="card again")
    wait_idle(page)
    frame = map_frame(page)
    assert no_exception(page)
    assert "9. 酿造（酒）" in page.locator('[data-testid="stMultiSelect"]').nth(3).inner_text()
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="selected outline")


def test_language_switch_keeps_filters_and_a_click_keeps_them(page: Page, app_url: str, points: Points) -> None:
    open_app(page, app_url + "?chain=9")
    page.locator('[data-testid="stRadio"]').filter(has_text="English").get_by_text("English").click()
    wait_until(page, lambda: "lang=en" in page.url and "chain=9" in page.url, what="English URL")
    chains = page.locator('[data-testid="stMultiSelect"]').nth(3)
    wait_until(page, lambda: "9. Brewing (liquor)" in chains.inner_text(), what="chip relabelled")
    assert "酿造" not in chains.inner_text()
    wait_idle(page)
    frame = map_frame(page)  # the frame builds the map anew from the English mount file, in place of the Chinese one
    labels = frame.locator(".sq-labels")
    english = lambda: "Sihong" in labels.inner_text() and "泗洪" not in labels.inner_text()  # noqa: E731
    wait_until(page, english, what="English labels")
    assert frame.locator("path.sq-area").count() == 9 and frame.locator(".leaflet-container").count() == 1
    click_latlng(page, frame, *points["sihong"])
    wait_until(page, lambda: "Sihong County" in panel_text(page), what="english card")
    assert "chain=9" in page.url and "9. Brewing (liquor)" in chains.inner_text()


def test_picker_selects_susu(page: Page, app_url: str) -> None:
    frame = open_app(page, app_url)
    picker = page.locator(".st-key-w_area [data-testid='stSelectbox']")
    choose(page, picker, "苏宿工业园区")
    wait_until(page, lambda: "苏宿工业园区" in panel_text(page), what="susu card")
    wait_until(page, lambda: frame.locator("path.sq-selected-susu").count() == 1, what="susu outlined")
    assert "area=susu" in page.url and "示意" in panel_text(page)


def test_hosts_view_shows_each_chain_figures_once(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?chain=3,9")
    wait_until(page, lambda: "全市产业链规模" in panel_text(page), what="hosts view without a second click")
    table = page.locator(".st-key-sq-answer table").first.locator("tbody tr")  # the 表十一 figures table
    wait_until(page, lambda: table.count() == 2, what="the figures table")
    cells = [[c.strip() for c in table.nth(i).locator("th, td").all_inner_texts()] for i in range(2)]
    assert [c[0] for c in cells] == ["晶硅光伏", "酿造（酒）"]
    assert cells[0][1:] == ["全市", "117.61", "850", "1000"] and cells[1][1:] == ["全市", "312.27", "400", "600"]
    text = panel_text(page)
    assert text.count("117.61") == 1 and text.count("312.27") == 1
    header_cells = page.locator(".st-key-sq-answer [data-testid='stDataFrame'] [role='columnheader']")
    wait_until(page, lambda: header_cells.count() > 0, what="the hosts table")
    headers = header_cells.all_inner_texts()
    assert "地区" in headers and not any("产值" in h or "目标" in h for h in headers)


def test_language_switch_keeps_the_open_side_tab(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?chain=3")
    tab = page.get_by_role("tab", name="布局重叠")
    tab.click()
    wait_until(page, lambda: tab.get_attribute("aria-selected") == "true", what="overlap tab open")
    wait_idle(page)
    page.locator('[data-testid="stRadio"]').filter(has_text="English").get_by_text("English").click()
    wait_until(page, lambda: "lang=en" in page.url, what="English URL")
    overlap = page.get_by_role("tab", name="Overlap")
    wait_until(page, lambda: overlap.count() == 1, what="tabs relabelled")
    wait_idle(page)
    assert overlap.get_attribute("aria-selected") == "true"
    assert page.get_by_role("tab", name="Compare").get_attribute("aria-selected") == "false"
