"""Printable PDFs of titled tables: the monthly 通报 (sq_layout.invest.pipeline builds it) and the year's progress.

A document is a title, notes and sections (heading -> table); sections flow down A4 portrait pages, a long table
continues on the next page with its header repeated, so no row is dropped.
"""

from __future__ import annotations

import io
import textwrap
from collections.abc import Mapping

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.lines import Line2D

from sq_layout.i18n import Lang, t
from sq_layout.printing.facts import _width, cell_text
from sq_layout.printing.printmap import PrintSpec, draw_footer, draw_title, new_page, printable

TOP, BOTTOM = 0.93, 0.085  # the band between the title and the footer (figure fractions)


def _notes(fig: Figure, notes: list[str], y: float, base: float) -> float:
    left, width = printable(fig)
    chars = int(width * fig.get_size_inches()[0] * 72 / (base * 0.8) * 0.95)
    lines = [w for n in notes for w in textwrap.wrap(n, chars)]
    fig.text(left, y, "\n".join(lines), fontsize=base * 0.8, va="top", linespacing=1.4, color="#333333")
    return float(y - len(lines) * base * 0.8 * 1.4 / 72 / fig.get_size_inches()[1] - 0.01)


LINESPACING = 1.6  # wide enough that every line's pitch is the font's, whatever its glyphs: the columns line up


def _pitch(fig: Figure, size: float) -> float:
    """The height of one table row as a fraction of the page: the line pitch matplotlib uses for multi-line text."""
    from matplotlib.font_manager import FontProperties

    renderer = fig.canvas.get_renderer()  # type: ignore[attr-defined]  # the page's Agg canvas has one
    _, h, d = renderer.get_text_width_height_descent("lp", FontProperties(size=size), ismath=False)
    return float((h - d) * LINESPACING / (fig.get_size_inches()[1] * fig.dpi))


def _fit(text: str, width: int) -> str:
    """A cell cut to `width` columns (CJK characters count two), with … where it was cut."""
    if _width(text) <= width:
        return text
    out, used = "", 0
    for ch in text:
        w = _width(ch)
        if used + w > width - 1:
            break
        out, used = out + ch, used + w
    return out + "…"


def draw_columns(fig: Figure, table: pd.DataFrame, left: float, top: float, width: float, size: float) -> float:
    """The table as one text block per column (a header, a rule, the rows) — a few objects a page, so a long table
    prints in a fraction of the time of a cell-by-cell table; returns the y below it."""
    shown = table.map(cell_text)
    heads = [str(c) for c in shown.columns]
    natural = [max([_width(h), *(_width(v) for v in shown[c])]) + 2 for h, c in zip(heads, shown.columns, strict=True)]
    chars = int(width * fig.get_size_inches()[0] * 72 / (size * 0.55))  # columns of text the band holds
    cap = max(8, chars // max(1, len(heads)) * 2)
    widths = [min(n, cap) for n in natural]
    scale = min(1.0, chars / sum(widths))
    pitch = _pitch(fig, size)
    x = left
    for h, c, w in zip(heads, shown.columns, widths, strict=True):
        cols = max(3, int(w * scale))
        fig.text(x, top, _fit(h, cols), fontsize=size, va="top", fontweight="bold")
        body = "\n".join(_fit(v, cols) for v in shown[c])
        if body:
            fig.text(x, top - pitch * 1.1, body, fontsize=size, va="top", linespacing=LINESPACING)
        x += width * w / sum(widths)
    rule = top - pitch * 1.05
    bottom = top - pitch * (len(shown) + 1.2)
    fig.add_artist(Line2D([left, left + width], [rule, rule], lw=0.5, color="#333333", transform=fig.transFigure))
    fig.add_artist(Line2D([left, left + width], [bottom, bottom], lw=0.5, color="#333333", transform=fig.transFigure))
    return bottom


def document_pages(
    title: str, notes: list[str], sections: Mapping[str, pd.DataFrame], spec: PrintSpec, empty: str
) -> list[Figure]:
    """The document's pages: the title and notes on the first, then each section's heading and table."""
    pages: list[Figure] = []
    fig, base = new_page(spec)
    draw_title(fig, title, base)
    y = _notes(fig, notes, TOP - 0.01, base)
    size = base * 0.72
    row = _pitch(fig, size)
    pages.append(fig)
    left, width = printable(fig)
    for heading, table in sections.items():
        table = table if len(table) else pd.DataFrame({heading: [empty]})
        start = 0
        while start < len(table):
            if y - BOTTOM < row * 5:  # no room for a heading and a few rows: a new page
                fig, base = new_page(spec)
                draw_title(fig, title, base)
                pages.append(fig)
                y = TOP - 0.01
            fits = max(1, int((y - 0.03 - BOTTOM) / row) - 2)
            part = table.iloc[start : start + fits]
            fig.text(left, y, heading, fontsize=base * 1.05, fontweight="bold", va="top")
            y = draw_columns(fig, part, left, y - 0.03, width, size) - 0.02
            start += len(part)
    for f in pages:
        draw_footer(f, spec.lang, min(f.get_size_inches()) / 8.27 * 9)
    return pages


def pdf_bytes(title: str, notes: list[str], sections: Mapping[str, pd.DataFrame], spec: PrintSpec, empty: str) -> bytes:
    """The document as one PDF (text selectable and searchable: TrueType faces embedded, laid out in them)."""
    from matplotlib.backends.backend_pdf import PdfPages

    from sq_layout.printing.fonts import pdf_fonts

    buf = io.BytesIO()
    with pdf_fonts():
        pages = document_pages(title, notes, sections, spec, empty)
        with PdfPages(buf) as pdf:
            for page in pages:
                pdf.savefig(page)
    return buf.getvalue()


def bulletin_pdf(sections: Mapping[str, pd.DataFrame], month: str, demo: bool, lang: Lang = "zh") -> bytes:
    """The month's 通报 as a PDF in `lang` (A4 portrait): `sections` as invest.pipeline.readable gives them."""
    notes = [t("bl_basis", lang)] + ([t("demo_note", lang)] if demo else [])
    title = t("bl_title", lang).format(month=month) + (f"（{t('demo_note', lang)}）" if demo else "")
    spec = PrintSpec(orientation="portrait", dpi=150, lang=lang)
    return pdf_bytes(title, notes, sections, spec, t("bl_none", lang))


def progress_pdf(sections: Mapping[str, pd.DataFrame], year: int, demo: bool, lang: Lang = "zh") -> bytes:
    """The year's target progress (个十百千, stage counts, 表十一) as a PDF in `lang`: `sections` as
    sq_layout.invest.reports.progress_tables gives them."""
    title = t("rp_title", lang).format(year=year) + (f"（{t('demo_note', lang)}）" if demo else "")
    spec = PrintSpec(orientation="portrait", dpi=150, lang=lang)
    notes = [t("demo_note", lang)] if demo else []
    return pdf_bytes(title, notes, sections, spec, t("bl_none", lang))
