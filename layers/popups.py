"""Tooltip HTML for areas: every value from data is HTML-escaped."""

from __future__ import annotations

from html import escape

import geopandas as gpd

from sq_layout.i18n import label, name_col


def area_tooltips(areas: gpd.GeoDataFrame, lang: str) -> list[str]:
    """One escaped HTML snippet per area: name, kind, boundary quality, counts."""
    tips = []
    for a in areas.itertuples():
        name = escape(str(getattr(a, name_col(lang))))
        kind = escape(label(a.kind, lang))
        quality = escape(label(a.geometry_quality, lang))
        counts = (
            f"{a.n_industries} 个产业 · {a.n_chains} 条产业链"
            if lang == "zh"
            else f"{a.n_industries} industries · {a.n_chains} chains"
        )
        tips.append(f'<div class="sq-tip"><b>{name}</b><br>{kind} · {quality}<br>{escape(counts)}</div>')
    return tips
