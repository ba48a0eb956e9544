"""The report pack: an overview, one page per industry, chain and area, as one PDF and a folder of PNGs.

Cancel-safe: pages are written to a hidden sibling folder that replaces the finished atlas only when complete.
"""

from __future__ import annotations

import io
import os
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

import pandas as pd
from matplotlib.backends.backend_pdf import PdfPages
from matplotlib.figure import Figure

from sq_layout.analysis.queries import Selection
from sq_layout.analysis.views import area_panel, hosts_with_citywide
from sq_layout.i18n import headers, label, name_col
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts
from sq_layout.printing.printmap import (
    PrintSpec,
    draw_footer,
    draw_furniture,
    draw_layout,
    draw_table,
    draw_title,
    map_title,
    new_page,
    render_map,
    save_figure,
)

Progress = Callable[[int, int, str], None]


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


def _hosts(ds: Dataset, sel: Selection, lang: str) -> pd.DataFrame:
    t = hosts_with_citywide(ds, sel, lang)  # 表十一 figures once per chain, on a 全市 row
    return t.rename(columns=headers(list(t.columns), lang))


def _area_table(ds: Dataset, area: str, lang: str) -> pd.DataFrame:
    ind = area_panel(ds, area, lang).industries[["tier", "industry", "subindustry", "chain", "sources"]]
    return ind.rename(columns=headers(list(ind.columns), lang))


def overview_table(ds: Dataset, lang: str) -> pd.DataFrame:
    """Industry, tier, hosting areas and the 2025 target of 第四章, one row per industry."""
    names = ds.areas.set_index("area_id")["short_name" if lang == "zh" else "short_name_en"]
    sep = "、" if lang == "zh" else ", "
    facts = assignment_facts(ds)
    hosts = facts.groupby("industry_id")["area_id"].apply(lambda s: sep.join(names[a] for a in dict.fromkeys(s)))
    t = pd.DataFrame(
        {
            "industry": ds.industries[name_col(lang)],
            "tier": ds.industries["tier"].map(lambda v: label(v, lang)),
            "hosts": ds.industries["industry_id"].map(hosts),
            "target": ds.industries["target_2025_yi"],
        }
    )
    return t.rename(columns=headers(list(t.columns), lang))


def atlas_pages(ds: Dataset, lang: str) -> list[Page]:
    """Overview, then 9 industries, 20 chains and 9 areas, in plan order."""
    pages = [Page("00-overview", "", Selection(), None, overview_table(ds, lang))]
    for i, ind in enumerate(ds.industries.itertuples(), 1):
        sel = Selection(industries=(ind.industry_id,))
        pages.append(
            Page(f"1{i:02d}-{ind.industry_id}", map_title(ds, sel, None, lang), sel, None, _hosts(ds, sel, lang))
        )
    for c in ds.chains.itertuples():
        sel = Selection(chains=(c.chain_no,))
        pages.append(Page(f"2{c.chain_no:02d}-chain", map_title(ds, sel, None, lang), sel, None, _hosts(ds, sel, lang)))
    for i, a in enumerate(ds.areas.itertuples(), 1):
        pages.append(
            Page(
                f"3{i:02d}-{a.area_id}",
                map_title(ds, Selection(), a.area_id, lang),
                Selection(),
                a.area_id,
                _area_table(ds, a.area_id, lang),
            )
        )
    return pages


def render_overview(ds: Dataset, spec: PrintSpec, table: pd.DataFrame) -> Figure:
    """Nine small maps, one per industry, with the shared furniture and a table of hosts."""
    fig, base = new_page(replace(spec, orientation="portrait"))
    title = (
        "宿迁市“十四五”六大主导产业与三个先导产业布局总览（示意图）"
        if spec.lang == "zh"
        else ("Suqian: overview of the 6 dominant and 3 leading industries (schematic)")
    )
    draw_title(fig, title, base)
    for i, ind in enumerate(ds.industries.itertuples()):
        row, col = divmod(i, 3)
        ax = fig.add_axes((0.04 + col * 0.31, 0.745 - row * 0.2, 0.29, 0.18))
        draw_layout(ax, ds, Selection(industries=(ind.industry_id,)), None, spec.lang, base * 0.6, labels=False)
        ax.set_title(getattr(ind, name_col(spec.lang)), fontsize=base * 0.95, color=ind.color, fontweight="bold")
        if i == 8:
            draw_furniture(ax, ds, spec.lang, base * 0.6)
    draw_table(fig, table, base * 0.7)
    draw_footer(fig, spec.lang, base)
    return fig


def _render(ds: Dataset, page: Page, spec: PrintSpec) -> Figure:
    if page.stem.startswith("00"):
        return render_overview(ds, spec, page.table)
    return render_map(ds, page.selection, page.area, replace(spec, title=page.title), page.table)


def build_atlas(
    ds: Dataset,
    out_dir: str | Path,
    spec: PrintSpec,
    png: bool = True,
    progress: Progress | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Write atlas.pdf (and png/ pages) into out_dir, replacing a previous atlas only when every page is done."""
    out = Path(out_dir)
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.parent / f".{out.name}.partial-{os.getpid()}"
    shutil.rmtree(tmp, ignore_errors=True)
    (tmp / "png").mkdir(parents=True)
    pages = atlas_pages(ds, spec.lang)
    try:
        with PdfPages(tmp / "atlas.pdf", metadata={"Title": "sq-layout atlas", "Creator": "sq-layout"}) as pdf:
            for i, page in enumerate(pages, 1):
                if cancelled and cancelled():
                    raise Cancelled(f"cancelled after {i - 1} of {len(pages)} pages")
                fig = _render(ds, page, spec)
                pdf.savefig(fig)
                if png:
                    save_figure(fig, tmp / "png" / f"{page.stem}.png", dpi=spec.dpi)
                if progress:
                    progress(i, len(pages), page.title or page.stem)
        old = out.parent / f".{out.name}.old-{os.getpid()}"
        if out.exists():
            out.rename(old)
        tmp.rename(out)
        shutil.rmtree(old, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return out


def png_zip(atlas_dir: str | Path) -> bytes:
    """The atlas PNG pages as one zip (for a download button)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_STORED) as z:
        for png in sorted((Path(atlas_dir) / "png").glob("*.png")):
            z.write(png, png.name)
    return buf.getvalue()
