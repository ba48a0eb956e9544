"""The details panel as HTML: industries grouped with sub-industries, facts with their plan passages. All escaped."""

from __future__ import annotations

from html import escape

from layers.popups import boundary_quality
from sq_layout.analysis.views import AreaPanel
from sq_layout.i18n import label, t

_CSS = """
<style>
.sq-panel h4 { margin: 0.6em 0 0.2em 0; }
.sq-panel .ind { margin: 0.5em 0 0.1em 0; font-weight: 600; }
.sq-panel .sw { display:inline-block; width:10px; height:10px; margin-right:6px; border-radius:2px; }
.sq-panel .src { color:#555; font-size:0.85em; }
.sq-panel .warn { color:#b35c00; font-size:0.85em; }
.sq-panel ul { margin: 0.1em 0 0.3em 1.2em; padding: 0; }
.sq-panel li { margin: 0.1em 0; }
.sq-panel .passage { color:#333; font-size:0.85em; border-left:3px solid #ccc; padding-left:6px; margin:2px 0; }
</style>
"""


def _e(value: object) -> str:
    return escape(str(value))


def _industries(p: AreaPanel, colors: dict[str, str]) -> str:
    out = []
    for ind, rows in p.industries.groupby("industry", sort=False):
        head = rows[rows["subindustry"] == "—"]
        sw = f'<span class="sw" style="background:{_e(colors.get(ind, "#999"))}"></span>'
        tier = _e(rows["tier"].iloc[0])
        src = _e(head["sources"].iloc[0]) if len(head) else ""
        warn = ' <span class="warn">⚠</span>' if len(head) and head["conflict"].iloc[0] else ""
        out.append(f'<div class="ind">{sw}{_e(ind)} <span class="src">{tier} · {src}</span>{warn}</div>')
        subs = rows[rows["subindustry"] != "—"]
        if len(subs):
            items = []
            for r in subs.itertuples():
                chain = f" → {_e(r.chain)}" if r.chain not in ("—", r.subindustry) else ""
                warn = ' <span class="warn">⚠</span>' if r.conflict else ""
                items.append(f'<li>{_e(r.subindustry)}{chain} <span class="src">{_e(r.sources)}</span>{warn}</li>')
            out.append("<ul>" + "".join(items) + "</ul>")
    return "".join(out)


def _details(p: AreaPanel) -> str:
    out = []
    for (ind, kind), rows in p.details.groupby(["industry", "kind"], sort=False):
        texts = "；".join(_e(x) for x in rows["text"])
        srcs = "、".join(sorted(set(rows["source"])))
        out.append(f'<li><b>{_e(ind)}</b> · {_e(kind)}：{texts} <span class="src">{_e(srcs)}</span></li>')
    return "<ul>" + "".join(out) + "</ul>" if out else ""


def area_panel_html(p: AreaPanel, lang: str, colors: dict[str, str]) -> str:
    """The whole panel for one area."""
    parts = [_CSS, '<div class="sq-panel">', f"<h3>{_e(p.name)} · {_e(p.kind)}</h3>"]
    if p.geometry_quality == "schematic":
        parts.append(f'<div class="warn">{_e(t("geometry", lang))}：{_e(label("schematic", lang))}（示意）</div>')
    if p.geometry_quality == "official":
        quality = boundary_quality("official", p.geometry_source, p.geometry_date, lang, full=True)
        file_note = f" · {_e(p.geometry_file)}" if p.geometry_file else ""
        parts.append(f'<div class="src">{_e(t("geometry", lang))}：{_e(quality)}{file_note}</div>')
    else:
        parts.append(f'<div class="src">{_e(p.geometry_source)}</div>')
    parts.append(f"<h4>{_e(t('industries_of', lang))}</h4>{_industries(p, colors)}")
    parts.append(f"<h4>{_e(t('products', lang))}</h4>{_details(p)}")
    if len(p.parks):
        items = []
        for r in p.parks.itertuples():
            shared = "、".join(_e(c) for c in r.shared_with_county) or "—"
            items.append(f"<li><b>{_e(r.zone)}</b>：{_e(t('shared_with_county', lang))} {shared}</li>")
        parts.append(f"<h4>{_e(t('parks_inside', lang))}</h4><ul>{''.join(items)}</ul>")
    if len(p.conflicts):
        items = "".join(
            f'<li><span class="warn">⚠ {_e(r.id)}</span> {_e(r.description)} '
            f'<span class="src">L{_e(r.lines)}</span></li>'
            for r in p.conflicts.itertuples()
        )
        parts.append(f"<h4>{_e(t('conflicts', lang))}</h4><ul>{items}</ul>")
    passages = "".join(f'<div class="passage">L{r.line}：{_e(r.text)}</div>' for r in p.passages.itertuples())
    parts.append(f"<details><summary>{_e(t('passage', lang))}</summary>{passages}</details></div>")
    return "".join(parts)
