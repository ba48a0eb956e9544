"""One legend per map, from the shared model: its rows are exactly the fills the map draws, no two look alike, and
English names of parks and firms carry the printed Chinese name beside them."""

from __future__ import annotations

import re
from itertools import combinations
from pathlib import Path

import geopandas as gpd
import pytest

from layers.legend import map_legend_html, ramp_legend_html
from layers.restyle import AreaStyles
from layers.selection import host_styles, thematic_styles
from sq_layout.analysis.area_summary import area_summary
from sq_layout.analysis.queries import Selection, host_summary
from sq_layout.analysis.views import single_legend
from sq_layout.errors import DataError
from sq_layout.geo.simplify import browser_geometry
from sq_layout.i18n import Lang
from sq_layout.legend import composite, legend_entries, look
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.plan.propernames import english_names, shown_name

SWATCH = re.compile(r'class="sq-sw" style="background:(#[0-9A-F]{6})')


@pytest.fixture(scope="module")
def geo(ds: Dataset) -> gpd.GeoDataFrame:
    return browser_geometry(areas_frame(ds))


def _hex(fill: str, opacity: float) -> str:
    return "#{:02X}{:02X}{:02X}".format(*(round(c * 255) for c in composite(fill, opacity)))


def _drawn(styles: AreaStyles, kinds: list[str]) -> set[str]:
    """The fills the map draws on counties, as they look over white (a zone's fill is a little lighter over its
    county by design, sq_layout.style), plus the white of zones that do not host."""
    used = {int(c, 36) for c, k in zip(styles.idx, kinds, strict=True) if c != "." and k == "county"}
    fills = {_hex(styles.palette[i].fill, styles.palette[i].opacity) for i in used}
    return fills | {_hex(p.fill, p.opacity) for p in styles.palette if "sq-dim-zone" in p.classes}


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_opening_view_legend_lists_exactly_the_drawn_classes(ds: Dataset, geo: gpd.GeoDataFrame, lang: Lang) -> None:
    html = map_legend_html(geo, host_summary(ds, Selection()), False, None, False, lang)
    assert set(SWATCH.findall(html)) == _drawn(thematic_styles(geo), ["county"] * len(geo))  # one opacity for all
    for text in ("各区域承载产业数", "县区", "功能区（示意范围）") if lang == "zh" else ("Industries per area",):
        assert text in html
    assert "sq-map-legend" not in html and "当前选中区域" not in html


@pytest.mark.parametrize("chains", [(9,), (3, 9), (1, 2, 3, 4, 5, 6, 7, 8, 9, 10)])
def test_filter_legend_lists_every_host_fill_the_map_draws(
    ds: Dataset, geo: gpd.GeoDataFrame, chains: tuple[int, ...]
) -> None:
    sel = Selection(chains=chains)
    summary, single = host_summary(ds, sel), single_legend(ds, sel, "zh")
    styles = host_styles(geo, summary, single[1] if single else None)
    html = map_legend_html(geo, summary, True, single, True, "zh")
    assert _drawn(styles, list(geo["kind"])) <= set(SWATCH.findall(html))  # every fill on the map is explained
    assert "当前选中区域" in html and "功能区不承载所选项" in html


@pytest.mark.parametrize(
    ("filtering", "single", "count"), [(False, None, 0), (True, ("晶硅光伏", "#F28E2B"), 1), (True, None, 5)]
)
def test_no_two_web_legend_rows_look_alike(filtering: bool, single: tuple[str, str] | None, count: int) -> None:
    rows = legend_entries(
        "zh", filtering, single, count, True, official=True, theme_counts=[2, 4, 5, 7, 1], zone_holes=True
    )
    for a, b in combinations(rows, 2):  # a fill is drawn as a box, an outline as a line: the kind counts too
        assert (a.is_fill, look(a)) != (b.is_fill, look(b)), (a.label, b.label)


def test_ramp_legend_and_escaping() -> None:
    html = ramp_legend_html("<b>x</b>", "0", "1", "en")
    assert len(SWATCH.findall(html)) == 5 and "&lt;b&gt;" in html and "Selected area" in html


def test_every_proper_name_has_an_english_rendering(ds: Dataset) -> None:
    proper = ds.details[ds.details["kind"].isin(["carrier", "firm", "town"])]
    assert set(proper["text"]) <= set(english_names())
    assert shown_name("洋河股份", "en") == "Jiangsu Yanghe Brewery Joint-Stock Co., Ltd. (洋河股份)"  # its own name
    assert shown_name("双沟股份", "en") == "Shuanggou Distillery Co. (双沟股份)"
    assert shown_name("洋河股份", "zh") == "洋河股份" and shown_name("不在表中", "en") == "不在表中"
    card = area_summary(ds, "sihong", "en")
    assert all("(" in f and f.endswith(")") for f in card.firms + card.carriers)


def test_a_bad_names_file_is_named_in_the_error(tmp_path: Path) -> None:
    bad = tmp_path / "proper_names.csv"
    bad.write_text("name,name_en\n洋河股份,\n", encoding="utf-8")
    with pytest.raises(DataError, match=r"proper_names\.csv"):
        english_names(bad)
