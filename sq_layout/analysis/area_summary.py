"""The answer for one area (what the summary card shows) and a side-by-side comparison of two areas, by id."""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from sq_layout.analysis.queries import area_conflicts, area_details, area_industries, area_links, parks_in_county
from sq_layout.cache import cached
from sq_layout.i18n import Lang, label, name_col
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.propernames import shown_name
from sq_layout.tables.plan import OTHER_SOURCES, SOURCES


@dataclass(frozen=True)
class Chip:
    """One coloured chip: an id, its label, a secondary label (tier) and a colour."""

    id: str
    text: str
    note: str
    color: str


@dataclass(frozen=True)
class AreaSummary:
    """What an area is assigned, in counts and names (ids kept for linking)."""

    area_id: str
    name: str
    kind: str
    schematic: bool
    industries: tuple[Chip, ...]
    subindustries: tuple[str, ...]
    chains: tuple[tuple[int, str], ...]
    zones: tuple[tuple[str, str, tuple[str, ...]], ...]
    carriers: tuple[str, ...]
    firms: tuple[str, ...]
    n_conflicts: int


@cached(16)
def _by_id(ds: Dataset) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Areas, industries, sub-industries and chains indexed by their ids, once per dataset (not on every card)."""
    return (
        ds.areas.set_index("area_id"),
        ds.industries.set_index("industry_id"),
        ds.subindustries.set_index("subindustry_id"),
        ds.chains.set_index("chain_no"),
    )


@cached(64)
def area_summary(ds: Dataset, area_id: str, lang: Lang = "zh") -> AreaSummary:
    """Industries (with tier and colour), sub-industries, chains, zones inside, carriers, lead firms, conflicts."""
    col = name_col(lang)
    areas, inds, subs_by_id, chains_by_no = _by_id(ds)
    area = areas.loc[area_id]
    ind = area_industries(ds, area_id)
    chips = tuple(
        Chip(i, str(inds.loc[i, col]), label(str(inds.loc[i, "tier"]), lang), str(inds.loc[i, "color"]))
        for i in dict.fromkeys(ind["industry_id"])
    )
    subs = subs_by_id[col]
    sub_names = tuple(str(subs[s]) for s in dict.fromkeys(ind["subindustry_id"].dropna()) if s)
    chain_names = chains_by_no[col]
    nos = sorted({int(c) for c in pd.to_numeric(ind["chain_no"], errors="coerce").dropna()})
    zones: tuple[tuple[str, str, tuple[str, ...]], ...] = ()
    if area["kind"] == "county":
        names = areas[col]
        county = set(area_links(ds, area_id)["chain_no"])
        zones = tuple(  # chains matched by number, labelled in the reader's language
            (
                str(z),
                str(names[z]),
                tuple(str(chain_names[c]) for c in area_links(ds, z)["chain_no"] if c in county),
            )
            for z in parks_in_county(ds, area_id)["zone_id"]
        )
    det = area_details(ds, area_id)
    return AreaSummary(
        area_id=area_id,
        name=str(area[col]),
        kind=label(str(area["kind"]), lang),
        schematic=str(area["kind"]) == "zone",
        industries=chips,
        subindustries=sub_names,
        chains=tuple((n, str(chain_names[n])) for n in nos),
        zones=zones,
        carriers=tuple(shown_name(n, lang) for n in dict.fromkeys(det.loc[det["kind"] == "carrier", "text"])),
        firms=tuple(shown_name(n, lang) for n in dict.fromkeys(det.loc[det["kind"] == "firm", "text"])),
        n_conflicts=len(area_conflicts(ds, area_id)),
    )


def _sources(rows: pd.DataFrame, lang: Lang) -> str:
    """Which plan sources state these rows, with their lines, e.g. 表十 L722 · 第五章 L810."""
    parts = []
    for s in SOURCES:
        lines = sorted({ln for v in rows.loc[rows[s], "lines_" + s] for ln in str(v).split(";") if ln}, key=int)
        if lines:
            parts.append(f"{label(s, lang)} L{','.join(lines)}")
    for s in OTHER_SOURCES:  # a meeting or document: its reference, never a plan line
        refs = dict.fromkeys(r for v in rows.get("refs_" + s, ()) for r in str(v).split("；") if r)
        if refs:
            parts.append(f"{label(s, lang)}：{'；'.join(refs)}")
    return " · ".join(parts)


def _items(ds: Dataset, area_id: str) -> dict[tuple[str, str], pd.DataFrame]:
    """(level, id) → the assignment rows behind it, for industries, sub-industries and chains."""
    ind = area_industries(ds, area_id)
    out: dict[tuple[str, str], pd.DataFrame] = {}
    for i, rows in ind.groupby("industry_id", sort=False):
        out[("industry", str(i))] = rows
    subs = ind[ind["subindustry_id"].fillna("") != ""]
    for s, rows in subs.groupby("subindustry_id", sort=False):
        out[("subindustry", str(s))] = rows
    for c, rows in ind[pd.to_numeric(ind["chain_no"], errors="coerce").notna()].groupby("chain_no", sort=False):
        out[("chain", str(int(float(str(c)))))] = rows
    return out


@cached(64)
def compare_areas(ds: Dataset, a: str, b: str, lang: Lang = "zh") -> pd.DataFrame:
    """Industries, sub-industries and chains of two areas: shared, only in A, only in B, each with its sources."""
    col = name_col(lang)
    names = {
        "industry": ds.industries.set_index("industry_id")[col],
        "subindustry": ds.subindustries.set_index("subindustry_id")[col],
        "chain": ds.chains.assign(k=ds.chains["chain_no"].astype(str)).set_index("k")[col],
    }
    ia, ib = _items(ds, a), _items(ds, b)
    rows = []
    for level in ("industry", "subindustry", "chain"):
        keys = [k for k in ia if k[0] == level] + [k for k in ib if k[0] == level and k not in ia]
        for key in keys:
            status = "shared" if key in ia and key in ib else ("only_a" if key in ia else "only_b")
            rows.append(
                {
                    "level": label(level, lang) if level != "chain" else label("chain_level", lang),
                    "name": str(names[level][key[1]]),
                    "status": label(status, lang),
                    "in_a": _sources(ia[key], lang) if key in ia else "",
                    "in_b": _sources(ib[key], lang) if key in ib else "",
                    "_s": ("shared", "only_a", "only_b").index(status),
                    "_l": level,
                }
            )
    frame = pd.DataFrame(rows, columns=["level", "name", "status", "in_a", "in_b", "_s", "_l"])
    order = frame["_l"].map({"industry": 0, "subindustry": 1, "chain": 2})
    frame = frame.assign(_l=order).sort_values(["_l", "_s"], kind="stable")
    return frame.drop(columns=["_s", "_l"]).reset_index(drop=True)
