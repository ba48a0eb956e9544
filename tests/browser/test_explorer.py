"""The explorer as a user sees it: in headless Chromium against the running app, with no network."""

from __future__ import annotations

import os
import shutil

import pytest

from sq_layout.geo.simplify import browser_geometry, label_points
from sq_layout.plan.dataset import bundled
from sq_layout.plan.join import areas_frame
from tests.browser.conftest import ARTIFACTS, ROOT, click_latlng, map_frame, open_app, wait_until
from tests.test_queries import expected_chain_hosts

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def points() -> dict[str, tuple[float, float]]:
    geo = browser_geometry(areas_frame(bundled()))
    return {a: (p.y, p.x) for a, p in zip(geo["area_id"], label_points(geo), strict=True)}


def panel_text(page) -> str:
    return page.locator('[data-testid="stTabs"]').first.inner_text()


def test_map_renders_nine_areas_with_labels_and_legend(page, app_url):
    frame = open_app(page, app_url)
    assert frame.locator("path.sq-zone").count() == 4
    labels = frame.locator(".sq-label").all_inner_texts()
    assert len(labels) == 9 and "泗洪县" in labels and any("（示意）" in x for x in labels)
    legend = page.locator(".sq-legend").inner_text()
    assert "县区" in legend and "示意" in legend
    assert frame.evaluate("() => typeof L") == "object"


def test_click_sihong_shows_industries_with_sources_then_clears(page, app_url, points):
    frame = open_app(page, app_url)
    click_latlng(page, frame, *points["sihong"])
    wait_until(page, lambda: "泗洪县" in panel_text(page) and "光伏新能源" in panel_text(page), what="sihong panel")
    text = panel_text(page)
    assert "酿造（酒）" in text and "表十 L722" in text and "第五章 L810" in text
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


def test_click_county_lists_its_parks(page, app_url, points):
    frame = open_app(page, app_url)
    click_latlng(page, frame, *points["sucheng"])
    wait_until(page, lambda: "宿城区" in panel_text(page) and "区内功能区" in panel_text(page), what="sucheng panel")
    assert "市洋河新区" in panel_text(page)


def test_click_zone_shows_schematic_warning(page, app_url, points):
    frame = open_app(page, app_url)
    click_latlng(page, frame, *points["yanghe"])
    wait_until(page, lambda: "市洋河新区" in panel_text(page), what="yanghe panel")
    assert "示意" in panel_text(page) and "洋河股份" in panel_text(page)


def select_option(page, label: str, typed: str) -> None:
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text=label)
    box.locator("input").click()
    box.locator("input").fill(typed)
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")


def test_filter_liquor_highlights_exactly_the_hosts_without_remount(page, app_url):
    frame = open_app(page, app_url)
    frame.evaluate("() => { window.__probe = 42; map_div.setView([33.9, 118.3], 10); }")
    select_option(page, "重点产业链", "酿造")
    expected = expected_chain_hosts("酿造（酒）")
    wait_until(page, lambda: frame.locator("path.sq-host").count() == len(expected), what="host paths")
    for area in expected:
        assert frame.locator(f"path.sq-host-{area}").count() == 1, area
    assert frame.locator("path.sq-dim").count() == 9 - len(expected)
    # same iframe, same Leaflet map: no re-mount, the user's zoom and pan survive
    assert frame.evaluate("() => window.__probe") == 42
    assert frame.evaluate("() => map_div.getZoom()") == 10
    assert "chain=9" in page.url


def test_several_chains_shade_by_count(page, app_url):
    open_app(page, app_url + "?chain=9,10")
    frame = map_frame(page)
    both = expected_chain_hosts("酿造（酒）") & expected_chain_hosts("食品加工")
    wait_until(page, lambda: frame.locator("path.sq-n2").count() == len(both), what="areas hosting both")
    for area in both:
        assert frame.locator(f"path.sq-host-{area}.sq-n2").count() == 1


def test_shared_url_restores_view_in_english(page, app_url):
    open_app(page, app_url + "?lang=en&chain=7&area=sucheng")
    frame = map_frame(page)
    wait_until(page, lambda: "Sucheng District" in panel_text(page), what="english panel")
    wait_until(page, lambda: frame.locator("path.sq-host").count() == 1, what="laser host")
    assert frame.locator("path.sq-host-sucheng").count() == 1
    assert frame.locator("path.sq-selected-sucheng").count() == 1
    assert "7. Laser equipment" in page.locator('[data-testid="stMultiSelect"]').all_inner_texts()[-1]


def test_screenshot_for_readme(page, app_url):
    open_app(page, app_url + "?chain=9&area=sihong")
    wait_until(page, lambda: "泗洪县" in panel_text(page), what="panel")
    page.wait_for_timeout(800)
    shot = ARTIFACTS / "explorer.png"
    page.screenshot(path=str(shot), full_page=False)
    assert shot.stat().st_size > 50_000
    if os.environ.get("SQ_UPDATE_DOCS") == "1":
        shutil.copy(shot, ROOT / "docs" / "explorer.png")
