"""Firms, projects and carrier parks as points over the areas: the point table, the area shading, legend and card.

The points travel as one compact binary file per filter (layers/points.py) and are drawn and clustered on a Canvas in
the browser (static/sqpoints.js); the areas are the shared base map, restyled per rerun (layers/restyle.py). A click
on a point re-fires as a map click at the point's exact position, so the page shows its card (the server matches
the position; names never travel to the browser).
"""

from __future__ import annotations

import math
import threading
from collections import OrderedDict
from collections.abc import Callable, Hashable
from dataclasses import replace
from html import escape

import geopandas as gpd
import numpy as np
import pandas as pd

from layers.geostore import order_key
from layers.legend import render
from layers.points import PointSet, encode, points_spec
from layers.restyle import AreaStyles, Overlay
from layers.restyle import encode as encode_styles
from layers.shading import value_styles
from sq_layout.i18n import Lang, t
from sq_layout.legend import LegendEntry, value_entries
from sq_layout.style import VALUE_RAMP

KINDS = ("firm", "project", "carrier")
SYMBOL_RADIUS = {"firm": 5.5, "carrier": 6.0}  # px; a park is drawn as a square of twice this side
NO_CHAIN = "#777777"
# Twenty distinguishable colours, one per 表十一 chain (Tableau 20 order).
CHAIN_COLORS = (
    "#4E79A7", "#A0CBE8", "#F28E2B", "#FFBE7D", "#59A14F", "#8CD17D", "#B6992D", "#F1CE63", "#499894", "#86BCB6",
    "#E15759", "#FF9D9A", "#79706E", "#BAB0AC", "#D37295", "#FABFD2", "#B07AA1", "#D4A6C8", "#9D7660", "#D7B5A6",
)  # fmt: skip


def chain_color(chain_no: int) -> str:
    """The colour of a 表十一 chain on the investment map."""
    return CHAIN_COLORS[(int(chain_no) - 1) % len(CHAIN_COLORS)]


def points_frame(firms: pd.DataFrame, projects: pd.DataFrame, carriers: pd.DataFrame) -> pd.DataFrame:
    """All points to draw: kind, first chain, size (by investment for projects), approximate flag, position."""
    parts = []
    for kind, tab in zip(KINDS, (firms, projects, carriers), strict=True):
        if tab.empty:
            continue
        # the first chain: the text before any “;” (a regex replace runs in Arrow; a split builds a list per row)
        first = pd.to_numeric(tab["chains"].str.replace(r";.*$", "", regex=True), errors="coerce").fillna(0).astype(int)
        if kind == "project":
            radius = np.clip(4 + 2.2 * np.log10(1 + tab["investment_yi"].to_numpy()), 4, 12).round(1)
        else:  # a firm's circle and a park's square big enough to see and tell apart (static/sqpoints.js)
            radius = np.full(len(tab), SYMBOL_RADIUS[kind])
        parts.append(
            pd.DataFrame(
                {
                    "kind": KINDS.index(kind),
                    "chain_no": first.to_numpy(),
                    "radius": radius,
                    "approximate": tab["approximate"].to_numpy().astype(int),
                    "lat": tab["lat"].to_numpy(),  # rounded once, when encoded (as records_at matches clicks)
                    "lng": tab["lon"].to_numpy(),
                }
            )
        )
    cols = ["kind", "chain_no", "radius", "approximate", "lat", "lng"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=cols)


PointBuild = tuple[int, bytes, list[int]]  # points, their file's bytes, the chains present
_SHARED: OrderedDict[tuple[Hashable, ...], PointBuild] = OrderedDict()
_SHARED_LOCK = threading.Lock()
SHARED_SETS = 4  # a 50,000-point set is ~0.7 MB of file bytes; its key keeps its records alive too


def shared_points(key: tuple[Hashable, ...], build: Callable[[], PointBuild]) -> PointBuild:
    """The point set of (records, plan, filter) — objects hashed by identity, the filter by value — built once for
    every session that shows it (a new visitor's first view reuses it), the few most recent kept. The key holds its
    objects, so an identity is never reused while its entry is kept."""
    with _SHARED_LOCK:
        hit = _SHARED.get(key)
        if hit is not None:
            _SHARED.move_to_end(key)
            return hit
    value = build()
    with _SHARED_LOCK:
        _SHARED[key] = value
        while len(_SHARED) > SHARED_SETS:
            _SHARED.popitem(last=False)
    return value


def point_blob(points: pd.DataFrame) -> bytes:
    """The points as the compact binary the browser draws (layers/points.py): each point's chain number itself (0 = no
    chain), by which the browser picks its colour (cycling through the palette past twenty) and its name."""
    return encode(points.assign(chain=points["chain_no"].astype(int)))


def _steps(top: float, whole: bool) -> list[str]:
    """The value range of each VALUE_RAMP step (equal intervals of 0..top, as layers.shading buckets them)."""
    n = len(VALUE_RAMP)
    if not whole:
        return [f"{top * b / n:.4g} – {top * (b + 1) / n:.4g}" for b in range(n)]
    out = []
    for b in range(n):  # counts: the whole numbers that fall in the step ("" for a step no count can reach)
        lo, hi = math.ceil(top * b / n), (int(top) if b == n - 1 else math.ceil(top * (b + 1) / n) - 1)
        out.append("" if lo > hi else (str(lo) if lo == hi else f"{lo} – {hi}"))
    return out


def shade_styles(areas: gpd.GeoDataFrame, values: pd.Series | None) -> AreaStyles:
    """Areas filled by a metric (VALUE_RAMP over 0..max); no values: the base style everywhere."""
    if values is None:
        return AreaStyles((), encode_styles([None] * len(areas)), order_key(list(areas["area_id"])))
    top = float(values.max()) if len(values) else 0.0
    return value_styles(areas, values / top if top > 0 else values * 0)


def shade_entries(values: pd.Series, whole: bool = True) -> list[LegendEntry]:
    """The shading's legend rows: each VALUE_RAMP step with the values it stands for (unreachable steps left out)."""
    top = float(values.max()) if len(values) else 0.0
    steps = _steps(top, whole) if top > 0 else ["0"]
    ramp = value_entries()
    return [replace(ramp[b], label=text) for b, text in enumerate(steps) if text]


def shade_legend(values: pd.Series, title: str, lang: Lang, whole: bool = True) -> str:
    """The shading's legend box (the one legend renderer of the other maps), escaped HTML."""
    return render(lang, title, shade_entries(values, whole))


def invest_overlay(
    styles: AreaStyles, points: PointSet, chains: dict[int, str], lang: Lang, demo: bool = False
) -> Overlay:
    """What a rerun sends: the areas' restyle and the point set's name and texts (a few hundred bytes); on the
    fictional demo set, the 示例 mark the frame draws across the map itself."""
    names = [""] + [chains.get(n, "") for n in range(1, max(chains, default=0) + 1)]  # by chain number, any number
    texts = {
        "kinds": [t(f"inv_kind_{k}", lang) for k in KINDS],
        "approx": t("inv_approx_short", lang),
        "cluster": t("inv_cluster_tip", lang),
        "stack": t("inv_stack_tip", lang),
        "failed": t("inv_points_failed", lang),
    }
    spec = points_spec(points, [NO_CHAIN, *CHAIN_COLORS], names, texts)
    return Overlay(styles.spec(None), spec, t("inv_demo_mark", lang) if demo else None)


def legend_html(chains: list[tuple[int, str]], labels: dict[str, str]) -> str:
    """Chain colours present, each kind's symbol as the map draws it (firm: circle with a dark outline, project:
    circle with a white outline, park: square) and the approximate-placement mark, as escaped HTML."""
    sym = '<span style="display:inline-block;vertical-align:-2px;width:{0}px;height:{0}px;{1}"></span> '
    dot = sym.format(12, "border-radius:6px;background:{}")
    rows = [dot.format(chain_color(n)) + escape(f"{n}. {name}") for n, name in chains]
    grey = "background:#9aa4ad;box-sizing:border-box;"
    rows += [
        sym.format(12, grey + "border-radius:6px;border:1.5px solid #1a1a1a") + escape(labels["firm"]),
        sym.format(12, grey + "border-radius:6px;border:1.5px solid #fff;box-shadow:0 0 0 1px #9aa4ad")
        + escape(labels["project"]),
        sym.format(12, grey + "border:2px solid #000") + escape(labels["carrier"]),
        sym.format(12, grey + "border-radius:6px;border:1.5px dashed #1a1a1a") + escape(labels["approximate"]),
    ]
    item = '<span class="sq-legend-item" style="display:inline-block;margin:0 14px 2px 0;white-space:nowrap">{}</span>'
    return '<div class="sq-legend">' + "".join(item.format(r) for r in rows) + "</div>"


def card_html(cards: list[dict[str, str]], lang: Lang) -> str:
    """The point card: every record at the clicked spot, all text escaped."""
    parts = []
    for c in cards:
        head = f"<b>{escape(c['name'])}</b> · {escape(t('inv_kind_' + c['kind'], lang))}"
        facts = [c["chains"], c.get("links", ""), c["area"], c.get("role", ""), c.get("stage", "")]
        if "investment_yi" in c:  # with its unit, in the card's language (sq_layout.invest.views.card_rows)
            facts.append(c["investment_yi"])
        body = " · ".join(escape(f) for f in facts if f)
        extra = ""
        if c["approximate"]:
            extra += f"<br><i>{escape(t('inv_approx', lang))}</i>"
        if "area_stated" in c:
            extra += f"<br>⚠ {escape(t('inv_area_flag', lang) + c['area_stated'])}"
        parts.append(f'<div class="sq-card">{head}<br>{body}{extra}<br><small>{escape(c["source"])}</small></div>')
    return "<hr>".join(parts)
