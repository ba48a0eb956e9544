"""The chain diagram (产业链图谱) as an SVG string for the page: the shared model and layout, every text escaped."""

from __future__ import annotations

from html import escape

from sq_layout.cache import cached
from sq_layout.chain_model import LINE_H, ChainDiagram, Node, label_lines, layout, node_label
from sq_layout.i18n import Lang, by_lang, t

# Grade colours (fill, border): the print page uses the same ones.
GRADE_STYLE = {"强": ("#cfe8cf", "#2e7d32"), "弱": ("#fff1c2", "#b58900"), "缺": ("#ffffff", "#c62828")}
INTENT_COLOR = {"强链": "#1565c0", "补链": "#c62828", "延链": "#6a1b9a"}
PAD = 12.0


def counts_text(n: Node, lang: Lang) -> str:
    """The short count line inside a node."""
    grade = t(f"dg_grade_{n.grade}", lang)
    lead = t("dg_node_counts_leaders", lang).format(n=n.leaders) if n.leaders else ""
    return t("dg_node_counts", lang).format(grade=grade, firms=n.firms, projects=n.projects) + lead


def _node(n: Node, x: float, y: float, w: float, h: float, lang: Lang, chosen: bool) -> str:
    fill, stroke = GRADE_STYLE[n.grade]
    dash = ' stroke-dasharray="5 3"' if n.grade == "缺" else ""
    width = 3.5 if chosen else 1.5
    name = node_label(n, lang)
    tip = [name, counts_text(n, lang)] + [t(f"dg_intent_{i.intent}", lang) for i in n.intents]
    lines = label_lines(n, lang)
    below = y + LINE_H * (len(lines) - 1)  # the count line and the tags below a second name line
    parts = [
        f'<g class="dg-node" data-link="{escape(n.link_id)}" data-grade="{escape(n.grade)}">',
        f"<title>{escape(' · '.join(tip))}</title>",
        f'<rect x="{x:.1f}" y="{y:.1f}" width="{w:.1f}" height="{h:.1f}" rx="8" fill="{fill}" '
        f'stroke="{stroke}" stroke-width="{width}"{dash}/>',
        *(
            f'<text x="{x + 10:.1f}" y="{y + 22 + LINE_H * k:.1f}" font-size="14" font-weight="600">'
            f"{escape(line)}</text>"
            for k, line in enumerate(lines)
        ),
        f'<text x="{x + 10:.1f}" y="{below + 42:.1f}" font-size="12" fill="#333">{escape(counts_text(n, lang))}</text>',
    ]
    bx = x + 10
    seen: set[str] = set()
    for i in n.intents:
        if i.intent in seen:
            continue
        seen.add(i.intent)
        word = by_lang(i.intent, t(f"dg_intent_{i.intent}", lang).split(" (")[0], lang)
        bw = by_lang(12, 7, lang) * len(word) + 10
        color = INTENT_COLOR.get(i.intent, "#555")
        parts.append(
            f'<rect x="{bx:.1f}" y="{below + 50:.1f}" width="{bw:.1f}" height="17" rx="3" fill="none" '
            f'stroke="{color}"/>'
            f'<text x="{bx + 5:.1f}" y="{below + 63:.1f}" font-size="11" fill="{color}">'
            f"{escape(word)}</text>"
        )
        bx += bw + 6
    parts.append("</g>")
    return "".join(parts)


@cached(
    64,
    key="a chain's diagram (by identity: one per records revision), the language and the chosen link",
    invalidated="a records save gives a new diagram (chain_diagram is kept per records revision)",
)
def diagram_svg(d: ChainDiagram, lang: Lang, chosen: str | None = None) -> str:
    """The chain's links by stage as an SVG (escaped), the chosen link drawn with a thick border."""
    boxes, stages, width, height = layout(d, lang)
    w, h = width + 2 * PAD, height + 2 * PAD
    out = [
        f'<svg xmlns="http://www.w3.org/2000/svg" class="sq-chain-diagram" role="img" viewBox="0 0 {w:.0f} {h:.0f}" '
        f'width="100%" style="max-width:{w:.0f}px;font-family:sans-serif">',
        f"<title>{escape(t('dg_title', lang).format(name=by_lang(d.name, d.name_en, lang)))}</title>",
        '<defs><marker id="dg-arrow" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" '
        'orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#777"/></marker></defs>',
    ]
    for ci, s in enumerate(stages):
        col = [boxes[n.link_id] for n in d.nodes if n.stage == s]
        x = PAD + col[0].x
        out.append(
            f'<text x="{x + col[0].w / 2:.1f}" y="{PAD + 20:.1f}" font-size="15" font-weight="700" '
            f'text-anchor="middle" fill="#444">{escape(t(f"dg_stage_{s}", lang))}</text>'
        )
        if ci:
            y = PAD + 14
            out.append(
                f'<line x1="{x - 62:.1f}" y1="{y:.1f}" x2="{x - 8:.1f}" y2="{y:.1f}" stroke="#777" '
                'stroke-width="2" marker-end="url(#dg-arrow)"/>'
            )
    for n in d.nodes:
        b = boxes[n.link_id]
        out.append(_node(n, PAD + b.x, PAD + b.y, b.w, b.h, lang, n.link_id == chosen))
    out.append("</svg>")
    return "".join(out)


def legend_svg_html(lang: Lang) -> str:
    """The grade colours and intent tags as a one-line escaped HTML legend."""
    items = []
    for g, (fill, stroke) in GRADE_STYLE.items():
        dash = "dashed" if g == "缺" else "solid"
        items.append(
            f'<span style="display:inline-block;width:14px;height:12px;background:{fill};'
            f'border:2px {dash} {stroke};margin-right:4px"></span>{escape(t(f"dg_grade_{g}", lang))}'
        )
    for i, color in INTENT_COLOR.items():
        items.append(
            f'<span style="border:1px solid {color};color:{color};padding:0 4px;border-radius:3px">'
            f"{escape(t(f'dg_intent_{i}', lang))}</span>"
        )
    cell = '<span style="margin-right:14px;white-space:nowrap">{}</span>'
    return '<div class="sq-legend">' + "".join(cell.format(x) for x in items) + "</div>"
