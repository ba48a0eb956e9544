"""A print page per chain for its 补链 list: the chain's host areas on the map, the gap list as a table."""

from __future__ import annotations

import io
from dataclasses import replace

import pandas as pd
from matplotlib.figure import Figure

from sq_layout.analysis.queries import Selection
from sq_layout.invest.gapexport import gap_tables
from sq_layout.invest.repository import InvestData
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.printmap import FORMATS, PrintSpec, render_map

HEADERS = {"gap": "类型", "stage": "环节", "subject": "对象", "note": "说明", "line": "出处"}


def gap_table(ds: Dataset, data: InvestData, chain_no: int) -> pd.DataFrame:
    """The gap list as printed: type, link stage, subject, note and the plan line or source (short)."""
    g, _ = gap_tables(ds, data, chain_no)
    if g.empty:
        return pd.DataFrame([["—", "", "每个环节和承载区域都有企业", "", ""]], columns=list(HEADERS.values()))
    g["line"] = g["source"].str.extract(r"^(规划第\d+行)")[0].fillna(g["source"].str.slice(0, 16))
    return g[list(HEADERS)].rename(columns=HEADERS)


def render_gap_page(ds: Dataset, data: InvestData, chain_no: int, spec: PrintSpec) -> Figure:
    """Map of the chain's host areas (as on its atlas page) with the chain's 补链 list under it."""
    name = str(ds.chains.set_index("chain_no").at[chain_no, "name"])
    title = f"补链清单：{name}" + ("（示例数据，虚构）" if data.demo else "")
    return render_map(
        ds, Selection(chains=(chain_no,)), None, replace(spec, title=title), gap_table(ds, data, chain_no)
    )


def gap_page_bytes(ds: Dataset, data: InvestData, chain_no: int, spec: PrintSpec, fmt: str = "pdf") -> bytes:
    """The gap page as PDF/PNG/SVG bytes (for a download button)."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {FORMATS}")
    buf = io.BytesIO()
    render_gap_page(ds, data, chain_no, spec).savefig(buf, format=fmt, dpi=spec.dpi)
    return buf.getvalue()
