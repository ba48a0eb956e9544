"""Questions the map asks: what an area hosts, and which areas host a selection.

Per-selection results are memoised; callers must not modify the returned frames.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

from sq_layout.analysis.spatial import nesting
from sq_layout.cache import cached
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts, chain_links, chain_table


@dataclass(frozen=True)
class Selection:
    """A filter: any of these tiers, industries, sub-industries or chains (empty means no filter)."""

    tiers: tuple[str, ...] = ()
    industries: tuple[str, ...] = ()
    subindustries: tuple[str, ...] = ()
    chains: tuple[int, ...] = ()

    @property
    def empty(self) -> bool:
        """True when nothing is selected."""
        return not (self.tiers or self.industries or self.subindustries or self.chains)


def _unknown(values: Iterable[object], known: Iterable[object], what: str) -> None:
    bad = sorted(set(values) - set(known), key=str)
    if bad:
        raise KeyError(f"unknown {what}: {', '.join(map(str, bad))}")


@dataclass(frozen=True)
class AreaRows:
    """Per-area row positions in the plan's tables, built once per dataset, so that what one area's card reads is
    found without scanning every area (at national scale a scan of all areas on each click is what costs)."""

    ids: frozenset[str]
    industries: pd.DataFrame  # every area's industries as area_industries returns them, in its order
    industry_rows: dict[str, np.ndarray]
    assignment_rows: dict[str, np.ndarray]  # positions in ds.assignments
    detail_rows: dict[str, np.ndarray]  # in ds.details
    conflict_rows: dict[str, np.ndarray]  # in ds.conflicts
    link_rows: dict[str, np.ndarray]  # in chain_links(ds)


_NONE = np.empty(0, dtype=np.intp)


def _positions(frame: pd.DataFrame) -> dict[str, np.ndarray]:
    """Area id → the frame's row positions for it, ascending (rows without an area left out)."""
    codes, uniques = pd.factorize(frame["area_id"])
    order = np.argsort(codes, kind="stable")
    bounds = np.searchsorted(codes[order], np.arange(len(uniques) + 1))
    return {str(a): order[bounds[i] : bounds[i + 1]] for i, a in enumerate(uniques.tolist())}


def _industries_frame(ds: Dataset) -> pd.DataFrame:
    """Every area's industries and sub-industries with names, tier, colour and chain, sorted as a card lists them."""
    ind = ds.industries[["industry_id", "name", "name_en", "tier", "color"]]
    sub = ds.subindustries[["subindustry_id", "name", "name_en"]].rename(
        columns={"name": "subindustry", "name_en": "subindustry_en"}
    )
    ch = ds.chains[["chain_no", "name"]].rename(columns={"name": "chain"})
    out = (
        assignment_facts(ds)
        .merge(ind, on="industry_id")
        .merge(sub, on="subindustry_id", how="left")
        .merge(ch, on="chain_no", how="left")
    )
    order = {i: n for n, i in enumerate(ds.industries["industry_id"])}
    out = out.sort_values(  # one row per (area, industry, sub-industry): each area's own rows keep this order
        ["industry_id", "subindustry_id"], key=lambda s: s.map(order) if s.name == "industry_id" else s
    )
    return out.rename(columns={"name": "industry", "name_en": "industry_en"}).reset_index(drop=True)


@cached(8)
def area_rows(ds: Dataset) -> AreaRows:
    """The per-area index of a dataset (built on first use, then cached with the dataset)."""
    industries = _industries_frame(ds)
    return AreaRows(
        ids=frozenset(str(a) for a in ds.areas["area_id"]),
        industries=industries,
        industry_rows=_positions(industries),
        assignment_rows=_positions(ds.assignments),
        detail_rows=_positions(ds.details),
        conflict_rows=_positions(ds.conflicts),
        link_rows=_positions(chain_links(ds)),
    )


def _known_area(ds: Dataset, area_id: str) -> AreaRows:
    rows = area_rows(ds)
    if area_id not in rows.ids:
        raise KeyError(f"unknown area: {area_id}")
    return rows


def area_industries(ds: Dataset, area_id: str) -> pd.DataFrame:
    """Industries and sub-industries assigned to an area, with names, tier, colour, chain and sources."""
    rows = _known_area(ds, area_id)
    return rows.industries.iloc[rows.industry_rows.get(area_id, _NONE)].reset_index(drop=True)


def area_details(ds: Dataset, area_id: str) -> pd.DataFrame:
    """Featured products, carriers, towns and lead firms of an area, each with its plan line."""
    rows = _known_area(ds, area_id)
    return ds.details.iloc[rows.detail_rows.get(area_id, _NONE)].reset_index(drop=True)


def area_conflicts(ds: Dataset, area_id: str) -> pd.DataFrame:
    """Recorded conflicts that concern an area."""
    rows = _known_area(ds, area_id)
    return ds.conflicts.iloc[rows.conflict_rows.get(area_id, _NONE)].reset_index(drop=True)


def area_lines(ds: Dataset, area_id: str) -> pd.Series:
    """The plan lines of an area's assignment rows (one per row, in table order)."""
    rows = _known_area(ds, area_id)
    return ds.assignments["line"].iloc[rows.assignment_rows.get(area_id, _NONE)]


def area_links(ds: Dataset, area_id: str) -> pd.DataFrame:
    """The rows of chain_links(ds) of one area (its chains, in link order)."""
    rows = _known_area(ds, area_id)
    return chain_links(ds).iloc[rows.link_rows.get(area_id, _NONE)]


def parks_in_county(ds: Dataset, county_id: str) -> pd.DataFrame:
    """Zones lying (mostly) inside a county by geometry, with the chains each shares with the county."""
    _known_area(ds, county_id)
    nest = nesting(ds)
    nest = nest[nest["county_id"] == county_id]
    county_chains = set(area_links(ds, county_id)["chain"])
    rows = []
    for z in nest.itertuples():
        zone_chains = area_links(ds, str(z.zone_id))["chain"].tolist()
        rows.append(
            {
                "zone_id": z.zone_id,
                "share_inside": z.share_inside,
                "chains": zone_chains,
                "shared_with_county": [c for c in zone_chains if c in county_chains],
            }
        )
    return pd.DataFrame(rows, columns=["zone_id", "share_inside", "chains", "shared_with_county"])


def validate_selection(ds: Dataset, sel: Selection) -> None:
    """Raise KeyError naming any unknown tier, industry, sub-industry or chain."""
    _unknown(sel.tiers, ds.industries["tier"], "tier")
    _unknown(sel.industries, ds.industries["industry_id"], "industry")
    _unknown(sel.subindustries, ds.subindustries["subindustry_id"], "sub-industry")
    _unknown(sel.chains, ds.chains["chain_no"], "chain")


@cached(8)
def _styled_facts(ds: Dataset) -> pd.DataFrame:
    return assignment_facts(ds).merge(ds.industries[["industry_id", "tier", "color"]], on="industry_id")


@cached(8)
def _fact_rows(ds: Dataset) -> tuple[tuple[str, str, str, str, str, str, bool, bool, bool], ...]:
    """The styled facts as plain tuples (area, tier, industry, sub-industry, chain, colour, 表十, 第四章, 第五章):
    a filter scans a few hundred of them, far quicker than a pandas filter-concat-groupby on every new filter."""
    f = _styled_facts(ds)
    chain = [str(int(c)) if pd.notna(c) else "" for c in f["chain_no"]]
    return tuple(
        zip(
            f["area_id"].astype(str),
            f["tier"].astype(str),
            f["industry_id"].astype(str),
            f["subindustry_id"].fillna("").astype(str),
            chain,
            f["color"].astype(str),
            f["table10"].astype(bool),
            f["ch4"].astype(bool),
            f["ch5"].astype(bool),
            strict=True,
        )
    )


HOST_COLUMNS = ["area_id", "item_kind", "item", "color", "table10", "ch4", "ch5"]


@cached(256)
def hosts(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """Areas hosting any selected item: one row per (area, item) with the item's kind, colour and sources."""
    validate_selection(ds, sel)
    criteria = (
        ("tier", 1, sel.tiers),
        ("industry", 2, sel.industries),
        ("subindustry", 3, sel.subindustries),
        ("chain", 4, sel.chains),
    )
    found: dict[tuple[str, str, str], list[str | bool]] = {}
    for kind, pos, values in criteria:
        wanted = {str(v) for v in values} - {""}
        if not wanted:
            continue
        for row in _fact_rows(ds):
            item = str(row[pos])
            if item in wanted:
                hit = found.setdefault((row[0], kind, item), [row[5], False, False, False])
                hit[1], hit[2], hit[3] = hit[1] or row[6], hit[2] or row[7], hit[3] or row[8]
    records = [(*key, *found[key]) for key in sorted(found)]
    return pd.DataFrame(records, columns=HOST_COLUMNS)


@cached(256)
def host_summary(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """Per area: how many of the selected items it hosts and the colour to draw it in (the first item's)."""
    per_area: dict[str, tuple[str, list[str]]] = {}
    h = hosts(ds, sel)
    for area, item, color in zip(h["area_id"].tolist(), h["item"].tolist(), h["color"].tolist(), strict=True):
        per_area.setdefault(area, (color, []))[1].append(item)
    rows = [(a, len(set(items)), color, items) for a, (color, items) in per_area.items()]
    return pd.DataFrame(rows, columns=["area_id", "n_selected", "color", "items"])


def selection_color(ds: Dataset, sel: Selection) -> str | None:
    """The industry colour when exactly one industry, sub-industry or chain is selected; None otherwise.

    With several items (or a tier) areas are shaded by how many of the items they host instead.
    """
    if sel.tiers or len(sel.industries) + len(sel.subindustries) + len(sel.chains) != 1:
        return None
    industries = set(sel.industries)
    industries |= set(ds.subindustries.loc[ds.subindustries["subindustry_id"].isin(sel.subindustries), "industry_id"])
    industries |= set(ds.chains.loc[ds.chains["chain_no"].isin(sel.chains), "industry_id"])
    return str(ds.industries.set_index("industry_id").loc[industries.pop(), "color"])


def link_mask(table: pd.DataFrame, sel: Selection) -> pd.Series:
    """Rows of chain_table(ds) that a selection touches (by chain, sub-industry, industry or tier)."""
    return (
        table["chain_no"].isin(sel.chains)
        | table["via"].isin(sel.subindustries)
        | table["industry_id"].isin(sel.industries)
        | table["tier"].isin(sel.tiers)
    )


@cached(256)
def selected_links(ds: Dataset, sel: Selection) -> pd.DataFrame:
    """The rows of chain_table(ds) a selection touches (none when nothing is selected)."""
    table = chain_table(ds)
    return table[link_mask(table, sel)] if not sel.empty else table.iloc[0:0]


@cached(256)
def selection_chains(ds: Dataset, sel: Selection) -> tuple[int, ...]:
    """The 表十一 chains a selection touches (all 20 when nothing is selected)."""
    if sel.empty:
        return tuple(ds.chains["chain_no"])
    return tuple(sorted(set(selected_links(ds, sel)["chain_no"])))
