"""Printable PDFs of titled tables: the monthly 通报 (sq_layout.invest.pipeline builds it) and the year's progress,
set as table documents (sq_layout.printing.tabledoc)."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sq_layout.i18n import Lang, by_lang, t
from sq_layout.printing.tabledoc import table_pdf


def _demo_mark(lang: Lang) -> str:
    """The title's demo mark, bracketed as the language brackets."""
    return by_lang(f"（{t('demo_note', lang)}）", f" ({t('demo_note', lang)})", lang)


def bulletin_pdf(sections: Mapping[str, pd.DataFrame], month: str, demo: bool, lang: Lang = "zh") -> bytes:
    """The month's 通报 as a PDF in `lang` (A4 portrait): `sections` as invest.pipeline.readable gives them."""
    notes = [t("bl_basis", lang)] + ([t("demo_note", lang)] if demo else [])
    title = t("bl_title", lang).format(month=month) + (_demo_mark(lang) if demo else "")
    return table_pdf(title, notes, sections, lang, t("bl_none", lang))


def progress_pdf(sections: Mapping[str, pd.DataFrame], year: int, demo: bool, lang: Lang = "zh") -> bytes:
    """The year's target progress (个十百千, stage counts, 表十一) as a PDF in `lang`: `sections` as
    sq_layout.invest.reports.progress_tables gives them."""
    title = t("rp_title", lang).format(year=year) + (_demo_mark(lang) if demo else "")
    notes = [t("demo_note", lang)] if demo else []
    return table_pdf(title, notes, sections, lang, t("bl_none", lang))
