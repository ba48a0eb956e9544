"""The chain diagram as a 招商 officer opens it: a chain's links graded, a link's firms and projects, zh and en."""

from __future__ import annotations

import pytest
from playwright.sync_api import Page

from tests.browser.conftest import MAP_FRAME, pick, wait_until

pytestmark = pytest.mark.browser


def test_open_a_chain_diagram_and_list_a_links_records_in_both_languages(page: Page, app_url: str) -> None:
    page.goto(app_url + "investment")
    wait_until(page, lambda: any(MAP_FRAME in f.url for f in page.frames), timeout=60, what="map iframe")
    page.get_by_text("产业链图谱", exact=True).click()
    svg = page.locator("svg.sq-chain-diagram")
    wait_until(page, lambda: svg.count() == 1, timeout=30, what="chain diagram")
    main = page.locator('[data-testid="stMain"]')
    assert main.get_by_text("晶硅光伏产业链图谱", exact=True).count() >= 1  # heading and the SVG title
    node = svg.locator('g.dg-node[data-link="c3-module"]')
    assert node.get_attribute("data-grade") == "强" and "组件*" in (node.text_content() or "")
    assert svg.locator('g.dg-node[data-link="c3-inverter"]').get_attribute("data-grade") == "缺"
    assert page.get_by_text("阶段划分为本应用的解读", exact=False).count() > 0
    pick(page, page.locator('[data-testid="stSelectbox"]').filter(has_text="查看环节"), "中游 · 组件* (强)")
    table = page.locator('[data-testid="stTable"]').first
    wait_until(page, lambda: "规划未载明地点" in table.inner_text(), what="the link's records")
    assert page.get_by_text("规划第771行：“进一步提升组件生产水平”", exact=False).count() > 0
    # English: the same chain and link, every label in English
    page.locator('[data-testid="stRadio"]').filter(has_text="English").get_by_text("English").click()
    title = main.get_by_text("Crystalline-silicon PV: chain diagram", exact=True)
    wait_until(page, lambda: title.count() >= 1, timeout=30, what="English diagram")
    svg = page.locator("svg.sq-chain-diagram")
    assert "Modules*" in (svg.locator('g.dg-node[data-link="c3-module"]').text_content() or "")
    assert "Upstream" in (svg.text_content() or "") and "Fill" in (svg.text_content() or "")
    table = page.locator('[data-testid="stTable"]').first
    wait_until(page, lambda: "Place not stated in the plan" in table.inner_text(), what="English records")
    assert page.get_by_text("stage: app's reading", exact=False).count() > 0
