"""The area panel as HTML: a summary card first (the answer), then the facts and plan passages folded. All escaped."""

from __future__ import annotations

import re
from html import escape

from layers.popups import boundary_quality
from sq_layout.analysis.area_summary import AreaSummary, area_summary
from sq_layout.analysis.views import AreaPanel, area_panel
from sq_layout.cache import cached
from sq_layout.i18n import Lang, by_lang, label, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

PANEL_CSS = """
<style>  /* drawn once per page by ui.shared.page_style: unchanged, it is not sent again */
.sq-panel h4 { margin: 0.6em 0 0.2em 0; }
.sq-panel .ind { margin: 0.5em 0 0.1em 0; font-weight: 600; }
.sq-panel .sw { display:inline-block; width:10px; height:10px; margin-right:6px; border-radius:2px; }
.sq-panel .src { color:#555; font-size:0.85em; }
.sq-panel .quote { display:block; color:#555; font-size:0.85em; margin:0.1em 0 0.2em 0; }
.sq-panel .warn { color:#b35c00; font-size:0.85em; }
.sq-panel ul { margin: 0.1em 0 0.3em 1.2em; padding: 0; }
.sq-panel li { margin: 0.1em 0; }
.sq-card .chip { display:inline-block; padding:2px 8px; margin:2px 4px 2px 0; border-radius:10px; color:#fff;
  font-size:0.9em; text-shadow:0 0 2px rgba(0,0,0,0.6); }
.sq-card .chip small { opacity:0.9; margin-left:4px; }
.sq-card .counts { display:flex; gap:14px; margin:6px 0; }
.sq-card .counts div { text-align:center; }
.sq-card .counts b { display:block; font-size:1.4em; }
.sq-card .row { margin:4px 0; }
.sq-card .k { color:#555; margin-right:6px; }
.sq-panel details { margin:6px 0; }
.sq-panel summary { cursor:pointer; color:#1f4e99; }
.sq-panel .passage { color:#333; font-size:0.85em; border-left:3px solid #ccc; padding-left:6px; margin:2px 0; }
</style>
"""


_HEX = re.compile(r"#[0-9a-fA-F]{3,8}")


def _e(value: object) -> str:
    return escape(str(value))


def _industries(p: AreaPanel, colors: dict[str, str]) -> str:
    cols = ("industry_id", "industry", "tier", "subindustry", "chain", "sources", "conflict")
    groups: dict[object, list[tuple[object, ...]]] = {}  # by industry id, in order of first appearance
    for row in zip(*(p.industries[c].tolist() for c in cols), strict=True):
        groups.setdefault(row[0], []).append(row)
    out = []
    for ind_id, rows in groups.items():
        _, ind, tier, *_rest = rows[0]
        head = [r for r in rows if r[3] == "—"]
        sw = f'<span class="sw" style="background:{_e(colors.get(str(ind_id), "#999"))}"></span>'
        src = _e(head[0][5]) if head else ""
        warn = ' <span class="warn">⚠</span>' if head and head[0][6] else ""
        out.append(f'<div class="ind">{sw}{_e(ind)} <span class="src">{_e(tier)} · {src}</span>{warn}</div>')
        items = []
        for _, _, _, sub, chain_name, sources, conflict in (r for r in rows if r[3] != "—"):
            chain = f" → {_e(chain_name)}" if chain_name not in ("—", sub) else ""
            warn = ' <span class="warn">⚠</span>' if conflict else ""
            items.append(f'<li>{_e(sub)}{chain} <span class="src">{_e(sources)}</span>{warn}</li>')
        if items:
            out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def _colon(lang: Lang) -> str:
    return t("punct_colon", lang)


def _details(p: AreaPanel, lang: Lang) -> str:
    out = []
    for (ind, kind), rows in p.details.groupby(["industry", "kind"], sort=False):
        texts = t("punct_semicolon", lang).join(_e(x) for x in rows["text"])
        srcs = join_list(sorted(set(rows["source"])), lang)
        said = f'<span class="src">{_e(t("passage", lang))}{_colon(lang)}</span>'  # the plan's own words, captioned
        quotes = "".join(f'<span class="quote">{said}<q>{_e(q)}</q></span>' for q in dict.fromkeys(rows["quote"]) if q)
        out.append(
            f'<li><b>{_e(ind)}</b> · {_e(kind)}{_colon(lang)}{texts} <span class="src">{_e(srcs)}</span>{quotes}</li>'
        )
    return "<ul>" + "".join(out) + "</ul>" if out else ""


def _list(items: tuple[str, ...] | list[str], lang: Lang) -> str:
    return _e(join_list(items, lang)) if items else "—"


def _colour(value: object) -> str:
    text = str(value)
    return text if _HEX.fullmatch(text) else "#888888"  # a colour from data is a #hex colour or grey, never CSS


def chip_html(color: object, text: object, note: object, style: str = "", sep: str = "") -> str:
    """One coloured chip (an industry with its tier): the one builder, so every chip's text is escaped."""
    extra = f";{style}" if style else ""
    return (
        f'<span class="chip" style="background:{_colour(color)}{extra}">{_e(text)}{sep}<small>{_e(note)}</small></span>'
    )


OVERVIEW_CHIP = (
    "display:inline-block;color:#fff;border-radius:10px;padding:2px 8px;margin:2px;text-shadow:0 0 2px rgba(0,0,0,.6)"
)


def overview_chips_html(chips: list[tuple[object, object, object]]) -> str:
    """The first screen's industry chips, (colour, name, note) each, through chip_html."""
    return "".join(chip_html(c, text, note, OVERVIEW_CHIP, " ") for c, text, note in chips)


def summary_card_html(s: AreaSummary, lang: Lang) -> str:
    """The answer for one area: industries as coloured chips with tier, counts, chains, zones, carriers, firms."""
    chips = "".join(chip_html(c.color, c.text, c.note) for c in s.industries)
    counts = [
        (len(s.industries), t("n_industries", lang)),
        (len(s.subindustries), t("n_subindustries", lang)),
        (len(s.chains), t("n_chains", lang)),
        (s.n_conflicts, t("n_conflicts", lang)),
    ]
    count_html = "".join(f"<div><b>{n}</b>{_e(k)}</div>" for n, k in counts)
    parts = [
        '<div class="sq-panel sq-card">',
        f"<h3>{_e(s.name)} · {_e(s.kind)}</h3>",
    ]
    if s.schematic:
        parts.append(f'<div class="warn">{_e(t("schematic_extent", lang))}</div>')
    parts += [f'<div class="counts">{count_html}</div>', f'<div class="row">{chips}</div>']
    chains = [f"{n}. {name}" for n, name in s.chains]
    parts.append(f'<div class="row"><span class="k">{_e(t("chain", lang))}</span>{_list(chains, lang)}</div>')
    if s.zones:
        zones = "".join(
            f"<li><b>{_e(name)}</b> — {_e(t('shared_with_county', lang))}{_colon(lang)}{_list(shared, lang)}</li>"
            for _, name, shared in s.zones
        )
        parts.append(f'<div class="row"><span class="k">{_e(t("parks_inside", lang))}</span><ul>{zones}</ul></div>')
    parts.append(f'<div class="row"><span class="k">{_e(label("carrier", lang))}</span>{_list(s.carriers, lang)}</div>')
    parts.append(f'<div class="row"><span class="k">{_e(label("firm", lang))}</span>{_list(s.firms, lang)}</div>')
    if by_lang(False, True, lang) and (s.carriers or s.firms):  # the names as printed: a note for English
        parts.append(f'<div class="src">{_e(t("names_as_printed", lang))}</div>')
    parts.append("</div>")
    return "".join(parts)


def area_panel_html(p: AreaPanel, lang: Lang, colors: dict[str, str]) -> str:
    """The facts behind the card, folded: industries (colours by id) with sources, products, carriers, passages."""
    if p.geometry_file:  # an imported official boundary: its own source, date and file
        provenance = boundary_quality("official", p.geometry_source, p.geometry_date, lang, full=True)
        provenance += f" · {p.geometry_file}"
    else:
        provenance = t("provenance_schematic" if p.geometry_quality == "schematic" else "provenance_official", lang)
    parts = ['<div class="sq-panel">']
    parts.append(f"<details><summary>{_e(t('industries_of', lang))}</summary>{_industries(p, colors)}</details>")
    parts.append(f"<details><summary>{_e(t('products', lang))}</summary>{_details(p, lang)}</details>")
    if len(p.conflicts):
        items = "".join(
            f'<li><span class="warn">⚠ {_e(r.id)}</span> {_e(r.description)} '
            f'<span class="src">L{_e(r.lines)}</span></li>'
            for r in p.conflicts.itertuples()
        )
        parts.append(f"<details><summary>{_e(t('conflicts', lang))}</summary><ul>{items}</ul></details>")
    c = _colon(lang)
    passages = "".join(  # quotations of the Chinese plan: labelled as the original in English, marked lang="zh"
        f'<div class="passage" lang="zh">{_e(t("passage_line", lang).format(n=r.line))}{c}{_e(r.text)}</div>'
        for r in p.passages.itertuples()
    )
    parts.append(f"<details><summary>{_e(t('passage', lang))}</summary>{passages}</details>")
    parts.append(f'<div class="src">{_e(t("geometry", lang))}{_colon(lang)}{_e(provenance)}</div></div>')
    return "".join(parts)


@cached(64)
def area_card_html(ds: Dataset, area_id: str, lang: Lang) -> str:
    """The summary card of one area, built once per (area, language)."""
    return summary_card_html(area_summary(ds, area_id, lang), lang)


@cached(64)
def area_facts_html(ds: Dataset, area_id: str, lang: Lang) -> str:
    """The facts and plan passages behind one area's card (folded on the page: built only when opened)."""
    colors = dict(zip(ds.industries["industry_id"], ds.industries["color"], strict=True))
    return area_panel_html(area_panel(ds, area_id, lang), lang, colors)


def area_html(ds: Dataset, area_id: str, lang: Lang) -> tuple[str, str]:
    """The summary card and the folded facts for one area."""
    return area_card_html(ds, area_id, lang), area_facts_html(ds, area_id, lang)
