"""Folium maps (import preview, version comparison) drawn with the app's local Leaflet, never a CDN's."""

from __future__ import annotations

from collections.abc import Iterator

import branca.element
import folium

from layers.assets import LEAFLET_CSS, LEAFLET_JS


def make_offline(m: folium.Map) -> folium.Map:
    """Point the map's JS/CSS at the local copies instead of folium's CDN defaults."""
    m.default_js = LEAFLET_JS
    m.default_css = LEAFLET_CSS
    return m


def _walk(elem: branca.element.Element) -> Iterator[branca.element.Element]:
    yield elem
    for child in getattr(elem, "_children", {}).values():
        yield from _walk(child)


def remote_assets(m: folium.Map) -> list[str]:
    """Every JS/CSS URL on the map that would be fetched from another host (should be empty)."""
    urls = []
    for elem in _walk(m):
        for _, url in [*getattr(elem, "default_js", []), *getattr(elem, "default_css", [])]:
            if url.startswith(("http:", "https:", "//")):
                urls.append(url)
    return urls
