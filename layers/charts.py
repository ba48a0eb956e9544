"""Vega-Lite chart specs for both pages, as plain dicts (drawn by the Vega bundled with Streamlit: no network).

Every chart shows every category label: no truncation (labelLimit 0), no overlap culling, a fixed legible size, and
a size that grows with the number of categories (a step per category). Marks carry ids (area_id, chain_no) so a
click returns an id, never a display name. Plain dicts keep Altair's import and validation off every rerun.
"""

from __future__ import annotations

import json
from typing import Any

import pandas as pd

from sq_layout.analysis.overlap import hosts_per_chain
from sq_layout.analysis.views import matrix_long
from sq_layout.cache import cached
from sq_layout.i18n import Lang, headers, name_col, t
from sq_layout.plan.dataset import Dataset

LABEL_SIZE = 12
STEP = 22  # px per category row: 12 px text with room to breathe
Spec = dict[str, Any]


WRAP = 24  # characters: a longer category label (English chain names) wraps onto a second line


def axis(angle: int = 0) -> Spec:
    """An axis that draws every label in full at a legible size; long labels wrap at word breaks."""
    return {
        "labelLimit": 0,
        "labelOverlap": False,
        "labelFontSize": LABEL_SIZE,
        "labelAngle": angle,
        "labelLineHeight": LABEL_SIZE + 1,
        "labelExpr": f"split(trim(replace(datum.label, regexp('(.{{1,{WRAP}}})( +|$)', 'g'), '$1\\n')), '\\n')",
        "title": None,
    }


def across() -> Spec:
    """An axis of columns whose labels stand upright (one per column, never on top of a neighbour)."""
    return {"labelLimit": 0, "labelOverlap": False, "labelFontSize": LABEL_SIZE - 1, "labelAngle": -90, "title": None}


def row_step(labels: list[str]) -> int:
    """Px per row: room for a second line when a label wraps."""
    return STEP if all(len(str(x)) <= WRAP for x in labels) else 2 * (LABEL_SIZE + 1) + 4


def _values(df: pd.DataFrame) -> list[dict[str, Any]]:
    return json.loads(df.to_json(orient="records", force_ascii=False))  # type: ignore[no-any-return]


def _tip(fields: list[tuple[str, str]], lang: Lang, fmt: str | None = None) -> list[Spec]:
    """Tooltip entries titled in the reader's language (field, Vega type)."""
    out: list[Spec] = []
    for f, kind in fields:
        entry: Spec = {"field": f, "type": kind, "title": headers([f], lang).get(f, f)}
        if fmt and kind == "quantitative":
            entry["format"] = fmt
        out.append(entry)
    return out


def _title(text: str) -> Spec:
    return {"title": text} if text else {}


def matrix_heatmap(long: pd.DataFrame, title: str, highlight: str | None = None, lang: Lang = "zh") -> Spec:
    """Chain × area heat map (chains down, areas across); shade = number of plan sources stating the link (0–3)."""
    areas = list(dict.fromkeys(long["area"]))
    chains = list(dict.fromkeys(long["chain"]))
    opacity: Spec = {"value": 1.0}
    if highlight is not None:
        opacity = {"condition": {"test": f"datum.area_id === {json.dumps(highlight)}", "value": 1.0}, "value": 0.45}
    return {
        **_title(title),
        "data": {"values": _values(long)},
        "mark": {"type": "rect", "stroke": "#ffffff"},
        "encoding": {
            "x": {"field": "area", "type": "nominal", "sort": areas, "axis": across()},
            "y": {"field": "chain", "type": "nominal", "sort": chains, "axis": axis()},
            "color": {
                "field": "n_sources",
                "type": "quantitative",
                "scale": {"domain": [0, 3], "scheme": "purples"},
                "legend": {"title": "", "orient": "top", "gradientLength": 120},  # above: the width is the cells'
            },
            "opacity": opacity,
            "tooltip": _tip([("area", "nominal"), ("chain", "nominal"), ("n_sources", "quantitative")], lang),
        },
        "width": {"step": 20},
        "height": {"step": row_step(chains)},
    }


def hosts_bar(per_chain: pd.DataFrame, name_col: str, title: str, lang: Lang = "zh") -> Spec:
    """Number of hosting areas per chain, most spread first."""
    data = per_chain[[name_col, "n_hosts"]].rename(columns={name_col: "chain"})
    return {
        **_title(title),
        "data": {"values": _values(data)},
        "mark": {"type": "bar", "color": "#6A51A3"},
        "encoding": {
            "x": {"field": "n_hosts", "type": "quantitative", "title": None, "axis": {"tickMinStep": 1, "format": "d"}},
            "y": {"field": "chain", "type": "nominal", "sort": "-x", "axis": axis()},
            "tooltip": _tip([("chain", "nominal"), ("n_hosts", "quantitative")], lang),
        },
        "height": {"step": row_step(list(data["chain"]))},
    }


def prospects_bar(counts: pd.DataFrame, lang: Lang = "zh") -> Spec:
    """Target firms per province, stacked by category (province, category in words, n): whole firms on the axis, the
    count and the categories named, the provinces with most first."""
    region, category, n = t("bl_h_region", lang), t("pt_h_category", lang), t("pt_bar_count", lang)
    return {
        "data": {"values": _values(counts[["province", "category", "n"]])},
        "mark": {"type": "bar"},
        "encoding": {
            "x": {"field": "n", "type": "quantitative", "title": n, "axis": {"tickMinStep": 1, "format": "d"}},
            "y": {"field": "province", "type": "nominal", "sort": "-x", "axis": {**axis(), "title": region}},
            "color": {"field": "category", "type": "nominal", "title": category, "legend": {"orient": "bottom"}},
            "tooltip": [
                {"field": "province", "type": "nominal", "title": region},
                {"field": "category", "type": "nominal", "title": category},
                {"field": "n", "type": "quantitative", "title": n},
            ],
        },
        "height": {"step": row_step(list(counts["province"]))},
    }


def similarity_heatmap(long: pd.DataFrame, order: list[str], title: str, lang: Lang = "zh") -> Spec:
    """Area × area similarity (0–1) with every area named on both axes."""
    return {
        **_title(title),
        "data": {"values": _values(long)},
        "mark": "rect",
        "encoding": {
            "x": {"field": "b", "type": "nominal", "sort": order, "axis": across()},
            "y": {"field": "a", "type": "nominal", "sort": order, "axis": axis()},
            "color": {
                "field": "similarity",
                "type": "quantitative",
                "scale": {"domain": [0, 1], "scheme": "blues"},
                "title": "",
            },
            "tooltip": _tip([("a", "nominal"), ("b", "nominal"), ("similarity", "quantitative")], lang, ".2f"),
        },
        "width": {"step": 28},
        "height": {"step": 28},
    }


def targets_bar(data: pd.DataFrame, by: str, axis_title: str, lang: Lang = "zh") -> Spec:
    """One bar per chain for the chosen measure, largest first, every chain named."""
    return {
        "data": {"values": _values(data[["chain", by]])},
        "mark": {"type": "bar", "color": "#3182BD"},
        "encoding": {
            "x": {"field": by, "type": "quantitative", "title": axis_title},
            "y": {"field": "chain", "type": "nominal", "sort": "-x", "axis": axis()},
            "tooltip": _tip([("chain", "nominal"), (by, "quantitative")], lang),
        },
        "height": {"step": row_step(list(data["chain"]))},
    }


def pickable(spec: Spec, name: str = "pick", field: str = "chain_no") -> Spec:
    """The chart with a click selection on an id field (its value comes back to the page as that id)."""
    return {**spec, "params": [{"name": name, "select": {"type": "point", "fields": [field]}}]}


@cached(256)
def overlap_specs(ds: Dataset, chains: tuple[int, ...], lang: Lang, highlight: str | None) -> tuple[str, str]:
    """The explorer's two overlap charts as Vega-Lite JSON, built once per (chains, language, highlighted area)."""
    bar = hosts_bar(hosts_per_chain(ds, chains), name_col(lang), t("hosts_per_chain", lang), lang)
    matrix = matrix_heatmap(matrix_long(ds, chains, lang, short=True), t("matrix", lang), highlight, lang)
    return json.dumps(bar, ensure_ascii=False), json.dumps(matrix, ensure_ascii=False)


@cached(64)
def audit_matrix_spec(ds: Dataset, lang: Lang, highlight: str) -> str:
    """The audit page's clickable chain × area matrix (all 20 chains) as Vega-Lite JSON."""
    long = matrix_long(ds, tuple(ds.chains["chain_no"]), lang, short=True)
    return json.dumps(pickable(matrix_heatmap(long, "", highlight, lang)), ensure_ascii=False)
