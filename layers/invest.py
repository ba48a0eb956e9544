"""Firms, projects and carrier parks as points: one compact array drawn on a Canvas, clustered when dense.

Leaflet.markercluster comes from the PyPI package xstatic-leaflet-markercluster and is served from static/vendor/
like Leaflet itself. A click on a point re-fires as a map click at the point's exact position, so the page can
show its card (the server matches the position; names never travel to the browser).
"""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import folium
import numpy as np
import pandas as pd
import xstatic.pkg.leaflet_markercluster as xcluster
from branca.element import MacroElement
from folium.elements import JSCSSMixin
from jinja2 import Template

from layers.assets import STATIC_DIR, STATIC_URL, vendor_copy
from sq_layout.i18n import t

CLUSTER_DIR = STATIC_DIR / "vendor" / "leaflet.markercluster"
CLUSTER_JS = [("markerclusterjs", STATIC_URL + "vendor/leaflet.markercluster/leaflet.markercluster.js")]
CLUSTER_CSS = [
    ("markerclustercss", STATIC_URL + "vendor/leaflet.markercluster/MarkerCluster.css"),
    ("markerclusterdefaultcss", STATIC_URL + "vendor/leaflet.markercluster/MarkerCluster.Default.css"),
]
CLUSTER_MIN = 400  # below this many points every point is drawn on its own
DECIMALS = 5  # ~1 m: the click position the server matches a point by
KINDS = ("firm", "project", "carrier")
# Twenty distinguishable colours, one per 表十一 chain (Tableau 20 order).
CHAIN_COLORS = (
    "#4E79A7", "#A0CBE8", "#F28E2B", "#FFBE7D", "#59A14F", "#8CD17D", "#B6992D", "#F1CE63", "#499894", "#86BCB6",
    "#E15759", "#FF9D9A", "#79706E", "#BAB0AC", "#D37295", "#FABFD2", "#B07AA1", "#D4A6C8", "#9D7660", "#D7B5A6",
)  # fmt: skip


def chain_color(chain_no: int) -> str:
    """The colour of a 表十一 chain on the investment map."""
    return CHAIN_COLORS[(int(chain_no) - 1) % len(CHAIN_COLORS)]


def ensure_markercluster(vendor_dir: Path = CLUSTER_DIR) -> Path:
    """Copy Leaflet.markercluster's dist files from the installed xstatic package into static/ (once)."""
    return vendor_copy(xcluster, vendor_dir, "Leaflet.markercluster from xstatic (MIT)")


class ClusterAssets(JSCSSMixin, MacroElement):
    """Loads the local Leaflet.markercluster with the map (it must be on the base map, not in a feature group)."""

    default_js = CLUSTER_JS
    default_css = CLUSTER_CSS
    _template = Template("")


def points_frame(firms: pd.DataFrame, projects: pd.DataFrame, carriers: pd.DataFrame) -> pd.DataFrame:
    """All points to draw: kind, first chain, size (by investment for projects), approximate flag, position."""
    parts = []
    for kind, tab in zip(KINDS, (firms, projects, carriers), strict=True):
        if tab.empty:
            continue
        first = np.array([int(c.split(";", 1)[0] or 0) for c in tab["chains"].tolist()], dtype=int)
        if kind == "project":
            radius = np.clip(4 + 2.2 * np.log10(1 + tab["investment_yi"].to_numpy()), 4, 12).round(1)
        else:
            radius = np.full(len(tab), 4.0)
        parts.append(
            pd.DataFrame(
                {
                    "kind": KINDS.index(kind),
                    "chain_no": first,
                    "radius": radius,
                    "approximate": tab["approximate"].to_numpy().astype(int),
                    "lat": tab["lat"].to_numpy().round(DECIMALS),
                    "lng": tab["lon"].to_numpy().round(DECIMALS),
                }
            )
        )
    cols = ["kind", "chain_no", "radius", "approximate", "lat", "lng"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


def payload(points: pd.DataFrame) -> str:
    """The compact JSON sent to the browser: six integers per point (degrees × 1e5, radius × 10) and the colours."""
    scale = np.array([10**DECIMALS, 10**DECIMALS, 1, 10, 1, 1])
    cols = ["lat", "lng", "chain_no", "radius", "kind", "approximate"]
    flat = np.rint(points[cols].to_numpy(dtype=float) * scale).astype(np.int64).ravel()
    colors = json.dumps(["#777777", *CHAIN_COLORS])
    return f'{{"n":{len(points)},"p":[{",".join(map(str, flat.tolist()))}],"c":{colors}}}'


class CanvasPoints(MacroElement):
    """Draw the payload as Canvas circle markers inside the parent feature group, clustered when dense."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function () {
            var fg = {{ this._parent.get_name() }};
            var map = {{ this._parent._parent.get_name() }};
            var d = {{ this.data }};
            var t0 = performance.now();
            if (!map.getPane("sqpoints")) {
                // above the area polygons, but transparent to the pointer: areas keep their tooltips and clicks
                var pane = map.createPane("sqpoints");
                pane.style.zIndex = 450;
                pane.style.pointerEvents = "none";
                window.sqRenderer = L.canvas({pane: "sqpoints", padding: 0.5});
            }
            var layers = new Array(d.n);
            for (var i = 0; i < d.n; i++) {
                var o = i * 6, kind = d.p[o + 4], approx = d.p[o + 5] === 1;
                layers[i] = L.circleMarker([d.p[o] / 1e5, d.p[o + 1] / 1e5], {
                    renderer: window.sqRenderer, interactive: false, radius: d.p[o + 3] / 10,
                    fillColor: d.c[d.p[o + 2]],
                    fillOpacity: approx ? 0.3 : 0.85, color: kind === 1 ? "#222" : (kind === 2 ? "#000" : "#fff"),
                    weight: kind === 2 ? 2 : 1, dashArray: approx ? "2 2" : null
                });
            }
            var created = performance.now() - t0;
            // A map click near a drawn (unclustered) point becomes a click at that point's exact position.
            if (window.sqPick) { map.off("click", window.sqPick); }
            window.sqPick = function (e) {
                if (e.sqPoint) { return; }
                var best = null, bestD = 100;
                for (var i = 0; i < layers.length; i++) {
                    if (!map.hasLayer(layers[i])) { continue; }
                    var q = map.latLngToContainerPoint(layers[i].getLatLng());
                    var dx = q.x - e.containerPoint.x, dy = q.y - e.containerPoint.y, r = layers[i].options.radius + 3;
                    var dd = dx * dx + dy * dy;
                    if (dd <= r * r && dd < bestD) { best = layers[i]; bestD = dd; }
                }
                if (best) {
                    var at = best.getLatLng();
                    setTimeout(function () { map.fire("click", {latlng: at, sqPoint: true}); }, 0);
                }
            };
            map.on("click", window.sqPick);
            var group;
            var done = function () {
                requestAnimationFrame(function () {
                    var ms = performance.now() - t0;
                    window.sqPoints = {n: d.n, clustered: {{ this.cluster }}, ms: ms, created: created};
                });
            };
            if ({{ this.cluster }}) {
                if (!map.options.maxZoom) { map.options.maxZoom = 18; }  // markercluster needs one; no tiles set it
                // a city map: no cluster levels for the whole of China (fewer levels to build)
                if (map.options.minZoom === undefined) { map.options.minZoom = 7; }
                group = L.markerClusterGroup({chunkedLoading: true, showCoverageOnHover: false,
                    disableClusteringAtZoom: 13, maxClusterRadius: 60,
                    chunkProgress: function (done_n, total) { if (done_n === total) { done(); } }});
                fg.addLayer(group);  // on the map first, so chunked loading runs and reports progress
                group.addLayers(layers);
                if (d.n === 0) { done(); }
            } else {
                group = L.layerGroup(layers);
                fg.addLayer(group);
                done();
            }
        })();
        {% endmacro %}
        """
    )

    def __init__(self, data: str, n: int, cluster: bool | None = None):
        super().__init__()
        self._name = "CanvasPoints"
        self.data = data
        self.cluster = "true" if (n >= CLUSTER_MIN if cluster is None else cluster) else "false"


def points_group(
    points: pd.DataFrame, styles: folium.FeatureGroup | None = None, data: str | None = None
) -> folium.FeatureGroup:
    """The feature group sent per rerun: the area shading (if any) and the points (pass a cached payload)."""
    fg = styles or folium.FeatureGroup(name="invest")
    CanvasPoints(data if data is not None else payload(points), len(points)).add_to(fg)
    return fg


def add_cluster_assets(m: folium.Map) -> folium.Map:
    """Put the local markercluster JS/CSS on the base map (ensure_markercluster copies them at start-up)."""
    ClusterAssets().add_to(m)
    return m


def legend_html(chains: list[tuple[int, str]], labels: dict[str, str]) -> str:
    """Chain colours present, the point kinds and the approximate-placement mark, as escaped HTML."""
    dot = '<span style="display:inline-block;width:12px;height:12px;border-radius:6px;background:{};{}"></span> '
    rows = [dot.format(chain_color(n), "") + escape(f"{n}. {name}") for n, name in chains]
    rows += [
        dot.format("#ccc", "border:1px solid #fff") + escape(labels["firm"]),
        dot.format("#ccc", "border:1px solid #222") + escape(labels["project"]),
        dot.format("#ccc", "border:2px solid #000") + escape(labels["carrier"]),
        dot.format("rgba(200,200,200,.3)", "border:1px dashed #555") + escape(labels["approximate"]),
    ]
    item = '<span style="display:inline-block;margin:0 14px 2px 0;white-space:nowrap">{}</span>'
    return '<div class="sq-legend">' + "".join(item.format(r) for r in rows) + "</div>"


def card_html(cards: list[dict[str, str]], lang: str) -> str:
    """The point card: every record at the clicked spot, all text escaped."""
    parts = []
    for c in cards:
        head = f"<b>{escape(c['name'])}</b> · {escape(t('inv_kind_' + c['kind'], lang))}"
        facts = [c["chains"], c.get("links", ""), c["area"], c.get("role", ""), c.get("stage", "")]
        if "investment_yi" in c:
            facts.append(f"{c['investment_yi']} 亿元")
        body = " · ".join(escape(f) for f in facts if f)
        extra = ""
        if c["approximate"]:
            extra += f"<br><i>{escape(t('inv_approx', lang))}</i>"
        if "area_stated" in c:
            extra += f"<br>⚠ {escape(t('inv_area_flag', lang) + c['area_stated'])}"
        parts.append(f'<div class="sq-card">{head}<br>{body}{extra}<br><small>{escape(c["source"])}</small></div>')
    return "<hr>".join(parts)
