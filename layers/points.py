"""Points on the map as one compact binary file per point set, drawn and clustered in the browser (static/sqpoints.js).

The file (static/points/<content hash>.bin) is written once, atomically, and never changes, so a rerun that shows the
same points sends only a short script naming it, and the browser fetches a new file only when the set changes.
Layout, for n points: int32 latitude × 1e5, int32 longitude × 1e5, then one byte each for colour index, radius × 10,
kind and approximate (12 bytes a point; names never leave the server).
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass

import numpy as np
import pandas as pd
from branca.element import MacroElement
from jinja2 import Template

from layers.assets import STATIC_DIR, STATIC_URL, publish_once, versioned_url

POINTS_DIR = STATIC_DIR / "points"
KEEP_FILES = 48  # the newest point sets kept on disk; a set in use is touched on every rerun, so it stays
DECIMALS = 5  # ~1 m: the click position the server matches a point by
COLUMNS = ["lat", "lng", "color", "radius", "kind", "approximate"]


@dataclass(frozen=True)
class PointSet:
    """Where the browser fetches a point set, and its size."""

    url: str
    n: int
    bytes: int


def encode(points: pd.DataFrame) -> bytes:
    """The binary point set: int32 positions (degrees × 1e5), then colour, radius × 10, kind, approximate as bytes."""
    n = len(points)
    pos = np.rint(points[["lat", "lng"]].to_numpy(dtype=float).T * 10**DECIMALS).astype("<i4")
    small = np.vstack(
        [
            points["color"].to_numpy(dtype=float),
            points["radius"].to_numpy(dtype=float) * 10,
            points["kind"].to_numpy(dtype=float),
            points["approximate"].to_numpy(dtype=float),
        ]
    )
    small = np.rint(small).clip(0, 255).astype(np.uint8)
    out = pos.reshape(2 * n).tobytes() + small.reshape(4 * n).tobytes()
    return out


def publish(data: bytes, n: int) -> PointSet:
    """Write an encoded point set to static/points/<content hash>.bin (once) and say where the browser finds it."""
    name = hashlib.sha256(data).hexdigest()[:20] + ".bin"
    publish_once(POINTS_DIR, name, data, KEEP_FILES)
    return PointSet(STATIC_URL + "points/" + name, n, len(data))


class PointsLayer(MacroElement):
    """Load the points runtime once per map (a local script) and show a point set; the same set again does nothing."""

    _template = Template(
        """
        {% macro script(this, kwargs) %}
        (function (map, cfg) {
            var go = function () { window.sqPts.show(map, cfg); };
            if (window.sqPts && window.sqPts.show) { go(); return; }
            window.sqPtsWait = go;  // only the newest set matters
            if (!document.getElementById("sqpoints-js")) {
                var s = document.createElement("script");
                s.id = "sqpoints-js";
                s.src = {{ this.script_url }};
                s.onload = function () { window.sqPtsWait(); };
                document.head.appendChild(s);
            }
        })({{ this._parent._parent.get_name() }}, {{ this.config }});
        {% endmacro %}
        """
    )

    def __init__(self, points: PointSet, colors: list[str], names: list[str], texts: dict[str, object]):
        super().__init__()
        self._name = "PointsLayer"
        self.script_url = json.dumps(versioned_url("sqpoints.js"))
        cfg = {"url": points.url, "n": points.n, "colors": colors, "chains": names, "texts": texts}
        self.config = json.dumps(cfg, ensure_ascii=False, separators=(",", ":"))
