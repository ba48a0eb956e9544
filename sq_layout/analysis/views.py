"""Display tables for the details panel and the hosts table, in Chinese or English."""

from __future__ import annotations

from collections.abc import Callable, Hashable, Mapping
from dataclasses import dataclass
from typing import Any, cast

import pandas as pd

from sq_layout.analysis.overlap import area_chain_matrix, nested_repeats, shared_chains
from sq_layout.analysis.queries import (
    Selection,
    area_conflicts,
    area_details,
    area_industries,
    area_lines,
    host_summary,
    parks_in_county,
    selected_links,
    selection_chains,
    selection_color,
)
from sq_layout.cache import cached
from sq_layout.i18n import Lang, by_lang, label, lang_column, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import areas_frame
from sq_layout.plan.propernames import RENDERED_KINDS, shown_name
from sq_layout.tables.plan import OTHER_SOURCES, SOURCES


@dataclass(frozen=True)
class AreaPanel:
    """Everything the details panel shows for one area."""

    area_id: str
    name: str
    kind: str
    geometry_quality: str
    geometry_source: str
    industries: pd.DataFrame
    details: pd.DataFrame
    conflicts: pd.DataFrame
    parks: pd.DataFrame
    passages: pd.DataFrame
    geometry_date: str = ""
    geometry_file: str = ""


def _sources(row: Mapping[Hashable, Any], lang: Lang) -> str:
    parts = []
    for s in SOURCES:
        if row[s]:
            parts.append(f"{label(s, lang)} L{row['lines_' + s].replace(';', ',')}")
    for s in OTHER_SOURCES:  # not the plan text: the reference, never a line
        if row["refs_" + s]:
            parts.append(f"{label(s, lang)}：{row['refs_' + s]}")
    return " · ".join(parts)


@cached(16)
def _area_names(ds: Dataset, lang: Lang) -> pd.Series:
    """Area id → name in a language (memoised: callers only map through it)."""
    return ds.areas.set_index("area_id")[name_col(lang)]


@cached(16)
def area_names(ds: Dataset, lang: Lang) -> dict[str, str]:
    """Area id → name in a language, as a plain dict (pickers look up every name on every rerun)."""
    return {str(k): str(v) for k, v in _area_names(ds, lang).items()}


@cached(8)
def _area_attrs(ds: Dataset) -> pd.DataFrame:
    """areas_frame(ds) by area id, once per dataset: a card reads its own row."""
    return cast(pd.DataFrame, areas_frame(ds).set_index("area_id"))


def _short_names(ds: Dataset, lang: Lang) -> pd.Series:
    return ds.areas.set_index("area_id")[lang_column("short_name", lang)]


@cached(16)
def _names(ds: Dataset, table: str, lang: Lang) -> dict[object, str]:
    """id → name in a language for one of areas, industries, subindustries, chains (memoised)."""
    frame, key = {
        "areas": (ds.areas, "area_id"),
        "industries": (ds.industries, "industry_id"),
        "subindustries": (ds.subindustries, "subindustry_id"),
        "chains": (ds.chains, "chain_no"),
    }[table]
    return dict(zip(frame[key], frame[name_col(lang)], strict=True))


def _chain_list(ds: Dataset, chains: list[int], lang: Lang) -> str:
    names = _names(ds, "chains", lang)
    return join_list((names[c] for c in chains), lang)


def _per_row(frame: pd.DataFrame, cols: list[str], fn: Callable[[Mapping[Hashable, Any]], str]) -> pd.Series:
    """fn of each row's `cols` as a dict, as a text column on the frame's index (apply(axis=1) is far slower)."""
    return pd.Series([fn(r) for r in frame[cols].to_dict("records")], index=frame.index, dtype="str")


@cached(64)
def area_panel(ds: Dataset, area_id: str, lang: Lang = "zh") -> AreaPanel:
    """Industries, sub-industries, chains, products, carriers, conflicts and passages for one area."""
    area = cast("pd.Series[Any]", _area_attrs(ds).loc[area_id])
    ind = area_industries(ds, area_id)
    names, subs, chain_names = (_names(ds, table, lang) for table in ("industries", "subindustries", "chains"))
    sfx = by_lang("", "_en", lang)
    industries = pd.DataFrame(
        {
            "industry_id": ind["industry_id"],  # colours and grouping go by id, never by a display name
            "tier": ind["tier"].map(lambda v: label(v, lang)),
            "industry": ind["industry" + sfx],
            "subindustry": ind["subindustry" + sfx].fillna("—"),
            "chain": pd.to_numeric(ind["chain_no"], errors="coerce").map(chain_names).fillna("—"),
            "sources": _per_row(
                ind,
                [*SOURCES, *("lines_" + s for s in SOURCES), *("refs_" + s for s in OTHER_SOURCES)],
                lambda r: _sources(r, lang),
            ),
            "conflict": ~ind["confirmed"],
        }
    )
    det = area_details(ds, area_id)
    details = pd.DataFrame(
        {
            "kind": det["kind"].map(lambda v: label(v, lang)),
            "industry": det["subindustry_id"].map(subs).fillna(det["industry_id"].map(names)).fillna("—"),
            "text": [
                shown_name(x, lang) if k in RENDERED_KINDS else x for x, k in zip(det["text"], det["kind"], strict=True)
            ],
            "source": _per_row(det, ["source", "line"], lambda r: f"{label(r['source'], lang)} L{r['line']}"),
            "quote": det["quote"],  # the sentence of that line that names it, verbatim
        }
    )
    conf = area_conflicts(ds, area_id)
    conflicts = pd.DataFrame(
        {
            "id": conf["conflict_id"],
            "description": conf[lang_column("description", lang)],
            "lines": conf["lines"].str.replace(";", ", "),
        }
    )
    parks = pd.DataFrame(columns=["zone", "share_inside", "chains", "shared_with_county"])
    if area["kind"] == "county":
        p = parks_in_county(ds, area_id)
        parks = p.assign(zone=p["zone_id"].map(_area_names(ds, lang)))[list(parks.columns)]
    lines = sorted(n for n in set(area_lines(ds, area_id)) | set(det["line"]) if n >= 1)  # 0: not the plan text
    passages = pd.DataFrame({"line": lines, "text": [ds.passage(n) for n in lines]})
    return AreaPanel(
        area_id=area_id,
        name=area[name_col(lang)],
        kind=label(area["kind"], lang),
        geometry_quality=area["geometry_quality"],
        geometry_source=area["geometry_source"],
        industries=industries.reset_index(drop=True),
        details=details,
        conflicts=conflicts,
        parks=parks.reset_index(drop=True),
        passages=passages,
        geometry_date=str(area.get("geometry_date", "") or ""),
        geometry_file=str(area.get("geometry_file", "") or ""),
    )


@cached(8)
def _facts_index(ds: Dataset) -> dict[tuple[str, str, str], list[tuple[str, str]]]:
    """(area, industry, kind) → [(sub-industry or '', text)] of the plan's details, in plan order."""
    out: dict[tuple[str, str, str], list[tuple[str, str]]] = {}
    d = ds.details
    for a, i, s, k, text in zip(
        d["area_id"], d["industry_id"], d["subindustry_id"].fillna(""), d["kind"], d["text"], strict=True
    ):
        out.setdefault((str(a), str(i), str(k)), []).append((str(s), str(text)))
    return out


def _facts(ds: Dataset, area_id: str, industry_id: str, via: str, kind: str, lang: Lang) -> str:
    """Carriers or lead firms the plan names for an area and an industry or sub-industry (as printed, deduplicated;
    in English with their rendering)."""
    rows = _facts_index(ds).get((area_id, industry_id, kind), [])
    names = dict.fromkeys(text for s, text in rows if s in ("", via))
    return join_list((shown_name(n, lang) for n in names), lang)


@cached(16)
def _lookups(ds: Dataset, lang: Lang) -> dict[str, dict[object, str]]:
    """Id → name in the reader's language for areas, industries, sub-industries and chains; tier labels; order."""
    col = name_col(lang)
    return {
        "area": dict(zip(ds.areas["area_id"], ds.areas[col], strict=True)),
        "industry": dict(zip(ds.industries["industry_id"], ds.industries[col], strict=True)),
        "subindustry": dict(zip(ds.subindustries["subindustry_id"], ds.subindustries[col], strict=True)),
        "chain": dict(zip(ds.chains["chain_no"].astype(int), ds.chains[col], strict=True)),
        "order": {a: str(i) for i, a in enumerate(ds.areas["area_id"])},
    }


@cached(256)
def hosts_table(ds: Dataset, sel: Selection, lang: Lang = "zh") -> pd.DataFrame:
    """One row per (hosting area, chain) for the current selection: tier, sub-industry, carriers, lead firms, sources.

    表十一 figures are city-wide chain totals and are not repeated here: see chain_figures.
    """
    rows = selected_links(ds, sel)
    names = _lookups(ds, lang)
    records = []
    for a, c, tier, via, ind, relation, *flags in zip(
        *(rows[k].tolist() for k in ("area_id", "chain_no", "tier", "via", "industry_id", "chain_relation")),
        *(rows[s].tolist() for s in SOURCES),
        strict=True,
    ):
        rel = "" if relation == "same" else f"（{label(relation, lang)}）"
        records.append(
            {
                "area": names["area"].get(a),
                "chain": names["chain"].get(int(c)),
                "tier": label(tier, lang),
                "via": (names["subindustry"].get(via) or names["industry"].get(via) or via) + rel,
                "carriers": _facts(ds, a, ind, via, "carrier", lang),
                "firms": _facts(ds, a, ind, via, "firm", lang),
                "sources": join_list((label(s, lang) for s, on in zip(SOURCES, flags, strict=True) if on), lang),
                "area_id": a,
                "chain_no": c,
                "_o": int(names["order"].get(a, "0")),
            }
        )
    columns = ["area", "chain", "tier", "via", "carriers", "firms", "sources", "area_id", "chain_no", "_o"]
    out = pd.DataFrame(records, columns=columns)
    return out.sort_values(["chain_no", "_o"]).drop(columns=["_o"]).reset_index(drop=True)


@cached(256)
def chain_figures(ds: Dataset, sel: Selection, lang: Lang = "zh") -> pd.DataFrame:
    """表十一 figures once per chain the selection touches, labelled as city-wide (全市) totals in 亿元."""
    nos = [int(n) for n in selection_chains(ds, sel)] if not sel.empty else []
    figures = _chain_figure_rows(ds)
    names = _lookups(ds, lang)["chain"]
    scope = label("citywide", lang)
    rows = [(names[n], scope, *figures[n], n) for n in nos]
    return pd.DataFrame(rows, columns=["chain", "scope", "output_2020", "target_2023", "target_2025", "chain_no"])


@cached(8)
def _chain_figure_rows(ds: Dataset) -> dict[int, tuple[float, float, float]]:
    """Chain number → its 表十一 figures (2020 output, 2023 and 2025 targets, 亿元)."""
    c = ds.chains
    cols = (c["output_2020_yi"].tolist(), c["target_2023_yi"].tolist(), c["target_2025_yi"].tolist())
    return {int(n): (a, b, d) for n, a, b, d in zip(c["chain_no"].tolist(), *cols, strict=True)}


def hosts_with_citywide(ds: Dataset, sel: Selection, lang: Lang = "zh") -> pd.DataFrame:
    """For print: per chain one 全市 row carrying the 表十一 figures, then its host rows without figures."""
    hosts = hosts_table(ds, sel, lang)
    figs = chain_figures(ds, sel, lang)
    parts = []
    for f in figs.itertuples():
        parts.append(
            pd.DataFrame(
                {
                    "area": [t("table11_scope", lang).format(scope=f.scope)],
                    "chain": [f.chain],
                    "via": [""],
                    "sources": [""],
                    "output_2020": [f"{f.output_2020:g}"],
                    "target_2023": [f"{f.target_2023:g}"],
                    "target_2025": [f"{f.target_2025:g}"],
                }
            )
        )
        h = hosts[hosts["chain_no"] == f.chain_no][["area", "chain", "via", "sources"]]
        parts.append(h.assign(output_2020="", target_2023="", target_2025=""))
    cols = ["area", "chain", "via", "sources", "output_2020", "target_2023", "target_2025"]
    return pd.concat(parts, ignore_index=True)[cols] if parts else pd.DataFrame(columns=cols)


@cached(64)
def matrix_long(ds: Dataset, chains: tuple[int, ...], lang: Lang = "zh", short: bool = False) -> pd.DataFrame:
    """The area × chain matrix as long rows (area_id, chain_no, area, chain, n_sources) in plan order."""
    m = area_chain_matrix(ds, chains)
    wide = m.rename_axis(index="area_id").reset_index()
    long = wide.melt(id_vars="area_id", var_name="chain_no", value_name="n_sources").astype({"chain_no": int})
    names = _short_names(ds, lang) if short else _area_names(ds, lang)
    long["area"] = long["area_id"].map(names)
    long["chain"] = long["chain_no"].map(ds.chains.set_index("chain_no")[name_col(lang)])
    return long[["area_id", "chain_no", "area", "chain", "n_sources"]]


def host_counts_view(ds: Dataset, sel: Selection, lang: Lang = "zh") -> pd.DataFrame:
    """Hosting areas by name and how many of the selected items each hosts."""
    summary = host_summary(ds, sel)
    return pd.DataFrame({"area": summary["area_id"].map(_area_names(ds, lang)), "n_selected": summary["n_selected"]})


def shared_pairs_view(ds: Dataset, chains: tuple[int, ...], lang: Lang = "zh") -> pd.DataFrame:
    """Area pairs sharing chains, by name, with the shared chains listed."""
    p = shared_chains(ds, chains)
    names = _area_names(ds, lang)
    return pd.DataFrame(
        {
            "area_a": p["area_a"].map(names),
            "area_b": p["area_b"].map(names),
            "n_shared": p["n_shared"],
            "chains": p["chains"].map(lambda cs: _chain_list(ds, cs, lang)),
        }
    )


def nested_view(ds: Dataset, chains: tuple[int, ...], lang: Lang = "zh") -> pd.DataFrame:
    """Each zone, its county, and the chains (within `chains`) it repeats from the county."""
    n = nested_repeats(ds, chains)
    names = _area_names(ds, lang)
    return pd.DataFrame(
        {
            "zone": n["zone_id"].map(names),
            "county": n["county_id"].map(names),
            "shared": n["shared"].map(lambda cs: _chain_list(ds, cs, lang)),
        }
    )


def selection_names(ds: Dataset, sel: Selection, lang: Lang = "zh", chain_suffix: str = "") -> list[str]:
    """Names of the selected industries, sub-industries and chains, in that order (chains with `chain_suffix`)."""
    inds, subs, chains = (_names(ds, t, lang) for t in ("industries", "subindustries", "chains"))
    names = [inds[i] for i in sel.industries] + [subs[s] for s in sel.subindustries]
    return names + [chains[c] + chain_suffix for c in sel.chains]


def single_legend(ds: Dataset, sel: Selection, lang: Lang = "zh") -> tuple[str, str] | None:
    """(label, colour) of the one legend entry when the selection is drawn in a single industry colour."""
    color = selection_color(ds, sel)
    if color is None:
        return None
    return join_list(selection_names(ds, sel, lang), lang), color
