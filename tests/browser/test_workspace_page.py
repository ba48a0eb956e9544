"""The Workspace page in headless Chromium: template download, a draft imported from it, a bad file rejected,
the difference map against the baseline, and the map page showing the chosen version (v= in the URL)."""

from __future__ import annotations

from pathlib import Path

import openpyxl
import pytest
from playwright.sync_api import Page

from tests.browser.conftest import download, map_frame, wait_idle, wait_until

pytestmark = pytest.mark.browser


def test_template_import_compare_and_show(page: Page, app_url: str, tmp_path: Path) -> None:
    page.goto(app_url + "workspace")
    wait_until(page, lambda: "工作空间" in page.locator("h1").first.inner_text(), what="workspace page")
    page.get_by_text("下载导入模板").first.click()
    tpl = download(
        page, page.get_by_role("button", name="下载导入模板（Excel，含说明和下拉列表）"), tmp_path / "t.xlsx"
    )
    wb = openpyxl.load_workbook(tpl)
    assert wb.sheetnames[0] == "说明"
    sheet = wb["assignments"]
    drop = [r for r in sheet.iter_rows(min_row=2) if r[0].value == "sihong" and r[1].value == "pv"]
    for row in drop:
        sheet.delete_rows(row[0].row)  # a draft in which 泗洪县 no longer hosts 光伏
    draft = tmp_path / "draft.xlsx"
    wb.save(draft)
    bad = tmp_path / "assignments.csv"
    header = "area_id,industry_id,subindustry_id,source,ref,line,position,area_as_written,quote,note"
    bad.write_text(f"{header}\nnowhere,pv,,ch4,第四章,722,1,某地,某地 光伏,\n", encoding="utf-8")

    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(str(bad))
    page.get_by_role("button", name="检查并导入").click()
    wait_until(page, lambda: page.get_by_text("未导入").count() > 0, what="rejection")
    problem = "assignments.csv：第 1 行（文件第 2 行），列 area_id（地区编号）：'nowhere' 不是已有的地区编号"
    wait_until(page, lambda: page.get_by_text(problem).count() == 1, what="the problem named by file, row, column")
    page.goto(app_url + "workspace")  # a fresh uploader
    wait_until(page, lambda: page.get_by_text("assignments.csv").count() == 0, what="the new page")
    wait_idle(page)
    wait_until(page, lambda: uploader.count() == 1, what="uploader")
    uploader.set_input_files(str(draft))
    wait_until(page, lambda: page.get_by_text("draft.xlsx").count() > 0, what="the uploaded file listed")
    page.get_by_label("版本名称").fill("十五五 草案")
    page.get_by_role("button", name="检查并导入").click()
    try:
        wait_until(page, lambda: page.get_by_text("已导入为新版本").count() > 0, timeout=40, what="import success")
    except AssertionError:
        page.screenshot(path="test-artifacts/workspace-import.png", full_page=True)
        raise
    wait_idle(page)

    # the comparison defaults to baseline -> latest: 泗洪县 lost an industry
    def lost_drawn() -> bool:  # the difference map re-renders once the new version is the comparison's target
        return any("#d73027" in f.content().lower() for f in page.frames if "st_folium" in f.url)

    wait_until(page, lost_drawn, timeout=40, what="difference map with the 'lost' colour")
    page.screenshot(path="test-artifacts/workspace-compare.png", full_page=True)
    frame = next(f for f in page.frames if "st_folium" in f.url and "#d73027" in f.content().lower())
    wait_until(page, lambda: frame.locator("path").count() >= 9, what="difference map")
    assert page.get_by_text("减少").count() > 0  # legend entry
    page.goto(app_url + "?v=1")
    map_frame(page)
    assert "v=1" in page.url
