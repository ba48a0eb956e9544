"""What the investment page shows: the current filter applied, a point's card, and per-area figures."""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from sq_layout.i18n import DEFAULT_LANG, Lang, label, name_col
from sq_layout.i18n import t as tr
from sq_layout.i18n.lang import join_list
from sq_layout.i18n.shown import source
from sq_layout.invest.names_en import shown_name
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import STAGE_DATES
from sq_layout.invest.seed import link_names
from sq_layout.plan.dataset import Dataset

METRICS = ("firms", "projects", "investment")


@dataclass(frozen=True)
class InvestFilter:
    """Chains, links, firm roles, project stages and a year (empty means no filter)."""

    chains: tuple[int, ...] = ()
    links: tuple[str, ...] = ()
    roles: tuple[str, ...] = ()
    stages: tuple[str, ...] = ()
    year: int | None = None


def _has_any(col: pd.Series, values: tuple[object, ...]) -> pd.Series:
    if not values:
        return pd.Series(True, index=col.index)
    pattern = r"(?:^|;)(?:" + "|".join(str(v) for v in values) + r")(?:;|$)"
    return col.str.contains(pattern, regex=True)


def apply_filter(data: InvestData, f: InvestFilter) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Firms, projects and carrier parks that pass the filter (roles apply to firms, stages and year to projects)."""
    firms = data.firms[_has_any(data.firms["chains"], f.chains) & _has_any(data.firms["links"], f.links)]
    if f.roles:
        firms = firms[firms["role"].isin(f.roles)]
    p = data.projects
    projects = p[_has_any(p["chains"], f.chains) & _has_any(p["links"], f.links)]
    if f.stages:
        projects = projects[projects["stage"].isin(f.stages)]
    if f.year is not None:
        years = np.column_stack([projects[c].dt.year.fillna(0).to_numpy() for c in STAGE_DATES])
        projects = projects[(years == f.year).any(axis=1)]
    carriers = data.carriers[_has_any(data.carriers["chains"], f.chains)] if not f.links else data.carriers.iloc[:0]
    return firms, projects, carriers


def records_at(tables: tuple[pd.DataFrame, ...], lat: float, lng: float, decimals: int = 5) -> pd.DataFrame:
    """Every drawn record at a clicked point position (several share a spot when placed at an area)."""
    rows = []
    scale = 10**decimals
    at_lat, at_lng = round(lat * scale), round(lng * scale)  # whole units: no float rounding can split equal spots
    for kind, t in zip(("firm", "project", "carrier"), tables, strict=True):
        same = (np.rint(t["lat"].to_numpy(dtype=float) * scale) == at_lat) & (
            np.rint(t["lon"].to_numpy(dtype=float) * scale) == at_lng
        )
        rows.append(t[same].assign(kind=kind))
    return pd.concat(rows, ignore_index=True) if rows else pd.DataFrame()


def card_rows(
    ds: Dataset, data: InvestData, hits: pd.DataFrame, lang: Lang = DEFAULT_LANG, limit: int = 20
) -> list[dict[str, str]]:
    """Plain-text facts for each record at a point (the page escapes them): name, kind, chains, links, area…;
    chains and areas named in `lang`, lists run together as `lang` writes them."""
    chain_names = dict(zip(ds.chains["chain_no"].astype(str), ds.chains[name_col(lang)], strict=True))
    links = link_names(data.links, lang)
    area_names = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)], strict=True))
    out = []
    for r in hits.head(limit).to_dict("records"):
        plan = r.get("origin") == "plan"  # a name the plan gives: its own English name, or marked pinyin, in English
        card = {
            "kind": r["kind"],
            "name": shown_name(str(r["name"]), lang, r["kind"] == "carrier") if plan else str(r["name"]),
            "chains": join_list((chain_names.get(c, c) for c in str(r["chains"]).split(";") if c), lang),
            "links": join_list((links.get(x, x) for x in str(r.get("links", "") or "").split(";") if x), lang),
            "area": area_names.get(r["area_id"], r["area_id"]),
            "approximate": "1" if r["approximate"] else "",
            "source": source(str(r["source"]), lang),
        }
        for k in ("role", "credit_code", "firm", "stage", "carrier"):
            if isinstance(r.get(k), str) and r[k]:
                card[k] = shown_name(r[k], lang, k == "carrier") if plan and k in ("firm", "carrier") else str(r[k])
        for k in ("role", "stage"):  # a code: its label
            if k in card:
                card[k] = label(card[k], lang)
        if r["kind"] == "project":
            card["investment_yi"] = f"{float(r['investment_yi']):g} {tr('inv_unit_yi', lang)}"
        if r.get("area_flag") is True:
            card["area_stated"] = area_names.get(r["area_stated"], r["area_stated"])
        out.append(card)
    return out


def area_metric(ds: Dataset, firms: pd.DataFrame, projects: pd.DataFrame, metric: str) -> pd.Series:
    """Per area: firm count, project count or total project investment (亿元) of the filtered records."""
    if metric == "firms":
        s = firms.groupby("area_id").size()
    elif metric == "projects":
        s = projects.groupby("area_id").size()
    else:
        s = projects.groupby("area_id")["investment_yi"].sum()
    return s.reindex(ds.areas["area_id"], fill_value=0).astype(float)
