"""The plan baseline: lead firms and carrier parks the plan names (第四章/第五章), chain links and targets."""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sq_layout import paths
from sq_layout.invest.locate import placement
from sq_layout.invest.schemas import CARRIERS, FIRMS, LINKS, TARGETS
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts

SOURCE_LABELS = {"ch4": "第四章", "ch5": "第五章"}


def read_links(path: Path = paths.PLAN_DIR / "chain_links.csv") -> pd.DataFrame:
    """The chain links the plan names (上游/中游/下游), each with its line and verbatim quote."""
    d = pd.read_csv(path, dtype={"link_id": str, "name": str, "quote": str, "source": str, "stage": str})
    d["line"] = d["line"].astype("Int64")
    return LINKS.validate(d.fillna({"quote": ""}))


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
    """Lead firms the plan names, one record each, placed in their area (approximate)."""
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
    return FIRMS.validate(firms[firms["chains"] != ""].reset_index(drop=True))


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
    return CARRIERS.validate(d.rename(columns={"text": "name"})[list(CARRIERS.columns)])
