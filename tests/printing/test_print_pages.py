"""Printed pages: the map fills the printable width, legend swatches differ, every facts-table row is printed,
PDFs render their text in MuPDF and poppler alike, and atlas builds never touch files they did not create."""

from __future__ import annotations

import re
import shutil
import subprocess
import threading
from itertools import combinations
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
import shapely
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.patches import Rectangle
from pypdf import PdfReader
from pypdf.generic import DictionaryObject

from sq_layout.analysis.queries import Selection
from sq_layout.i18n.lang import Lang
from sq_layout.legend import composite, legend_entries, look
from sq_layout.plan.dataset import Dataset
from sq_layout.printing import fontprep
from sq_layout.printing.areapage import area_report_table
from sq_layout.printing.atlas import Cancelled, Page, atlas_pages, build_atlas, render_pages
from sq_layout.printing.facts import printed_rows
from sq_layout.printing.mapdraw import print_geometry
from sq_layout.printing.paper import MARGIN_MM, cell_text
from sq_layout.printing.printmap import (
    PrintSpec,
    continuation_page,
    map_bytes,
    map_pages,
    render_page,
    save_figure,
)
from tests.printing.test_print_parity import LegendRow, printed_legend

PV = Selection(chains=(3,))
# what a legend swatch looks like (sq_layout.legend.look): shown fill, outline colour, dashed
Look = tuple[tuple[float, float, float], str, bool]
READERS = all(shutil.which(t) for t in ("mutool", "pdftotext", "pdftoppm", "qpdf"))


def three_pages(ds: Dataset, lang: Lang = "zh") -> list[Page]:
    """The overview, a chain page and the 沭阳县 area page: the everyday path of an atlas build."""
    pages = atlas_pages(ds, lang)
    return [pages[0], next(p for p in pages if p.stem.startswith("203")), next(p for p in pages if p.area == "shuyang")]


@pytest.fixture(scope="module")
def small_atlas(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("atlas") / "atlas"
    build_atlas(ds, out, PrintSpec(dpi=30, orientation="portrait"), pages=three_pages(ds))
    return out


# --- page geometry and legend ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("paper", "orientation", "sel", "area"),
    [
        ("a4", "landscape", PV, "sihong"),
        ("a3", "portrait", Selection(), None),
        ("a4", "portrait", Selection(), "shuyang"),
    ],
)
def test_map_frame_fills_the_printable_width(
    ds: Dataset, paper: str, orientation: str, sel: Selection, area: str | None
) -> None:
    page = render_page(ds, sel, area, PrintSpec(paper, orientation, 72))
    page.fig.canvas.draw()
    frame = page.ax.get_window_extent()
    page_w_in = page.fig.get_size_inches()[0]
    printable_in = page_w_in - 2 * MARGIN_MM / 25.4
    assert frame.width / page.fig.dpi == pytest.approx(printable_in, rel=0.005)
    assert frame.x0 / page.fig.dpi == pytest.approx(MARGIN_MM / 25.4, abs=0.02)


def _distinct(a: Look, b: Look) -> bool:
    (fa, ea, da), (fb, eb, db) = a, b
    colour = sum((x - y) ** 2 for x, y in zip(fa, fb, strict=True)) ** 0.5
    return colour >= 0.1 or ea != eb or da != db


@pytest.mark.parametrize(
    ("filtering", "single", "count", "selected"),
    [(False, None, 0, True), (True, ("晶硅光伏", "#F28E2B"), 1, True), (True, None, 5, True)],
)
def test_no_two_legend_swatches_look_alike(
    filtering: bool, single: tuple[str, str] | None, count: int, selected: bool
) -> None:
    entries = legend_entries("zh", filtering, single, count, selected)
    for a, b in combinations(entries, 2):
        assert _distinct(look(a), look(b)), (a.label, b.label)


def _differ(a: LegendRow, b: LegendRow) -> bool:
    """Two printed legend rows (tests.test_print_parity.printed_legend) differ in kind or in look."""
    shown = [composite(r[2], 1.0) if r[2] else composite(None, 0) for r in (a, b)]
    return a[1] != b[1] or _distinct((shown[0], a[3], a[4]), (shown[1], b[3], b[4]))


def test_printed_legend_swatches_differ(ds: Dataset) -> None:
    for sel, area in ((PV, "sihong"), (Selection(chains=(9, 10, 18)), None), (Selection(), None)):
        page = render_page(ds, sel, area, PrintSpec(dpi=72))
        for a, b in combinations(printed_legend(page.ax), 2):
            assert _differ(a, b), (a[0], b[0])
    area_fig = render_pages(ds, next(p for p in atlas_pages(ds, "zh") if p.area == "shuyang"), PrintSpec(dpi=72))[0]
    for a, b in combinations(printed_legend(area_fig.axes[0]), 2):
        assert _differ(a, b), (a[0], b[0])


def test_area_page_colours_the_areas_industries(ds: Dataset) -> None:
    atlas_page = next(p for p in atlas_pages(ds, "zh") if p.area == "shuyang")
    ax = render_pages(ds, atlas_page, PrintSpec(dpi=72))[0].axes[0]
    legend = ax.get_legend()
    assert legend is not None
    labels = [h.get_label() for h in legend.legend_handles if h is not None]
    hosted = ds.industries[
        ds.industries["industry_id"].isin(ds.assignments.query("area_id == 'shuyang'")["industry_id"])
    ]
    assert set(hosted["name"]) <= set(labels)
    drawn = {tuple(round(float(v), 2) for v in fc[:3]) for c in ax.collections for fc in np.asarray(c.get_facecolor())}
    for colour in hosted["color"]:
        rgb = tuple(round(int(colour[i : i + 2], 16) / 255, 2) for i in (1, 3, 5))
        assert any(all(abs(a - b) < 0.011 for a, b in zip(rgb, d, strict=True)) for d in drawn), colour


def test_overview_scale_bar_has_its_own_strip(ds: Dataset) -> None:
    fig = render_pages(ds, atlas_pages(ds, "zh")[0], PrintSpec(dpi=72, orientation="portrait"))[0]
    fig.canvas.draw()
    maps = [ax for ax in fig.axes if ax.get_title()]
    assert len(maps) == 9
    bar_axes = [ax for ax in fig.axes if any(t.get_text().endswith(" km") for t in ax.texts)]
    assert len(bar_axes) == 1 and bar_axes[0] not in maps
    strip = bar_axes[0].get_window_extent()
    assert all(not strip.overlaps(ax.get_window_extent()) for ax in maps)
    assert (
        abs(bar_axes[0].get_xlim()[1] - bar_axes[0].get_xlim()[0] - (maps[-1].get_xlim()[1] - maps[-1].get_xlim()[0]))
        < 1
    )
    assert strip.width == pytest.approx(maps[-1].get_window_extent().width, rel=0.01)  # same metres per point


@pytest.mark.parametrize("stem", ["203-晶硅光伏", "305-泗洪县"])
def test_scale_bar_and_its_labels_cover_no_area_and_not_the_legend(ds: Dataset, stem: str) -> None:
    page = next(p for p in atlas_pages(ds, "zh") if p.stem == stem)
    fig = render_pages(ds, page, PrintSpec(dpi=72, orientation="portrait"))[0]
    fig.canvas.draw()
    ax = next(a for a in fig.axes if a.get_legend() is not None)
    assert isinstance(fig.canvas, FigureCanvasAgg)  # the printer's own canvas (printmap.PageCanvas)
    renderer = fig.canvas.get_renderer()  # type: ignore[no-untyped-call]  # backend_agg has no annotations
    km = next(t for t in ax.texts if t.get_text().endswith(" km"))
    labels = [t for t in ax.texts if t.get_position()[1] == km.get_position()[1]]
    segments = [r for r in ax.patches if isinstance(r, Rectangle) and r.get_facecolor()[:3] in ((0, 0, 0), (1, 1, 1))]
    bar = labels + [r for r in segments if r.get_height() < 5000]
    assert len(bar) == 7  # three labels, four segments
    land = [c.get_window_extent(renderer) for c in ax.collections]
    drawn_legend = ax.get_legend()
    assert drawn_legend is not None
    legend = drawn_legend.get_window_extent(renderer)
    geo = print_geometry(ds)[0].union_all()
    for part in bar:
        ext = part.get_window_extent(renderer)
        corners = ax.transData.inverted().transform([(ext.x0, ext.y0), (ext.x1, ext.y1)])
        assert not geo.intersects(shapely.box(*corners[0], *corners[1])), part
        assert not ext.overlaps(legend), part
    assert land  # the areas were drawn


# --- facts tables ----------------------------------------------------------------------------------


def test_every_facts_table_row_of_every_atlas_page_is_printed(ds: Dataset) -> None:
    spec = PrintSpec(dpi=72, orientation="portrait")
    for page in atlas_pages(ds, "zh"):
        printed = [r for fig in render_pages(ds, page, spec) for r in printed_rows(fig)]
        assert page.table is not None
        expected = page.table.map(cell_text).values.tolist()
        assert printed == expected, page.stem
    assert not [r for r in printed if any("… +" in c for c in r)]


def test_a_long_table_continues_on_following_pages(ds: Dataset) -> None:
    page = next(p for p in atlas_pages(ds, "zh") if p.area == "shuyang")
    long = pd.concat([page.table] * 8, ignore_index=True)  # 120 rows
    figs = render_pages(ds, type(page)(page.stem, page.title, page.selection, page.area, long), PrintSpec(dpi=72))
    assert len(figs) >= 3
    assert [r for f in figs for r in printed_rows(f)] == long.map(cell_text).values.tolist()
    assert any("（续）" in t.get_text() for t in figs[1].texts)
    assert continuation_page(PrintSpec(lang="en"), "X", long.head(3)).texts[0].get_text() == "X (continued)"


# --- PDFs in MuPDF and poppler ---------------------------------------------------------------------


def _readers(pdf: Path, tmp: Path) -> tuple[str, str]:
    """Render every page with both readers (no font complaint allowed) and return the text each extracts."""
    mu = subprocess.run(
        ["mutool", "draw", "-r", "20", "-o", str(tmp / "mu-%d.png"), str(pdf)], capture_output=True, text=True
    )
    assert mu.returncode == 0
    assert not re.search(r"cannot render glyph|FT_Load_Glyph|error", mu.stderr, re.I), mu.stderr[:500]
    pop = subprocess.run(["pdftoppm", "-r", "20", "-png", str(pdf), str(tmp / "pp")], capture_output=True, text=True)
    assert pop.returncode == 0 and "Mismatch" not in pop.stderr and "Error" not in pop.stderr, pop.stderr[:500]
    check = subprocess.run(["qpdf", "--check", str(pdf)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout[-500:]
    mu_text = subprocess.run(["mutool", "draw", "-F", "txt", str(pdf)], capture_output=True, text=True).stdout
    pop_text = subprocess.run(["pdftotext", str(pdf), "-"], capture_output=True, text=True).stdout
    return mu_text, pop_text


def _chars(text: str) -> str:
    return "".join(sorted(set(re.sub(r"\s", "", text))))


@pytest.mark.skipif(not READERS, reason="mupdf-tools, poppler-utils and qpdf are installed by .ci/run")
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_single_map_pdf_renders_its_text_in_mupdf_and_poppler(ds: Dataset, tmp_path: Path, lang: Lang) -> None:
    pdf = save_figure(render_page(ds, PV, "sihong", PrintSpec(dpi=72, lang=lang)).fig, tmp_path / "pv.pdf")
    mu, pop = _readers(pdf, tmp_path)
    title = "宿迁市晶硅光伏产业链布局示意图" if lang == "zh" else "Suqian: layout of"
    for text in (mu, pop):
        assert title in text.replace("\n", "") and ("图例" in text or "Legend" in text)
    assert _chars(mu) == _chars(pop)
    assert pdf.stat().st_size < 600_000


@pytest.mark.skipif(not READERS, reason="mupdf-tools, poppler-utils and qpdf are installed by .ci/run")
def test_atlas_pdf_renders_its_text_in_mupdf_and_poppler(small_atlas: Path, tmp_path: Path) -> None:
    mu, pop = _readers(small_atlas / "atlas.pdf", tmp_path)
    for text in (mu, pop):
        flat = re.sub(r"\s", "", text)
        assert "沭阳县产业布局示意图" in flat and "晶硅光伏" in flat and "规划来源" in flat
    assert _chars(mu) == _chars(pop)


# --- atlas files -----------------------------------------------------------------------------------


def test_small_atlas_names_pages_and_writes_only_its_own_files(ds: Dataset, small_atlas: Path) -> None:
    assert sorted(p.name for p in (small_atlas / "png").iterdir()) == [
        "00-总览.png",
        "203-晶硅光伏.png",
        "303-沭阳县.png",
    ]
    assert len(PdfReader(small_atlas / "atlas.pdf").pages) == 3
    assert sorted(p.name for p in small_atlas.iterdir()) == ["atlas.pdf", "png"]


def test_atlas_into_an_existing_folder_keeps_other_files(ds: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "report"
    out.mkdir()
    (out / "thesis.docx").write_bytes(b"my thesis")
    build_atlas(ds, out, PrintSpec(dpi=30), png=False, pages=three_pages(ds)[1:2])
    assert sorted(p.name for p in out.iterdir()) == ["atlas.pdf", "thesis.docx"]  # --no-png: no png/ folder
    assert (out / "thesis.docx").read_bytes() == b"my thesis"


def test_atlas_to_a_pdf_path_writes_that_file(ds: Dataset, tmp_path: Path) -> None:
    got = build_atlas(ds, tmp_path / "atlas.pdf", PrintSpec(dpi=30), png=False, pages=three_pages(ds)[1:2])
    assert got == tmp_path / "atlas.pdf" and got.is_file() and len(PdfReader(got).pages) == 1
    assert sorted(p.name for p in tmp_path.iterdir()) == ["atlas.pdf"]


def test_cancel_keeps_the_finished_atlas_and_leaves_nothing(ds: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    build_atlas(ds, out, PrintSpec(dpi=30), pages=three_pages(ds)[1:2])
    before = (out / "atlas.pdf").read_bytes()
    calls = iter(range(100))
    with pytest.raises(Cancelled):
        build_atlas(ds, out, PrintSpec(dpi=30), pages=three_pages(ds)[1:], cancelled=lambda: next(calls) >= 1)
    assert (out / "atlas.pdf").read_bytes() == before
    assert sorted(p.name for p in out.iterdir()) == ["atlas.pdf", "png"] and [p.name for p in tmp_path.iterdir()] == [
        "atlas"
    ]


def test_two_builds_at_once_both_finish(ds: Dataset, tmp_path: Path) -> None:
    out = tmp_path / "atlas"
    errors: list[BaseException] = []

    def build() -> None:
        try:
            build_atlas(ds, out, PrintSpec(dpi=30, orientation="portrait"), pages=three_pages(ds)[2:3])
        except BaseException as exc:  # reported below
            errors.append(exc)

    threads = [threading.Thread(target=build) for _ in range(2)]
    for th in threads:
        th.start()
    for th in threads:
        th.join(timeout=300)
    assert errors == []
    assert len(PdfReader(out / "atlas.pdf").pages) == 1
    assert sorted(p.name for p in out.iterdir()) == ["atlas.pdf", "png"]
    assert sorted(p.name for p in (out / "png").iterdir()) == ["303-沭阳县.png"]


# --- an area's report page and bold, searchable titles ----------------------------------------------


def _title_fonts(pdf: Path, title_part: str) -> set[str]:
    """The PDF font names that set a text run containing `title_part` (pypdf's text visitor)."""
    fonts: set[str] = set()

    def visit(text: str, cm: object, tm: object, font_dict: DictionaryObject | None, font_size: float) -> None:
        """pypdf's text visitor (its signature): note the font of a run with the title in it."""
        if title_part in text and font_dict:
            fonts.add(str(font_dict.get("/BaseFont", "")))

    for page in PdfReader(pdf).pages:
        page.extract_text(visitor_text=visit)
    return fonts


@pytest.mark.skipif(not READERS, reason="mupdf-tools, poppler-utils and qpdf are installed by .ci/run")
@pytest.mark.skipif(fontprep.bold_source() is None, reason="fonts-noto-cjk (Bold) is installed by .ci/run")
def test_an_areas_pdf_lists_what_the_plan_assigns_it_with_a_bold_searchable_title(ds: Dataset, tmp_path: Path) -> None:
    pdf = tmp_path / "shuyang.pdf"
    pdf.write_bytes(map_bytes(ds, Selection(), "shuyang", PrintSpec(dpi=72), "pdf"))
    mu, pop = _readers(pdf, tmp_path)
    table = area_report_table(ds, "shuyang", "zh")
    for text in (mu, pop):
        flat = re.sub(r"\s", "", text)
        assert "沭阳县产业布局示意图" in flat
        for col in ("产业", "细分产业", "产业链", "载体园区", "重点乡镇", "规划来源"):
            assert col in flat
        for value in {v for c in ("产业", "细分产业", "载体园区") for v in table[c] if v not in ("", "—")}:
            assert re.sub(r"\s", "", value) in flat, value
        for line in ("L710", "L747", "L799", "L801"):  # the plan lines that state the assignments
            assert line in flat
    title_fonts = _title_fonts(pdf, "沭阳县产业布局示意图")
    assert title_fonts and all(f.endswith("-Bold") for f in title_fonts), title_fonts
    metadata = PdfReader(pdf).metadata
    assert metadata is not None and metadata.title == "沭阳县产业布局示意图"


def test_an_areas_png_fits_its_whole_report_on_one_page(ds: Dataset) -> None:
    reports: tuple[tuple[str, Lang], ...] = (("suyu", "en"), ("shuyang", "zh"), ("susu", "zh"))
    for area, lang in reports:
        figs = map_pages(ds, Selection(), area, PrintSpec(dpi=72, lang=lang), one_page=True)
        table = area_report_table(ds, area, lang)
        assert len(figs) == 1 and printed_rows(figs[0]) == table.map(cell_text).values.tolist()
        figs[0].canvas.draw()
        tab = figs[0].axes[-1]
        assert tab.get_window_extent().y0 >= 0 and len(table) >= 8
    firms = area_report_table(ds, "susu", "zh")
    assert "皓峰电器" in set(firms["龙头企业"])
    assert "两岸中小企业合作园区" in set(firms["载体园区"])  # a park the plan ties to no industry


def test_an_areas_pdf_continues_a_long_report_and_other_maps_stay_one_page(ds: Dataset, tmp_path: Path) -> None:
    figs = map_pages(ds, Selection(), "suyu", PrintSpec(dpi=72))
    assert len(figs) >= 2 and any("（续）" in t.get_text() for t in figs[1].texts)
    rows = [r for f in figs for r in printed_rows(f)]
    assert rows == area_report_table(ds, "suyu", "zh").map(cell_text).values.tolist()
    assert len(map_pages(ds, PV, None, PrintSpec(dpi=72))) == 1


def test_atlas_area_pages_carry_the_same_report(ds: Dataset) -> None:
    page = next(p for p in atlas_pages(ds, "en") if p.area == "susu")
    assert page.table is not None
    assert page.table.equals(area_report_table(ds, "susu", "en"))
    assert {"Lead firms", "Carrier parks", "Plan sources"} <= set(page.table.columns)


@pytest.mark.skipif(fontprep.bold_source() is None, reason="fonts-noto-cjk (Bold) is installed by .ci/run")
def test_png_titles_are_set_in_the_bold_face(ds: Dataset) -> None:
    from matplotlib import font_manager

    fig = render_page(ds, PV, None, PrintSpec(dpi=72)).fig
    title = next(t for t in fig.texts if t.get_text() == "宿迁市晶硅光伏产业链布局示意图")
    found = font_manager.findfont(title.get_fontproperties(), fallback_to_default=False)
    assert "Bold" in Path(found).name
