"""The chain diagram (产业链图谱) as a print page: the shared model and layout drawn with matplotlib (PDF/PNG/SVG)."""

from __future__ import annotations

import io
import textwrap

from matplotlib.figure import Figure
from matplotlib.patches import FancyArrowPatch, FancyBboxPatch

from sq_layout.chain_model import LINE_H, ChainDiagram, label_lines, layout, node_label, rules_text
from sq_layout.i18n import Lang, by_lang, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset
from sq_layout.printing.printmap import FORMATS, PrintSpec

# The page's colours are the app's (layers/chain_diagram.py), repeated here because sq_layout never imports layers.
GRADE_STYLE = {"强": ("#cfe8cf", "#2e7d32"), "弱": ("#fff1c2", "#b58900"), "缺": ("#ffffff", "#c62828")}
INTENT_COLOR = {"强链": "#1565c0", "补链": "#c62828", "延链": "#6a1b9a"}


def _counts(n_firms: int, n_proj: int, leaders: int, grade: str, lang: Lang) -> str:
    g = t(f"dg_grade_{grade}", lang)
    lead = t("dg_node_counts_leaders", lang).format(n=leaders) if leaders else ""
    return t("dg_node_counts", lang).format(grade=g, firms=n_firms, projects=n_proj) + lead


def render_chain_page(ds: Dataset, d: ChainDiagram, spec: PrintSpec) -> Figure:
    """One page: title, the diagram by stage, the grade rules, the stage note and each node's plan intents."""
    from sq_layout.printing.fonts import use_cjk_font

    use_cjk_font()
    lang = spec.lang
    fig = Figure(figsize=spec.size_inches())
    name = by_lang(d.name, d.name_en, lang)
    title = spec.title or t("dg_title", lang).format(name=name) + (t("dg_demo", lang) if d.demo else "")
    fig.text(0.5, 0.965, title, ha="center", va="top", fontsize=16, fontweight="bold")
    ax = fig.add_axes((0.04, 0.34, 0.92, 0.58))
    ax.set_axis_off()
    boxes, stages, width, height = layout(d, lang)
    ax.set_xlim(-10, max(width, 1) + 10)
    ax.set_ylim(max(height, 1) + 10, -10)  # y down, as in the layout
    for ci, s in enumerate(stages):
        first = next(boxes[n.link_id] for n in d.nodes if n.stage == s)
        ax.text(
            first.x + first.w / 2, 14, t(f"dg_stage_{s}", lang), ha="center", va="center", fontsize=12, weight="bold"
        )
        if ci:
            ax.add_patch(FancyArrowPatch((first.x - 62, 14), (first.x - 8, 14), arrowstyle="-|>", mutation_scale=14))
    for n in d.nodes:
        b = boxes[n.link_id]
        fill, stroke = GRADE_STYLE[n.grade]
        ax.add_patch(
            FancyBboxPatch(
                (b.x, b.y),
                b.w,
                b.h,
                boxstyle="round,pad=0,rounding_size=8",
                facecolor=fill,
                edgecolor=stroke,
                linewidth=1.4,
                linestyle="--" if n.grade == "缺" else "-",
            )
        )
        lines = label_lines(n, lang)
        for k, line in enumerate(lines):
            ax.text(b.x + 8, b.y + 20 + LINE_H * k, line, fontsize=9, weight="bold")
        below = b.y + LINE_H * (len(lines) - 1)  # the count line and the tags below a second name line
        ax.text(b.x + 8, below + 42, _counts(n.firms, n.projects, n.leaders, n.grade, lang), fontsize=7.5)
        tags = list(dict.fromkeys(i.intent for i in n.intents))
        for k, intent in enumerate(tags):
            word = by_lang(intent, t(f"dg_intent_{intent}", lang).split(" (")[0], lang)
            ax.text(
                b.x + 8 + k * (by_lang(40, 62, lang)),
                below + 62,
                word,
                fontsize=7.5,
                color=INTENT_COLOR[intent],
                bbox={"boxstyle": "round,pad=0.2", "fc": "none", "ec": INTENT_COLOR[intent], "lw": 0.6},
            )
    notes = [rules_text(d.rules, lang), t("dg_stage_note", lang)]
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    notes.append(t("dg_hosts", lang).format(areas=join_list((str(areas.get(a, a)) for a in d.hosts), lang)))
    if d.output:
        notes.append(t("dg_output", lang).format(year=d.output[0], v=f"{d.output[1]:g}"))
    for n in d.nodes:
        for i in n.intents:
            quote = t("dg_plan_line", lang).format(line=i.line, quote=i.quote)
            notes.append(f"{node_label(n, lang)} — {t(f'dg_intent_{i.intent}', lang)}：{quote}")
    width_chars = 95 if spec.orientation == "landscape" else 70
    width_chars = int(width_chars * by_lang(1.0, 1.7, lang))
    if spec.paper == "a3":
        width_chars = int(width_chars * 1.4)
    wrapped = [w for line in notes for w in textwrap.wrap(line, width_chars)]
    limit = 26 if spec.paper == "a3" else 20
    if len(wrapped) > limit:
        wrapped = [*wrapped[: limit - 1], "…"]
    fig.text(0.04, 0.31, "\n".join(wrapped), ha="left", va="top", fontsize=7, linespacing=1.45)
    return fig


def chain_page_bytes(ds: Dataset, d: ChainDiagram, spec: PrintSpec, fmt: str = "pdf") -> bytes:
    """The diagram page as PDF/PNG/SVG bytes (PDF text selectable: TrueType faces embedded)."""
    if fmt not in FORMATS:
        raise ValueError(f"unsupported format {fmt!r}; expected one of {FORMATS}")
    from sq_layout.printing.fonts import pdf_fonts

    buf = io.BytesIO()
    if fmt == "pdf":
        with pdf_fonts():
            render_chain_page(ds, d, spec).savefig(buf, format=fmt, dpi=spec.dpi)
    else:
        render_chain_page(ds, d, spec).savefig(buf, format=fmt, dpi=spec.dpi)
    return buf.getvalue()
