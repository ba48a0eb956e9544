"""The 边界导入 page in headless Chromium against its own app on a temporary workspace: upload a Gauss–Krüger
Shapefile with no .prj, choose the suggested CRS, see matches, findings and the preview map, save a new version.

Needs the workspace store (sq_layout.store).
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Page
from shapely.geometry import box

from sq_layout.plan.dataset import bundled
from tests.browser.conftest import serve_app, wait_until
from tests.imports.boundary_fixtures import SUSU, SUSU_NAME, frame, shapefile_zip, written

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def import_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """The app on a free port with SQ_LAYOUT_DB pointing at a fresh SQLite file."""
    db = tmp_path_factory.mktemp("ws") / "workspace.sqlite"
    with serve_app({"SQ_LAYOUT_DB": f"sqlite:///{db}"}, "streamlit-boundaries.log") as url:
        yield url


def test_import_a_gk_shapefile_without_prj_and_save(
    page: Page, import_url: str, tmp_path: Path, external_requests: list[str]
) -> None:
    upload = tmp_path / "susu-cgcs2000-gk.zip"
    upload.write_bytes(shapefile_zip(tmp_path, frame([SUSU], [SUSU_NAME], "EPSG:4549"), prj=False, cpg=False))
    page.goto(import_url + "boundaries")
    page.wait_for_selector("text=边界文件", timeout=30000)
    page.set_input_files("input[type=file]", str(upload))
    page.wait_for_selector("text=根据坐标推测：EPSG:4549", timeout=30000)
    page.locator("[data-testid=stSelectbox]").first.click()
    page.get_by_role("option", name="EPSG:4549").first.click()
    page.wait_for_selector("text=苏宿工业园区 (susu) · 通过", timeout=30000)
    assert "编码：gb18030 (detected)" in page.inner_text("[data-testid=stMain]")
    wait_until(page, lambda: any("st_folium" in f.url for f in page.frames), what="preview map")
    preview = next(f for f in page.frames if "st_folium" in f.url)
    wait_until(page, lambda: preview.locator("path.sq-imported").count() == 1, timeout=30, what="imported outline")
    page.get_by_label("边界来源").fill("宿迁市自然资源和规划局")
    page.get_by_label("资料日期").fill("2025-06")
    page.get_by_role("button", name="保存为新版本").click()
    page.wait_for_selector("text=已保存：新版本", timeout=30000)
    assert external_requests == []


def test_a_whole_city_box_for_a_county_cannot_be_saved(page: Page, import_url: str, tmp_path: Path) -> None:
    upload = tmp_path / "box.geojson"
    upload.write_bytes(
        written(tmp_path, frame([box(*bundled().boundaries.total_bounds)], ["泗洪县"]), "b.geojson", "GeoJSON")
    )
    page.goto(import_url + "boundaries")
    page.wait_for_selector("text=边界文件", timeout=30000)
    page.set_input_files("input[type=file]", str(upload))
    page.wait_for_selector("text=存在错误，修正后才能保存", timeout=30000)
    assert "覆盖了几乎整个宿迁市" in page.inner_text("[data-testid=stMain]")
    assert page.get_by_role("button", name="保存为新版本").is_disabled()


AFTER = """() => getComputedStyle(
    document.querySelector('[data-testid=stFileUploaderDropzoneInstructions] > div'), '::after').content"""


def test_each_uploader_says_the_size_the_app_accepts(page: Page, import_url: str) -> None:
    page.goto(import_url + "boundaries")
    where = page.locator("[data-testid=stFileUploaderDropzoneInstructions]")
    wait_until(page, lambda: where.count() == 1, timeout=60, what="the boundary file's uploader")
    assert "单个文件不超过 50MB" in page.evaluate(AFTER)  # a boundary file: 50 MB
    page.goto(import_url + "investment?lang=en&tab=import")
    wait_until(page, lambda: where.count() == 1, timeout=60, what="the investment import's uploader")
    assert "20MB per file" in where.inner_text()  # a table: 20 MB, Streamlit's own words in English
    page.get_by_text("中文", exact=True).click()
    wait_until(page, lambda: "单个文件不超过 20MB" in str(page.evaluate(AFTER)), timeout=60, what="the size in Chinese")
