"""A one-page brief of one chain (A4 portrait PDF): who leads it (链长制, L1091), its 图谱 (the chain diagram page of
sq_layout.printing.chain_page, drawn in as a picture), the areas hosting it, its target firms, its pipeline by stage
and the 十个一 checklist (L1092)."""

from __future__ import annotations

import io
import textwrap

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from sq_layout.chain_model import ChainBrief, ChainDiagram
from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.facts import draw_table
from sq_layout.printing.mapdraw import print_geometry
from sq_layout.printing.printmap import PrintSpec, draw_footer, draw_title, new_page, printable

Rect = tuple[float, float, float, float]


def _diagram(fig: Figure, ds: Dataset, d: ChainDiagram, rect: Rect, lang: Lang) -> None:
    """The chain's 图谱 as a picture of its print page; a framed note where the renderer is not available."""
    ax = fig.add_axes(rect)
    ax.set_axis_off()
    try:
        from sq_layout.printing.chain_page import chain_page_bytes
    except ImportError:
        ax.text(0.5, 0.5, t("cb_no_diagram", lang), ha="center", va="center", fontsize=9, color="#666666")
        ax.add_patch(Rectangle((0, 0), 1, 1, fill=False, linestyle="--"))
        return
    import matplotlib.image as mpimg

    png = chain_page_bytes(ds, d, PrintSpec(dpi=110, lang=lang), "png")
    ax.imshow(mpimg.imread(io.BytesIO(png), format="png"))


def _hosts(fig: Figure, ds: Dataset, n: pd.Series, chain_no: int, rect: Rect, lang: Lang) -> None:
    """Areas shaded by the chain's firms and projects; the areas the plan assigns the chain outlined bold."""
    from sq_layout.plan.join import chain_links

    ax = fig.add_axes(rect)
    ax.set_axis_off()
    geo, points = print_geometry(ds)
    values = geo["area_id"].map(n).fillna(0).to_numpy(dtype=float)
    shade = values / values.max() if values.max() > 0 else values
    colors = [(1 - 0.75 * v, 1 - 0.45 * v, 1 - 0.2 * v) for v in shade]
    geo.plot(ax=ax, color=colors, edgecolor="#999999", linewidth=0.4)
    hosts = set(chain_links(ds).query("chain_no == @chain_no")["area_id"])
    geo[geo["area_id"].isin(hosts)].boundary.plot(ax=ax, color="#c62828", linewidth=1.2)
    names = ds.areas.set_index("area_id")[name_col(lang)]
    for area_id, pt, v in zip(geo["area_id"], points, values, strict=True):
        ax.text(pt.x, pt.y, f"{names.get(area_id, area_id)}\n{int(v)}", fontsize=5.5, ha="center", va="center")
    ax.set_title(t("cb_hosts", lang), fontsize=8, loc="left")
    ax.set_aspect("equal")


def render_brief(ds: Dataset, b: ChainBrief, lang: Lang = "zh") -> Figure:
    """The brief's page, from the brief sq_layout.invest.workbench.chain_brief builds."""
    spec = PrintSpec(orientation="portrait", dpi=150, lang=lang)
    fig, base = new_page(spec)
    chain = ds.chains.set_index("chain_no").loc[b.chain_no]
    title = t("cb_title", lang).format(name=chain[name_col(lang)]) + (f"（{t('demo_note', lang)}）" if b.demo else "")
    draw_title(fig, title, base)
    left, width = printable(fig)
    leaders = join_list(b.leaders, lang) or t("cb_unset", lang)
    items = b.checklist
    done = int((items["status"] == "已完成").sum())
    head = [
        t("cb_leaders", lang).format(v=leaders, line=b.lead_line),
        t("cb_department", lang).format(v=b.department or t("cb_unset", lang)),
        t("cb_ten_done", lang).format(n=done, line=b.ten_line),
    ]
    fig.text(left, 0.925, "\n".join(head), fontsize=base * 0.8, va="top", linespacing=1.5)
    _diagram(fig, ds, b.diagram, (left, 0.60, width * 0.64, 0.26), lang)
    _hosts(fig, ds, b.area_counts, b.chain_no, (left + width * 0.66, 0.60, width * 0.34, 0.26), lang)

    pipe = pd.DataFrame([b.by_stage.to_numpy()], columns=[label(str(s), lang) for s in b.by_stage.index])
    fig.text(left, 0.585, t("cb_pipeline", lang), fontsize=base * 0.9, fontweight="bold", va="top")
    draw_table(fig, pipe, (left, 0.52, width, 0.05), base * 0.7)

    shown = b.targets
    rows = pd.DataFrame(
        {
            t("bl_h_target_firm", lang): shown["name"],
            t("bl_h_region", lang): (shown["province"] + " " + shown["city"]).str.strip(),
            t("bl_h_category", lang): shown["category"].map(lambda s: label(s, lang)),
            t("bl_h_status", lang): shown["status"].map(lambda s: label(s, lang)),
            t("bl_h_next_step", lang): shown["next_step"].map(lambda s: textwrap.shorten(str(s), 24, placeholder="…")),
        }
    )
    if rows.empty:
        rows = pd.DataFrame({t("bl_h_target_firm", lang): [t("bl_none", lang)]})
    more = f"（{t('cb_more', lang).format(n=b.more)}）" if b.more else ""
    fig.text(left, 0.505, t("cb_targets", lang) + more, fontsize=base * 0.9, fontweight="bold", va="top")
    h = 0.018 * (len(rows) + 1)
    draw_table(fig, rows, (left, 0.485 - h, width, h), base * 0.7)

    y = 0.485 - h - 0.02
    fig.text(left, y, t("cb_ten", lang).format(line=b.ten_line), fontsize=base * 0.9, fontweight="bold", va="top")
    ten = pd.DataFrame(
        {
            "#": items["item_no"],
            t("cl_h_item", lang): items["item"],
            t("cl_h_status", lang): items["status"].map(lambda s: label(s, lang)),
            t("cl_h_date", lang): pd.to_datetime(items["date"]).dt.strftime("%Y-%m-%d").fillna(""),
            t("cl_h_document", lang): items["document"],
            t("cl_h_owner", lang): items["owner"],
        }
    )
    h = min(y - 0.1, 0.018 * 11)
    draw_table(fig, ten, (left, y - 0.02 - h, width, h), base * 0.68)
    draw_footer(fig, lang, base)
    return fig


def brief_pdf(ds: Dataset, b: ChainBrief, lang: Lang = "zh") -> bytes:
    """The brief as a one-page PDF (text selectable): `b` as sq_layout.invest.workbench.chain_brief builds it."""
    from sq_layout.printing.fonts import pdf_fonts

    buf = io.BytesIO()
    with pdf_fonts():
        render_brief(ds, b, lang).savefig(buf, format="pdf", dpi=150)
    return buf.getvalue()
