"""Export beside the map: the current view downloads as a print-ready PNG and as data, with names that say what."""

from __future__ import annotations

import datetime as dt
import zipfile
from pathlib import Path

import openpyxl
import pytest
from PIL import Image
from playwright.sync_api import Page

from tests.browser.conftest import open_app, pick, rerun, wait_idle, wait_until

pytestmark = pytest.mark.browser


def open_export(page: Page) -> None:
    """The export control sits above the map, not in a collapsed sidebar expander."""
    button = page.locator("[data-testid='stMain'] [data-testid='stPopover'] button").filter(has_text="导出")
    assert button.is_visible()
    button.click()
    page.locator("[data-testid='stPopoverBody']").first.wait_for(state="visible")


def fetch(page: Page, name: str, tmp_path: Path, tries: int = 3) -> tuple[str, Path]:
    """Click a download button in the export popover; return (suggested file name, saved path)."""
    for attempt in range(tries):
        wait_idle(page)
        try:
            with page.expect_download(timeout=60_000) as dl:
                page.get_by_role("button", name=name).click()
            path = tmp_path / dl.value.suggested_filename
            dl.value.save_as(path)
            return dl.value.suggested_filename, path
        except Exception:
            if attempt == tries - 1:
                raise
            open_export(page)
    raise AssertionError("unreachable")


def test_download_pv_map_png_named_for_its_content(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url + "?chain=3")
    open_export(page)
    title = page.locator("[data-testid='stPopoverBody'] [data-testid='stTextInput'] input")
    wait_until(page, lambda: title.input_value() == "宿迁市晶硅光伏产业链布局示意图", what="the generated title")
    name, path = fetch(page, "下载地图", tmp_path)
    assert name == f"宿迁市-晶硅光伏-产业链布局示意图-{dt.date.today().isoformat()}.png"
    with Image.open(path) as im:
        assert im.format == "PNG" and round(im.info["dpi"][0]) == 300
        assert im.size[0] == pytest.approx(3508, abs=2)


def test_download_view_data_as_xlsx_and_whole_dataset_as_csv(page: Page, app_url: str, tmp_path: Path) -> None:
    open_app(page, app_url + "?chain=9&area=sihong")
    open_export(page)
    name, path = fetch(page, "下载数据", tmp_path)
    assert name.startswith("泗洪县-酿造（酒）-数据-") and name.endswith(".xlsx")
    wb = openpyxl.load_workbook(path)
    assert {"说明", "承载区域", "表十一数字", "所选区域产业"} <= set(wb.sheetnames)
    assert [c.value for c in wb["表十一数字"][2]][:3] == ["酿造（酒）", "全市", 312.27]
    body = page.locator("[data-testid='stPopoverBody']")
    with rerun(page):
        body.locator('[data-testid="stRadio"]').get_by_text("全部数据").click()
    pick(page, body.locator('[data-testid="stSelectbox"]').filter(has_text="格式").nth(1), "CSV")
    name, path = fetch(page, "下载数据", tmp_path)
    assert name.startswith("宿迁市-全部数据-") and name.endswith(".zip")
    assert {"布局.csv", "规划内部矛盾.csv", "SOURCE.txt"} <= set(zipfile.ZipFile(path).namelist())


def test_copy_link_shows_the_link_to_this_view(page: Page, app_url: str) -> None:
    open_app(page, app_url + "?chain=3&area=sihong")
    page.locator("[data-testid='stPopover'] button").filter(has_text="复制链接").click()
    code = page.locator("[data-testid='stPopoverBody'] code").first
    code.wait_for(state="visible")
    link = code.inner_text()
    assert link.startswith(app_url) and "chain=3" in link and "area=sihong" in link
