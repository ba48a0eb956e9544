"""The Workspace page in headless Chromium: template download, a draft imported from it, a bad file rejected,
the difference map against the baseline, and the map page showing the chosen version (v= in the URL)."""

from __future__ import annotations

import openpyxl
import pytest

from tests.browser.conftest import download, map_frame, wait_idle, wait_until

pytestmark = pytest.mark.browser


def test_template_import_compare_and_show(page, app_url, tmp_path):
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
    bad = tmp_path / "bad.csv"
    bad.write_text("area_id,industry_id\nnowhere,pv\n", encoding="utf-8")

    uploader = page.locator('[data-testid="stFileUploaderDropzoneInput"]')
    uploader.set_input_files(str(bad))
    page.get_by_role("button", name="检查并导入").click()
    wait_until(page, lambda: page.get_by_text("未导入").count() > 0, what="rejection")
    wait_idle(page)
    uploader.set_input_files(str(draft))
    page.get_by_label("版本名称").fill("十五五 草案")
    page.get_by_role("button", name="检查并导入").click()
    wait_until(page, lambda: page.get_by_text("已导入为新版本").count() > 0, timeout=40, what="import success")
    wait_idle(page)
    # the comparison defaults to baseline -> latest: 泗洪县 lost an industry
    frame = next(f for f in page.frames if "st_folium" in f.url)
    wait_until(page, lambda: frame.locator("path").count() >= 9, what="difference map")
    html = frame.content()
    assert "#D73027" in html or "#d73027" in html  # 'lost' colour drawn
    assert page.get_by_text("减少").count() > 0  # legend entry
    page.goto(app_url + "?v=1")
    map_frame(page)
    assert "v=1" in page.url
