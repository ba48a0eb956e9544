"""Printable table documents (the monthly 通报, the year's progress) as PDF: a title, notes and sections (heading ->
table) flowing down A4 portrait pages; a long table continues on the next page under its heading marked (续) with
its header repeated, so no row is dropped; every page's foot gives the date and the page of the whole.

Set with fpdf2, not matplotlib: these pages are thousands of table cells and no map, and matplotlib lays text out
glyph by glyph in Python (a 9-page bulletin took ≈ 3 s; fpdf2 ≈ 0.6 s). The faces are the maps' PDF faces
(sq_layout.printing.fontprep: Noto Sans CJK SC as TrueType, cut down to the characters the app prints), embedded as
subsets with their Unicode map, so the text stays selectable and searchable; the whole faces are added as fallbacks
only when a text has a character outside the cut-down ones.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Iterator, Mapping
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from sq_layout.cache import PER_PROCESS, cached
from sq_layout.i18n import Lang, by_lang, t
from sq_layout.printing.paper import MARGIN_MM, PAPER_MM, cell_text

if TYPE_CHECKING:
    from fpdf import FPDF

PT = 25.4 / 72  # mm per point
FACE, WHOLE = "sq-cut", "sq-whole"  # the cut-down faces and, where needed, the whole ones
TITLE_PT, NOTE_PT, HEADING_PT, CELL_PT, FOOT_PT = 17.0, 7.2, 9.5, 6.5, 6.0
LEADING = 1.5  # a table row's height in lines of its font
PAD_MM = 2.0  # the room between two columns
TOP_MM, FOOT_MM = 12.0, 14.0  # the top margin; the band at the foot kept for the page's foot lines
GREY = 51  # notes and foot lines (#333333)


@cached(4, key=PER_PROCESS, invalidated="a face's file is named by its content and never rewritten")
def _covered(path: Path) -> frozenset[str]:
    """The characters a face has glyphs for."""
    from fontTools.ttLib import TTFont

    with TTFont(str(path), lazy=True) as font:
        return frozenset(chr(c) for c in font.getBestCmap())


def _faces(pdf: FPDF, texts: Iterable[str]) -> None:
    """Register the cut-down Regular and Bold faces (Regular for both where no Bold is installed), and the whole
    faces as fallbacks when `texts` has a character the cut-down Regular lacks."""
    from sq_layout.printing.fontprep import faces, prepare

    prepare()  # waits while the faces are made (once per machine)
    by_weight = {f.weight: f for f in faces()}
    regular = by_weight["Regular"]
    bold = by_weight.get("Bold", regular)
    pdf.add_font(FACE, "", str(regular.reduced))
    pdf.add_font(FACE, "B", str(bold.reduced))
    have = _covered(regular.reduced)
    if any(ch not in have and not ch.isspace() for text in texts for ch in text):
        pdf.add_font(WHOLE, "", str(regular.target))
        pdf.add_font(WHOLE, "B", str(bold.target))
        pdf.set_fallback_fonts([WHOLE])


# line breaks (of every kind), tabs, other controls and zero-width marks: a cell, a heading or a title is one line
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\u200b-\u200f\u2028\u2029\ufeff]+")


def _one_line(value: object) -> str:
    """A value as a table cell prints it (cell_text), on one line."""
    return CONTROL.sub(" ", cell_text(value))


def _fit(pdf: FPDF, text: str, width: float, measured: float | None = None) -> str:
    """The text cut with … so that it fits `width` mm in the current font (`measured`: its width, if known)."""
    if (pdf.get_string_width(text) if measured is None else measured) <= width:
        return text
    lo, hi = 0, len(text)
    while lo < hi:  # the longest prefix that fits with its …
        mid = (lo + hi + 1) // 2
        if pdf.get_string_width(text[:mid] + "…") <= width:
            lo = mid
        else:
            hi = mid - 1
    return text[:lo] + "…"


def _measure(pdf: FPDF, texts: list[str]) -> list[float]:
    """Each text's width (mm) in the current font, a repeated text measured once."""
    known: dict[str, float] = {}
    return [known[v] if v in known else known.setdefault(v, pdf.get_string_width(v)) for v in texts]


def _widths(pdf: FPDF, heads: list[float], cells: list[list[float]]) -> list[float]:
    """Column widths (mm) in the page's width from the texts' widths: each its widest text (header or cell) when all
    fit, else every column capped at the one width that fills the page (the narrow ones keep theirs, the wide ones
    share the rest)."""
    natural = [max([h, *column]) + PAD_MM for h, column in zip(heads, cells, strict=True)]
    room = pdf.epw
    if sum(natural) <= room:
        return natural
    lo, hi = 0.0, max(natural)
    for _ in range(40):  # the largest cap whose capped widths fit the page
        mid = (lo + hi) / 2
        lo, hi = (mid, hi) if sum(min(n, mid) for n in natural) <= room else (lo, mid)
    return [min(n, lo) for n in natural]


def _rule(pdf: FPDF, y: float) -> None:
    pdf.line(pdf.l_margin, y, pdf.l_margin + pdf.epw, y)


class _Page:
    """Where the text goes: the bottom of the page's body and a new page when a block does not fit."""

    def __init__(self, pdf: FPDF) -> None:
        self.pdf = pdf
        self.bottom = pdf.h - FOOT_MM

    def room(self) -> float:
        """The height left on this page's body (mm)."""
        return self.bottom - self.pdf.get_y()

    def ensure(self, height: float) -> None:
        """Start a new page unless `height` mm fit on this one."""
        if self.room() < height:
            self.pdf.add_page()


class _Table:
    """A section's table as it prints: headers and cells on one line each, and which columns are numbers."""

    def __init__(self, table: pd.DataFrame) -> None:
        self.heads = [_one_line(c) for c in table.columns]
        self.rows = [[_one_line(v) for v in r] for r in table.itertuples(index=False, name=None)]
        self.right = [pd.api.types.is_numeric_dtype(table[c]) for c in table.columns]  # numbers line up on the right

    def texts(self) -> Iterator[str]:
        """Every text it prints."""
        yield from self.heads
        for r in self.rows:
            yield from r


def _heading(pdf: FPDF, text: str, height: float) -> None:
    pdf.set_font(FACE, "B", HEADING_PT)
    pdf.cell(0, height, _fit(pdf, text, pdf.epw), new_x="LMARGIN", new_y="NEXT")


def _section(page: _Page, heading: str, shown: _Table, empty: str, lang: Lang) -> None:
    """A heading and its table, continued on as many pages as it needs."""
    pdf = page.pdf
    row_h, head_h = CELL_PT * LEADING * PT, HEADING_PT * 1.6 * PT
    if not shown.rows:  # the heading and a line saying there is nothing
        page.ensure(head_h + row_h + 2)
        _heading(pdf, heading, head_h)
        pdf.set_font(FACE, "", CELL_PT)
        pdf.set_text_color(GREY)
        pdf.cell(0, row_h, empty, new_x="LMARGIN", new_y="NEXT")
        pdf.set_text_color(0)
        pdf.ln(3)
        return
    heads, rows, right = shown.heads, shown.rows, shown.right
    pdf.set_font(FACE, "B", CELL_PT)
    head_w = _measure(pdf, heads)
    pdf.set_font(FACE, "", CELL_PT)
    cell_w = [_measure(pdf, [r[i] for r in rows]) for i in range(len(heads))]  # by column
    widths = _widths(pdf, head_w, cell_w)
    done = 0
    while done < len(rows):
        page.ensure(head_h + row_h * (1 + min(3, len(rows) - done)) + 2)
        _heading(pdf, heading + (t("continued", lang) if done else ""), head_h)
        pdf.set_font(FACE, "B", CELL_PT)
        for h, hw, w, r in zip(heads, head_w, widths, right, strict=True):
            pdf.cell(w, row_h, _fit(pdf, h, w - PAD_MM / 2, hw), align="R" if r else "L")
        pdf.ln(row_h)
        _rule(pdf, pdf.get_y())
        pdf.set_font(FACE, "", CELL_PT)
        fits = max(1, int((page.room() - 1) / row_h))
        for k in range(done, min(done + fits, len(rows))):
            for i, (w, r) in enumerate(zip(widths, right, strict=True)):
                pdf.cell(w, row_h, _fit(pdf, rows[k][i], w - PAD_MM / 2, cell_w[i][k]), align="R" if r else "L")
            pdf.ln(row_h)
        _rule(pdf, pdf.get_y())
        done += fits
        pdf.ln(3)


def table_pdf(
    title: str,
    notes: list[str],
    sections: Mapping[str, pd.DataFrame],
    lang: Lang,
    empty: str,
    paper: str = "a4",
    today: dt.date | None = None,
) -> bytes:
    """The document as one PDF, portrait: `title` on the first page, `notes` under it, then each section."""
    from fpdf import FPDF

    day = (today or dt.date.today()).isoformat()

    class Document(FPDF):
        def footer(self) -> None:
            foot = t("print_page_foot", lang).format(date=day, page=self.page_no(), pages="{nb}")  # {nb}: fpdf2's
            self.set_y(-FOOT_MM + 5)
            self.set_font(FACE, "", FOOT_PT)
            self.set_text_color(GREY)
            self.cell(0, FOOT_PT * 1.4 * PT, foot, align="R")
            self.set_text_color(0)

    width, height = PAPER_MM[paper]
    pdf = Document(orientation="portrait", unit="mm", format=(width, height))
    pdf.set_margins(MARGIN_MM, TOP_MM, MARGIN_MM)
    pdf.set_auto_page_break(False)
    pdf.set_title(title)
    pdf.set_creator("sq-layout")
    pdf.set_lang(by_lang("zh-CN", "en", lang))
    title, empty = _one_line(title), _one_line(empty)
    lines = [_one_line(line) for note in notes for line in note.splitlines()]
    shown = {_one_line(heading): _Table(table) for heading, table in sections.items()}
    _faces(pdf, [title, *lines, empty, *shown, *(x for s in shown.values() for x in s.texts())])
    pdf.add_page()
    pdf.set_font(FACE, "B", TITLE_PT)
    pdf.multi_cell(0, TITLE_PT * 1.4 * PT, title, align="C", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font(FACE, "", NOTE_PT)
    pdf.set_text_color(GREY)
    for line in lines:
        pdf.multi_cell(0, NOTE_PT * 1.4 * PT, line, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0)
    pdf.ln(3)
    page = _Page(pdf)
    for heading, table in shown.items():
        _section(page, heading, table, empty, lang)
    return bytes(pdf.output())
