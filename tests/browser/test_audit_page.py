"""The plan-audit page in headless Chromium: shading modes, map click, diagram ↔ map link, filters, download."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Frame, Page

from tests.browser.conftest import click_latlng, download, map_frame, pick, rerun, wait_idle, wait_until
from tests.browser.test_explorer import Points, points  # noqa: F401  (fixture)

pytestmark = pytest.mark.browser


def open_audit(page: Page, app_url: str) -> Frame:
    """The audit page, once its map has drawn the nine areas."""
    page.goto(app_url + "audit")
    return map_frame(page)


def test_similarity_mode_and_map_click_changes_reference(page: Page, app_url: str, points: Points) -> None:  # noqa: F811
    frame = open_audit(page, app_url)
    assert "规划审视" in page.locator("h1").first.inner_text()
    wait_until(page, lambda: frame.locator("path.sq-value").count() == 9, what="9 shaded areas")
    assert frame.locator("path.sq-value-sucheng.sq-b4").count() == 1  # similarity to itself = 1
    assert frame.locator("path.sq-selected-sucheng").count() == 1
    click_latlng(page, frame, *points["sihong"])
    wait_until(page, lambda: frame.locator("path.sq-selected-sihong").count() == 1, what="new reference")
    assert frame.locator("path.sq-value-sihong.sq-b4").count() == 1


def test_agreement_mode(page: Page, app_url: str) -> None:
    frame = open_audit(page, app_url)
    with rerun(page):
        page.get_by_text("三方来源一致度").click()
    # 市洋河新区: every source agrees (3 of 3); 苏宿工业园区: 3 of 8 confirmed (hand-counted from the plan)
    wait_until(page, lambda: frame.locator("path.sq-value-yanghe.sq-b4").count() == 1, what="yanghe fully agreed")
    assert frame.locator("path.sq-value-susu.sq-b1").count() == 1


def test_picking_a_chain_in_the_diagram_highlights_its_hosts(page: Page, app_url: str, points: Points) -> None:  # noqa: F811
    frame = open_audit(page, app_url)
    with rerun(page):
        page.get_by_text("图中所选产业链的承载区域").click()
    cell = page.locator('[aria-label*="产业链: 激光装备;"]').first
    for attempt in range(3):  # the diagram may redraw once after the mode switch; a click on the old one is lost
        wait_idle(page)
        cell.click()
        try:
            wait_until(page, lambda: frame.locator("path.sq-host").count() == 1, timeout=10, what="laser host")
            break
        except AssertionError:
            if attempt == 2:
                raise
    assert frame.locator("path.sq-host-sucheng").count() == 1
    # and the other way: the area clicked on the map is highlighted in the diagram
    click_latlng(page, frame, *points["sihong"])
    sihong_cell = page.locator('[aria-label*="地区: 泗洪;"]').first
    other_cell = page.locator('[aria-label*="地区: 宿城;"]').first
    wait_until(page, lambda: sihong_cell.get_attribute("opacity") == "1", what="diagram row highlighted")
    assert float(other_cell.get_attribute("opacity") or "") < 1


def test_consistency_filter_and_xlsx(page: Page, app_url: str, tmp_path: Path) -> None:
    open_audit(page, app_url)
    page.get_by_role("tab", name="一致性审查").click()
    caption = page.get_by_text("条", exact=False).filter(has_text=" / ")
    wait_until(page, lambda: "37 / 37" in caption.first.inner_text(), what="all findings")
    box = page.locator('[data-testid="stMultiSelect"]').filter(has_text="按区域筛选")
    box.locator("input").fill("苏宿园区")
    page.keyboard.press("Enter")
    page.keyboard.press("Escape")
    # C02 C03 C04 C17 C18 C21 name 苏宿工业园区 (hand-checked against the plan)
    wait_until(page, lambda: "6 / 37" in caption.first.inner_text(), what="filtered findings")
    download(page, page.get_by_role("button", name="下载审查结果（XLSX）"), tmp_path / "audit.xlsx")
    assert "一致性检查" in openpyxl.load_workbook(tmp_path / "audit.xlsx").sheetnames


def test_targets_sort(page: Page, app_url: str) -> None:
    open_audit(page, app_url)
    page.get_by_role("tab", name="目标").click()
    sort = page.locator('[data-testid="stSelectbox"]').filter(has_text="排序依据")
    pick(page, sort, "2020年产值（亿元）")
    assert page.locator('[data-testid="stVegaLiteChart"]').count() >= 1


def test_consistency_codes_are_translated(page: Page, app_url: str) -> None:
    open_audit(page, app_url)
    page.get_by_role("tab", name="一致性审查").click()
    grid = page.locator('[data-testid="stDataFrame"]:visible').first
    wait_until(page, lambda: grid.locator('[role="gridcell"]').count() > 0, what="audit table")
    cells = " ".join(grid.locator('[role="gridcell"]').all_inner_texts())
    assert "重复列出" in cells or "来源不一致" in cells
    assert "duplicate_listing" not in cells and "source_disagreement" not in cells
