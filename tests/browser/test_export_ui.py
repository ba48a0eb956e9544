"""Export from the running app: the current view downloads as a print-ready PNG and as data."""

from __future__ import annotations

import zipfile

import openpyxl
import pytest
from PIL import Image

from tests.browser.conftest import choose, download, open_app, wait_idle

pytestmark = pytest.mark.browser


def open_export(page) -> None:
    page.locator('[data-testid="stSidebar"] [data-testid="stExpander"] summary').filter(has_text="导出").click()


def test_download_pv_map_png_from_the_view(page, app_url, tmp_path):
    open_app(page, app_url + "?chain=3")
    open_export(page)
    title = page.locator('[data-testid="stTextInput"] input')
    assert title.input_value() == "宿迁市晶硅光伏产业链布局示意图"
    path = download(page, page.get_by_role("button", name="下载地图"), tmp_path / "map.png")
    with Image.open(path) as im:
        assert im.format == "PNG" and round(im.info["dpi"][0]) == 300
        assert im.size[0] == pytest.approx(3508, abs=2)


def test_download_view_data_as_xlsx_and_whole_dataset_as_csv(page, app_url, tmp_path):
    open_app(page, app_url + "?chain=9&area=sihong")
    open_export(page)
    download(page, page.get_by_role("button", name="下载数据"), tmp_path / "view.xlsx")
    wb = openpyxl.load_workbook(tmp_path / "view.xlsx")
    assert {"说明", "hosts", "area_industries"} <= set(wb.sheetnames)
    page.locator('[data-testid="stRadio"]').filter(has_text="全部数据").get_by_text("全部数据").click()
    wait_idle(page)
    fmt = page.locator('[data-testid="stSelectbox"]').filter(has_text="格式").nth(1)
    choose(page, fmt, "CSV")
    wait_idle(page)  # the zip below proves the new choice took
    z = zipfile.ZipFile(download(page, page.get_by_role("button", name="下载数据"), tmp_path / "all.zip"))
    assert {"assignments.csv", "conflicts.csv", "SOURCE.txt"} <= set(z.namelist())
