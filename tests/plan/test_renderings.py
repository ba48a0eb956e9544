"""English renderings of the plan's Chinese-only names and featured products, and the panel and exports using them."""

from __future__ import annotations

from pathlib import Path

import pytest

from layers.panel import area_panel_html
from sq_layout.analysis.queries import Selection
from sq_layout.analysis.views import area_panel
from sq_layout.errors import DataError
from sq_layout.export.dataexport import selection_tables
from sq_layout.i18n import Lang
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.plan.propernames import RENDERED_KINDS, english_names, shown_name


@pytest.fixture(scope="module")
def ds() -> Dataset:
    return bundled()


def test_every_product_and_name_in_the_bundled_details_has_a_rendering(ds: Dataset) -> None:
    texts = ds.details.loc[ds.details["kind"].isin(RENDERED_KINDS), "text"]
    missing = sorted(set(texts) - set(english_names()))
    assert not missing, f"no English rendering in geodata/plan/phrases_en.csv or proper_names.csv for: {missing}"
    assert shown_name("车辆装备制造", "en") == "vehicle equipment manufacturing (车辆装备制造)"
    assert shown_name("车辆装备制造", "zh") == "车辆装备制造"


def test_english_panel_and_export_show_products_as_rendering_with_the_plan_wording(ds: Dataset) -> None:
    en = area_panel(ds, "shuyang", "en").details
    products = en[en["kind"] == "Product"]["text"]
    assert "vehicle equipment manufacturing (车辆装备制造)" in set(products)
    assert all(s.endswith(")") and "(" in s and s[0].isascii() for s in products)
    zh = area_panel(ds, "shuyang", "zh").details
    assert "车辆装备制造" in set(zh[zh["kind"] == "特色产品"]["text"])  # Chinese mode unchanged
    html = area_panel_html(area_panel(ds, "shuyang", "en"), "en", {})
    assert "vehicle equipment manufacturing (车辆装备制造); " in html
    exported = selection_tables(ds, Selection(), "shuyang", "en")["area_details"]
    assert "vehicle equipment manufacturing (车辆装备制造)" in set(exported["Text"])  # readable headers too


CAPTIONS = [("en", "Plan text (Chinese original)", "Line 799: "), ("zh", "规划原文", "L799：")]


@pytest.mark.parametrize(("lang", "caption", "line"), CAPTIONS)
def test_plan_passages_are_labelled_as_the_chinese_original(ds: Dataset, lang: Lang, caption: str, line: str) -> None:
    html = area_panel_html(area_panel(ds, "shuyang", lang), lang, {})
    assert f"<summary>{caption}</summary>" in html and f'<div class="passage" lang="zh">{line}' in html


def test_a_rendering_listed_twice_is_refused_naming_file_and_row(tmp_path: Path) -> None:
    bad = tmp_path / "phrases_en.csv"
    rows = ["name,name_en,kind,basis", "水饺,dumplings,product,translation", "水饺,boiled,product,translation"]
    bad.write_text("\n".join(rows) + "\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"phrases_en\.csv(.|\n)*row 2 \(line 3\): 'name' '水饺' is listed twice"):
        english_names(bad)
