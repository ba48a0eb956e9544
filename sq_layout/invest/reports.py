"""Exports of the target progress (个十百千, stage counts, 表十一) and the monthly 通报 as XLSX, in a language."""

from __future__ import annotations

from collections.abc import Mapping

import pandas as pd

from sq_layout.i18n import Lang, headers, label
from sq_layout.i18n import t as tr
from sq_layout.invest.pipeline import Bulletin, readable
from sq_layout.invest.repository import InvestData
from sq_layout.plan.dataset import Dataset


def progress_tables(ds: Dataset, data: InvestData, year: int, lang: Lang) -> dict[str, pd.DataFrame]:
    """The year's progress as shown on the 目标跟踪 view: section title -> table headed in `lang`."""
    from sq_layout.invest.seed import read_targets
    from sq_layout.invest.targets import (
        chain_progress,
        chain_progress_view,
        progress_view,
        project_progress,
        stage_counts,
    )

    def headed(df: pd.DataFrame) -> pd.DataFrame:
        return df.rename(columns=headers(list(df.columns), lang))

    gsbq = progress_view(project_progress(data.projects, read_targets(), year), lang)
    stages = stage_counts(data.projects, year).assign(stage=lambda d: d["stage"].map(lambda s: label(s, lang)))
    chains = chain_progress_view(chain_progress(ds, data.actuals), lang)
    return {
        tr("rp_gsbq", lang): headed(gsbq),
        tr("rp_stages", lang): headed(stages),
        tr("rp_chains", lang): headed(chains),
    }


def tables_xlsx(title: str, notes: list[str], sections: Mapping[str, pd.DataFrame]) -> bytes:
    """A 说明 sheet (title, notes) and one sheet per section; every text cell formula-safe."""
    from openpyxl import Workbook

    from sq_layout.cells import neutralise_cell, workbook_bytes

    wb = Workbook()
    about = wb.active
    about.title = "说明" if any("\u4e00" <= ch <= "\u9fff" for ch in title) else "About"
    for line in (title, *notes):
        about.append([neutralise_cell(line)])
    about.column_dimensions["A"].width = 100
    for name, table in sections.items():
        ws = wb.create_sheet(name[:31].replace("/", "·"))
        ws.append([neutralise_cell(str(c)) for c in table.columns])
        for row in table.itertuples(index=False):
            ws.append([neutralise_cell(_plain(v)) for v in row])
        ws.freeze_panes = "A2"
        for j in range(1, len(table.columns) + 1):
            ws.column_dimensions[ws.cell(1, j).column_letter].width = 16
    return workbook_bytes(wb)


def _plain(v: object) -> object:
    """A cell value openpyxl writes: missing values empty, timestamps as dates, numpy scalars as Python's."""
    if v is None or v is pd.NA or v is pd.NaT or (isinstance(v, float) and pd.isna(v)):
        return None
    if isinstance(v, pd.Timestamp):
        return v.date().isoformat()
    if hasattr(v, "item"):  # numpy scalars
        return v.item()
    return v


def progress_xlsx(ds: Dataset, data: InvestData, year: int, lang: Lang = "zh") -> bytes:
    """The year's target progress as XLSX in `lang`."""
    title = tr("rp_title", lang).format(year=year)
    notes = [tr("demo_note", lang)] if data.demo else []
    return tables_xlsx(title, notes, progress_tables(ds, data, year, lang))


def bulletin_xlsx(ds: Dataset, b: Bulletin, lang: Lang = "zh") -> bytes:
    """The month's 通报 as XLSX in `lang`."""
    notes = [tr("bl_basis", lang)] + ([tr("demo_note", lang)] if b.demo else [])
    return tables_xlsx(tr("bl_title", lang).format(month=b.month), notes, readable(ds, b, lang))
