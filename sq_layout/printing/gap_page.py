"""A print page per chain for its 补链 list: the chain's host areas on the map, the gap list as a table."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from sq_layout.analysis.queries import Selection
from sq_layout.i18n import name_col, t
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.printmap import FORMATS, PrintSpec, render_map


def render_gap_page(ds: Dataset, table: pd.DataFrame, chain_no: int, demo: bool, spec: PrintSpec) -> Figure:
    """Map of the chain's host areas (as on its atlas page) with the chain's 补链 list (`table`, built by
    sq_layout.invest.gapexport.gap_print_table) under it; `demo` marks the title as fictional data."""
    name = str(ds.chains.set_index("chain_no").at[chain_no, name_col(spec.lang)])
    title = t("gp_title_demo" if demo else "gp_title", spec.lang).format(name=name)
    return render_map(ds, Selection(chains=(chain_no,)), None, replace(spec, title=title), table)


def gap_page_bytes(
    ds: Dataset, table: pd.DataFrame, chain_no: int, demo: bool, spec: PrintSpec, fmt: str = "pdf"
) -> bytes:
    """The gap page as PDF/PNG/SVG bytes (for a download button)."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {FORMATS}")
    buf = io.BytesIO()
    render_gap_page(ds, table, chain_no, demo, spec).savefig(buf, format=fmt, dpi=spec.dpi)
    return buf.getvalue()
