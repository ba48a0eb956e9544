"""Serve Leaflet and the map stylesheet from the app itself, so the map draws with no network."""

from __future__ import annotations

import shutil
from pathlib import Path

import branca.element
import folium
import folium.elements
import xstatic.pkg.leaflet as xleaflet

STATIC_DIR = Path(__file__).resolve().parents[1] / "static"
VENDOR_DIR = STATIC_DIR / "vendor" / "leaflet"
# Relative to the streamlit-folium iframe (/component/<name>/index.html), so it also works under --server.baseUrlPath.
STATIC_URL = "../../app/static/"
LEAFLET_JS = [("leaflet", STATIC_URL + "vendor/leaflet/leaflet.js")]
LEAFLET_CSS = [("leaflet_css", STATIC_URL + "vendor/leaflet/leaflet.css"), ("sq_css", STATIC_URL + "sq.css")]


def ensure_leaflet(vendor_dir: Path = VENDOR_DIR) -> Path:
    """Copy Leaflet's dist files from the installed xstatic-leaflet package into static/ (once)."""
    marker = vendor_dir / f"VERSION-{xleaflet.VERSION}"
    if not marker.exists():
        if vendor_dir.exists():
            shutil.rmtree(vendor_dir)
        shutil.copytree(xleaflet.BASE_DIR, vendor_dir)
        marker.write_text(f"Leaflet {xleaflet.VERSION} from xstatic-leaflet (BSD-2-Clause)\n", encoding="utf-8")
    return vendor_dir


def make_offline(m: folium.Map) -> folium.Map:
    """Point the map's JS/CSS at the local copies instead of folium's CDN defaults."""
    m.default_js = LEAFLET_JS
    m.default_css = LEAFLET_CSS
    return m


def _walk(elem: branca.element.Element):
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
