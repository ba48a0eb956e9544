"""The report pack: an overview, one page per industry, chain and area, as one PDF and a folder of PNGs.

Cancel-safe and concurrency-safe: each build writes into its own uniquely named temporary folder and moves its
files into place only when every page is done; nothing else in the output folder is touched.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from sq_layout.analysis.queries import Selection
from sq_layout.analysis.views import hosts_with_citywide
from sq_layout.atomic import check_parent, move_into, temp_dir_beside
from sq_layout.errors import OutputNotWritable
from sq_layout.fills import map_facts, map_legend
from sq_layout.i18n import Lang, headers, label, lang_column, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.legend import LegendEntry
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame, assignment_facts
from sq_layout.printing.areapage import area_report_table
from sq_layout.printing.cartography import draw_north_arrow, draw_scale_bar, scale_bar_km, true_north_angle
from sq_layout.printing.facts import chunks, draw_table
from sq_layout.printing.fonts import pdf_fonts
from sq_layout.printing.mapdraw import draw_layout, print_geometry
from sq_layout.printing.printmap import (
    TABLE_BOTTOM,
    PrintSpec,
    check_dpi,
    continuation_page,
    draw_footer,
    draw_legend,
    draw_title,
    map_title,
    new_page,
    printable,
    render_map,
    table_rows_on_continuation,
    table_rows_on_map_page,
)
from sq_layout.style import COUNTY_LINE, HOST_OPACITY

Progress = Callable[[int, int, str], None]
UNSAFE = re.compile(r'[\\/:*?"<>|\s]+')


class Cancelled(Exception):
    """The atlas build was cancelled; the previous atlas (if any) is untouched."""


@dataclass(frozen=True)
class Page:
    """One atlas page: a file stem, a title, what to highlight and the facts table under the map."""

    stem: str
    title: str
    selection: Selection
    area: str | None
    table: pd.DataFrame | None


def _hosts(ds: Dataset, sel: Selection, lang: Lang) -> pd.DataFrame:
    t = hosts_with_citywide(ds, sel, lang)  # 表十一 figures once per chain, on a 全市 row
    return t.rename(columns=headers(list(t.columns), lang))


def _area_table(ds: Dataset, area: str, lang: Lang) -> pd.DataFrame:
    return area_report_table(ds, area, lang)  # the same report as an area's own export


def overview_table(ds: Dataset, lang: Lang) -> pd.DataFrame:
    """Industry, tier, hosting areas and the 2025 target of 第四章, one row per industry."""
    names = ds.areas.set_index("area_id")[lang_column("short_name", lang)]
    facts = assignment_facts(ds)
    hosts = facts.groupby("industry_id")["area_id"].apply(
        lambda s: join_list((names[a] for a in dict.fromkeys(s)), lang)
    )
    t = pd.DataFrame(
        {
            "industry": ds.industries[name_col(lang)],
            "tier": ds.industries["tier"].map(lambda v: label(v, lang)),
            "hosts": ds.industries["industry_id"].map(hosts),
            "target": ds.industries["target_2025_yi"],
        }
    )
    return t.rename(columns=headers(list(t.columns), lang))


def file_stem(prefix: str, name: str) -> str:
    """A page file name people can read: its number and its name, without characters file systems refuse."""
    safe = UNSAFE.sub("-", name).strip("-")
    # a name from data is cut to 120 bytes of UTF-8 (a whole character at most): the file system allows 255
    safe = safe.encode("utf-8")[:120].decode("utf-8", "ignore").rstrip("-")
    return f"{prefix}-{safe}"


def atlas_pages(ds: Dataset, lang: Lang) -> list[Page]:
    """Overview, then 9 industries, 20 chains and 9 areas, in plan order."""
    col = name_col(lang)
    pages = [Page(file_stem("00", t("overview", lang)), "", Selection(), None, overview_table(ds, lang))]
    for i, ind in enumerate(ds.industries.itertuples(), 1):
        sel = Selection(industries=(str(ind.industry_id),))
        stem = file_stem(f"1{i:02d}", str(getattr(ind, col)))
        pages.append(Page(stem, map_title(ds, sel, None, lang), sel, None, _hosts(ds, sel, lang)))
    for c in ds.chains.itertuples():
        sel = Selection(chains=(int(str(c.chain_no)),))
        stem = file_stem(f"2{c.chain_no:02d}", str(getattr(c, col)))
        pages.append(Page(stem, map_title(ds, sel, None, lang), sel, None, _hosts(ds, sel, lang)))
    for i, a in enumerate(ds.areas.itertuples(), 1):
        stem = file_stem(f"3{i:02d}", str(getattr(a, col)))
        title = map_title(ds, Selection(), str(a.area_id), lang)
        pages.append(Page(stem, title, Selection(), str(a.area_id), _area_table(ds, str(a.area_id), lang)))
    return pages


def _overview_title(ds: Dataset, lang: Lang) -> str:
    title = t("atlas_overview_title", lang)
    return f"【草案】{title}" if ds.draft else title


def render_overview(ds: Dataset, spec: PrintSpec, table: pd.DataFrame) -> Figure:
    """Nine small maps, one per industry, a strip with scale bar, north arrow and legend, and a table of hosts."""
    fig, base = new_page(replace(spec, orientation="portrait"))
    left, width = printable(fig)
    draw_title(fig, _overview_title(ds, spec.lang), base)
    cell = width / 3
    small: Axes | None = None
    for i, ind in enumerate(ds.industries.itertuples()):
        row, col = divmod(i, 3)
        ax = fig.add_axes((left + col * cell + 0.005, 0.745 - row * 0.2, cell - 0.01, 0.18))
        draw_layout(ax, ds, Selection(industries=(str(ind.industry_id),)), None, spec.lang, base * 0.6, labels=False)
        ax.set_title(str(getattr(ind, name_col(spec.lang))), fontsize=base * 0.95, color=ind.color, fontweight="bold")
        small = ax
    assert small is not None
    # Furniture strip under the grid, at the small maps' scale: a bar inside a small map would be squashed.
    strip = fig.add_axes((left + 0.005, 0.305, cell - 0.01, 0.035))
    strip.set_xlim(small.get_xlim())
    strip.set_ylim(0, 1)
    strip.set_axis_off()
    x0, x1 = small.get_xlim()
    draw_scale_bar(strip, scale_bar_km(x1 - x0), x0 + 0.03 * (x1 - x0), 0.15, 0.2, base * 0.7)
    arrow = fig.add_axes((left + cell + 0.005, 0.3, 0.05, 0.045))
    arrow.set_axis_off()
    lon, lat = areas_frame(ds).geometry.union_all().centroid.coords[0]
    draw_north_arrow(arrow, 0.5, 0.45, 0.6, true_north_angle(lon, lat), t("north", spec.lang), base * 0.7)
    # the small maps' own rows (sq_layout.fills), with one neutral swatch standing for "its industry's colour"
    rows = map_legend(map_facts(print_geometry(ds)[0]), spec.lang, True, ("", "#888888"), 1, False)
    entries = [
        LegendEntry("host", t("overview_hosts", spec.lang), "#888888", HOST_OPACITY[0], COUNTY_LINE),
        *[e for e in rows if e.key in ("dimmed", "zone-hole", "zone", "zone-official")],
    ]
    legend_ax = fig.add_axes((left + cell * 1.5, 0.295, cell * 1.5, 0.055))
    legend_ax.set_axis_off()
    draw_legend(legend_ax, entries, spec.lang, base * 0.8, loc="center right")
    draw_table(fig, table, (left, TABLE_BOTTOM, width, 0.28 - TABLE_BOTTOM), base * 0.7)
    draw_footer(fig, spec.lang, base)
    return fig


def page_parts(page: Page, spec: PrintSpec) -> list[pd.DataFrame]:
    """The page's facts table cut into the pieces printed on its map page and its continuation pages."""
    table = page.table if page.table is not None else pd.DataFrame()
    if page.stem.startswith("00"):
        return [table]
    spec = replace(spec, title=page.title)
    return chunks(table, table_rows_on_map_page(spec), table_rows_on_continuation(spec))


def page_count(ds: Dataset, spec: PrintSpec, pages: Sequence[Page] | None = None) -> int:
    """How many printed pages the atlas has (its sections plus continuation pages), without drawing any."""
    pages = list(pages) if pages is not None else atlas_pages(ds, spec.lang)
    return sum(len(page_parts(p, spec)) for p in pages)


def render_pages(ds: Dataset, page: Page, spec: PrintSpec) -> list[Figure]:
    """The page's figure, followed by continuation pages when its facts table does not fit under the map."""
    parts = page_parts(page, spec)
    if page.stem.startswith("00"):
        return [render_overview(ds, spec, parts[0])]
    spec = replace(spec, title=page.title)
    figs = [render_map(ds, page.selection, page.area, spec, parts[0], industries=page.area is not None)]
    figs += [continuation_page(spec, page.title, part) for part in parts[1:]]
    return figs


def _target(out: Path, png: bool) -> tuple[Path, Path | None]:
    """Where the PDF and the PNG folder go: `-o x.pdf` is that file (PNGs beside it in x-png/); else a folder."""
    if out.suffix.lower() == ".pdf":
        return out, (out.with_name(out.stem + "-png") if png else None)
    return out / "atlas.pdf", (out / "png" if png else None)


def build_atlas(
    ds: Dataset,
    out_dir: str | Path,
    spec: PrintSpec,
    png: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
    pages: Sequence[Page] | None = None,
) -> Path:
    """Write the atlas PDF (and PNG pages); earlier files are replaced only when every page is done.

    `out_dir` is a folder (atlas.pdf and png/ inside it; nothing else in it is touched) or a `.pdf` path. Each
    build works in its own uniquely named temporary folder, so concurrent builds never disturb each other.
    `pages` builds a subset (default: every page of atlas_pages).
    """
    check_dpi(spec.dpi)
    pdf_path, png_dir = _target(Path(out_dir), png)
    try:
        pdf_path.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise OutputNotWritable(pdf_path.parent, system=exc) from None
    check_parent(pdf_path)
    pages = list(pages) if pages is not None else atlas_pages(ds, spec.lang)
    total, printed = page_count(ds, spec, pages), 0
    with temp_dir_beside(pdf_path) as tmp:
        done: dict[Path, Path] = {}
        with (
            pdf_fonts(),
            PdfPages(tmp / "atlas.pdf", metadata={"Title": "sq-layout atlas", "Creator": "sq-layout"}) as pdf,
        ):
            for i, page in enumerate(pages, 1):
                if cancelled and cancelled():
                    raise Cancelled(f"cancelled after {i - 1} of {len(pages)} pages")
                for k, fig in enumerate(render_pages(ds, page, spec)):
                    pdf.savefig(fig)
                    if png_dir is not None:
                        name = f"{page.stem}{f'-{k + 1}' if k else ''}.png"
                        fig.savefig(tmp / name, format="png", dpi=spec.dpi)
                        done[tmp / name] = png_dir / name
                    printed += 1
                    if progress:  # per printed page, so the count the reader sees is the PDF's
                        progress(printed, total, page.title or _overview_title(ds, spec.lang))
        done[tmp / "atlas.pdf"] = pdf_path
        if png_dir is not None:
            png_dir.mkdir(exist_ok=True)
        move_into(done)
    return pdf_path if Path(out_dir).suffix.lower() == ".pdf" else Path(out_dir)


def png_zip(atlas_dir: str | Path) -> bytes:
    """The atlas PNG pages as one zip (for a download button)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for png in sorted((Path(atlas_dir) / "png").glob("*.png")):
            z.write(png, png.name)
    return buf.getvalue()
