"""The plan baseline: firms, projects and carrier parks the plan names, chain links (with the plan's intents), targets.

Everything is read from files under geodata/plan/, each fact with its plan line and a verbatim quote. A firm or project
whose place the plan does not state stays off the map (`plan_unplaced`); nothing is given a place the plan does not.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping
from pathlib import Path
from typing import Any

import pandas as pd

from sq_layout import paths
from sq_layout.cache import PER_FILE, cached
from sq_layout.i18n import Lang, by_lang
from sq_layout.invest.locate import placement
from sq_layout.invest.schemas import CARRIERS, FIRMS, LINKS, PROJECTS, STAGE_DATES, TARGETS
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts
from sq_layout.tables import invest as spec
from sq_layout.tables.spec import TableSpec

SOURCE_LABELS = {"ch4": "第四章", "ch5": "第五章"}


def read_links(path: Path = paths.PLAN_DIR / "chain_links.csv") -> pd.DataFrame:
    """The chain links the plan names (上游/中游/下游), each with its line and verbatim quote."""
    d = pd.read_csv(path, dtype={"link_id": str, "name": str, "quote": str, "source": str, "stage": str})
    d["line"] = d["line"].astype("Int64")
    return LINKS.validate(spec.LINKS.conform(d.fillna({"quote": ""})))


@cached(8, key=PER_FILE)
def _csv(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


def read_link_plan(path: Path = paths.PLAN_DIR / "chain_links.csv") -> pd.DataFrame:
    """Per plan link: its 上/中/下游 as the plan's wording (`plan`) or the app's reading (`app`); its Chinese and
    English names."""
    return _csv(path)[["link_id", "stage_basis", "name", "name_en"]].copy()


def link_names(links: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """link_id -> its name in a language: a plan link's English name while it keeps the plan's Chinese name; a link
    users registered or renamed keeps its own."""
    names = dict(zip(links["link_id"], links["name"], strict=True))
    plan = read_link_plan()
    english = {(k, zh): en for k, zh, en in zip(plan["link_id"], plan["name"], plan["name_en"], strict=True) if en}
    return by_lang(names, {k: english.get((k, v), v) for k, v in names.items()}, lang)


def read_intents(path: Path = paths.PLAN_DIR / "link_intents.csv") -> pd.DataFrame:
    """The plan's intents per link (强链 / 补链 / 延链), each with its line and verbatim quote."""
    return _csv(path).astype({"line": int})


def read_named(path: Path = paths.PLAN_DIR / "plan_named.csv") -> pd.DataFrame:
    """Every firm and project the plan names (表三, 第四–六章): chain, link and area where the plan states them."""
    return _csv(path).astype({"line": int})


def _named_source(r: Mapping[Hashable, Any]) -> str:
    out = f"规划第{r['line']}行"
    if r["role_line"]:
        out += f"；第{r['role_line']}行：{r['role']}"
    if r["stage_line"]:
        out += f"；阶段据第{r['stage_line']}行"
    return out + (f"（{r['note']}）" if r["note"] else "")


def _conform(table: TableSpec, frame: pd.DataFrame) -> pd.DataFrame:
    """The frame as the table's columns; no rows (a plan naming none on this Dataset's areas): the table's own empty
    frame, as pandas types the columns of an empty selection float or object."""
    return table.conform(frame) if len(frame) else table.empty()


def _placeable(ds: Dataset, named: pd.DataFrame) -> pd.Series:
    """Named records the map can show: the plan states the area, and the area and chains are the Dataset's."""
    chains = {str(c) for c in ds.chains["chain_no"]}
    has_chains = named["chains"].map(lambda s: bool(s) and set(s.split(";")) <= chains)
    return (named["area_id"] != "") & named["area_id"].isin(set(ds.areas["area_id"])) & has_chains


def _named_located(ds: Dataset, d: pd.DataFrame) -> pd.DataFrame:
    lon, lat = placement(ds, d["area_id"])
    return d.assign(
        lon=lon,
        lat=lat,
        approximate=True,
        origin="plan",
        source=[_named_source(r) for r in d.to_dict("records")],
        area_stated=d["area_id"],
        area_flag=False,
        carrier="",
    )


def plan_projects(ds: Dataset) -> pd.DataFrame:
    """表三's projects whose area the plan states, placed in that area (approximate); stage as the plan implies."""
    named = read_named()
    d = named[(named["kind"] == "project") & _placeable(ds, named)].reset_index(drop=True)
    d = _named_located(ds, d)
    out = d.assign(
        project_id=[f"plan-{r}" for r in d["record_id"]],
        investment_yi=d["investment_yi"].astype(float),
        **{c: pd.Series(pd.NaT, index=d.index, dtype="datetime64[ns]") for c in STAGE_DATES},
    )
    return PROJECTS.validate(_conform(spec.PROJECTS, out).reset_index(drop=True))


def plan_unplaced(ds: Dataset) -> pd.DataFrame:
    """Firms and projects the plan names without an area (or on no chain of this Dataset): listed, never mapped."""
    named = read_named()
    return named[~_placeable(ds, named)].reset_index(drop=True)


def read_targets(path: Path = paths.PLAN_DIR / "invest_targets.csv") -> pd.DataFrame:
    """The “个十百千” targets (专栏6-1), each with its line, quote and how it is counted."""
    return TARGETS.validate(pd.read_csv(path, dtype={"per_year": str}))


def _detail_chains(ds: Dataset, details: pd.DataFrame) -> pd.Series:
    """Chain of each detail row: its sub-industry's chain, or its industry's sole chain."""
    facts = assignment_facts(ds)[["area_id", "industry_id", "subindustry_id", "chain_no"]].drop_duplicates()
    key = details[["area_id", "industry_id", "subindustry_id"]].fillna("")
    chains = key.merge(facts, on=["area_id", "industry_id", "subindustry_id"], how="left")["chain_no"]
    return chains.map(lambda c: "" if pd.isna(c) else str(int(c))).set_axis(details.index)


def _located(ds: Dataset, d: pd.DataFrame) -> pd.DataFrame:
    lon, lat = placement(ds, d["area_id"])
    source = [f"规划第{line}行（{SOURCE_LABELS.get(s, s)}）" for line, s in zip(d["line"], d["source"], strict=True)]
    return d.assign(lon=lon, lat=lat, approximate=True, origin="plan", source=source)


def plan_firms(ds: Dataset) -> pd.DataFrame:
    """Firms the plan names with their area, one record each, placed in it (approximate), with their link and role."""
    d = ds.details[ds.details["kind"] == "firm"].reset_index(drop=True)
    d = _located(ds, d.assign(chains=_detail_chains(ds, d)))
    firms = pd.DataFrame(
        {
            "firm_id": [f"plan-F{i + 1:03d}" for i in range(len(d))],
            "name": d["text"],
            "credit_code": "",
            "role": "龙头",
            "chains": d["chains"],
            "links": "",
            "area_id": d["area_id"],
            "area_stated": d["area_id"],
            "area_flag": False,
            "carrier": "",
        }
    )
    firms = pd.concat([firms, d[["lon", "lat", "approximate", "origin", "source"]]], axis=1)
    firms = firms[firms["chains"] != ""].reset_index(drop=True)
    named = read_named()
    named = named[(named["kind"] == "firm") & _placeable(ds, named)]
    # a firm the chapters already name in the same area takes the plan's link and role from plan_named.csv
    by_key = {(str(r["name"]), str(r["area_id"])): r for r in named.to_dict("records")}
    links, roles, sources = list(firms["links"]), list(firms["role"]), list(firms["source"])
    for i, key in enumerate(zip(firms["name"], firms["area_id"], strict=True)):
        if key in by_key:
            r = by_key[key]
            links[i], roles[i] = str(r["links"]), str(r["role"] or "龙头")
            sources[i] = f"{sources[i]}；{_named_source(r)}"
    firms = firms.assign(links=links, role=roles, source=sources)
    known = set(zip(firms["name"], firms["area_id"], strict=True))
    new = [(n, a) not in known for n, a in zip(named["name"], named["area_id"], strict=True)]
    extra = named[pd.Series(new, index=named.index, dtype=bool)]  # an empty list would pick no columns
    extra = _named_located(ds, extra.reset_index(drop=True))
    extra = extra.assign(firm_id=[f"plan-{r}" for r in extra["record_id"]], credit_code="")
    return FIRMS.validate(pd.concat([_conform(spec.FIRMS, firms), _conform(spec.FIRMS, extra)], ignore_index=True))


def plan_carriers(ds: Dataset) -> pd.DataFrame:
    """Carrier parks the plan names, with the chains of the passage that names them, placed in their area."""
    d = ds.details[ds.details["kind"] == "carrier"].reset_index(drop=True)
    d = _located(ds, d.assign(chains=_detail_chains(ds, d)))
    d = d.groupby(["text", "area_id"], as_index=False, sort=False).agg(
        chains=("chains", lambda s: ";".join(sorted({c for c in s if c}, key=int))),
        lon=("lon", "first"),
        lat=("lat", "first"),
        approximate=("approximate", "first"),
        origin=("origin", "first"),
        source=("source", lambda s: "；".join(dict.fromkeys(s))),
    )
    d.insert(0, "carrier_id", [f"plan-C{i + 1:03d}" for i in range(len(d))])
    return CARRIERS.validate(_conform(spec.CARRIERS, d.rename(columns={"text": "name"})))
