"""The columns users fill in (template and CSV): header, code name, required or not, what is expected.

Made from the table specs (sq_layout.tables.invest), where each column is declared once.
"""

from __future__ import annotations

from sq_layout.i18n import Lang, label, lang_column
from sq_layout.tables.invest import IMPORTED
from sq_layout.tables.spec import Field

__all__ = [
    "COORD_LABELS",
    "KINDS",
    "SHEETS",
    "SHEET_KINDS",
    "Field",
    "field_header",
    "field_help",
    "guess_kind",
    "header_map",
    "sheet_title",
]

KINDS: dict[str, tuple[Field, ...]] = {kind: t.fields() for kind, t in IMPORTED.items()}
SHEETS = {kind: t.sheet for kind, t in IMPORTED.items()}
# a workbook is written in its reader's language and read in either
SHEET_KINDS = {title: kind for kind, t in IMPORTED.items() for title in (t.sheet, t.sheet_en)}
COORD_LABELS = {"wgs84": "WGS-84", "gcj02": "GCJ-02", "bd09": "BD-09"}


def sheet_title(kind: str, lang: Lang) -> str:
    """A table's import sheet's title in a language."""
    return str(getattr(IMPORTED[kind], lang_column("sheet", lang)))


def field_header(f: Field, lang: Lang) -> str:
    """A column's header in a language, as the template writes it."""
    return str(getattr(f, lang_column("header", lang)))


def field_help(f: Field, lang: Lang) -> str:
    """What a column expects, in a language: an English one of choices lists their labels, as they may be written."""
    listed = " / ".join(label(c, lang) for c in f.choices)
    return str(getattr(f, lang_column("help", lang))) or listed


def header_map(kind: str) -> dict[str, str]:
    """Header as written (Chinese, English or code name, case-insensitive) -> code name."""
    return IMPORTED[kind].header_map()


def guess_kind(columns: list[str]) -> str | None:
    """Which table a CSV holds, from its headers (the required ones must all be there)."""
    cols = {c.strip().lower() for c in columns}
    for kind in ("projects", "prospects", "actuals", "firms"):  # most specific first: a project sheet has 产业链 too
        hm = header_map(kind)
        codes = {hm[c] for c in cols if c in hm}
        if all(f.code in codes for f in KINDS[kind] if f.required):
            return kind
    return None
