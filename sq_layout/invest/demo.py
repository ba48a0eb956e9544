"""A clearly fictional investment dataset for demos, tests and benchmarks (fixed seed; never the plan baseline)."""

from __future__ import annotations

from dataclasses import replace
from typing import SupportsFloat, SupportsInt, cast

import numpy as np
import pandas as pd
import shapely

from sq_layout.invest.locate import area_shapes, assign_areas, placement
from sq_layout.invest.repository import InvestData, plan_baseline
from sq_layout.invest.schemas import STAGE_DATES, STAGES
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import chain_links
from sq_layout.tables import invest as spec

SEED = 20210601
DEMO_SOURCE = "示例数据（虚构）"


def _points_in(ds: Dataset, areas: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """A random point inside each given area (rejection sampling in the area's bounding box)."""
    shapes = area_shapes(ds).set_index("area_id")["geometry"]
    lon, lat = np.zeros(len(areas)), np.zeros(len(areas))
    for a in np.unique(areas):
        idx = np.flatnonzero(areas == a)
        g = shapes[a]
        x0, y0, x1, y1 = g.bounds
        todo = idx
        while len(todo):
            x, y = rng.uniform(x0, x1, len(todo) * 2), rng.uniform(y0, y1, len(todo) * 2)
            ok = shapely.contains_xy(g, x, y)
            take = min(int(ok.sum()), len(todo))
            lon[todo[:take]], lat[todo[:take]] = x[ok][:take], y[ok][:take]
            todo = todo[take:]
    return lon, lat


def _records(ds: Dataset, n: int, links: pd.DataFrame, rng: np.random.Generator, word: str) -> pd.DataFrame:
    hosts = chain_links(ds)[["area_id", "chain_no"]]
    pick = hosts.iloc[rng.integers(0, len(hosts), n)].reset_index(drop=True)
    width = max(4, len(str(n)))
    by_chain = links.groupby("chain_no")["link_id"].apply(list)
    link = [
        (by_chain[c][rng.integers(0, len(by_chain[c]))] if c in by_chain.index and rng.random() < 0.8 else "")
        for c in pick["chain_no"]
    ]
    lon, lat = _points_in(ds, pick["area_id"].to_numpy(), rng)
    approx = rng.random(n) < 0.1
    plon, plat = placement(ds, pick["area_id"])
    area = np.where(approx, pick["area_id"].to_numpy(), assign_areas(ds, lon, lat))  # a zone inside the county wins
    return pd.DataFrame(
        {
            "name": [f"示例{word}{i + 1:0{width}d}" for i in range(n)],
            "chains": pick["chain_no"].astype(str),
            "links": link,
            "area_id": area,
            "area_stated": area,
            "area_flag": False,
            "carrier": "",
            "lon": np.where(approx, plon, lon),
            "lat": np.where(approx, plat, lat),
            "approximate": approx,
            "origin": "demo",
            "source": DEMO_SOURCE,
        }
    )


def demo_data(
    ds: Dataset, n_firms: int = 400, n_projects: int = 120, seed: int = SEED, n_targets: int = 40
) -> InvestData:
    """Fictional firms (示例企业0001…), projects, yearly actuals and target firms (示例目标企业001…) on top of the
    plan's links; demo=True."""
    rng = np.random.default_rng(seed)
    base = plan_baseline(ds)
    firms = _records(ds, n_firms, base.links, rng, "企业")
    firms.insert(0, "firm_id", [f"D-F{i + 1:05d}" for i in range(n_firms)])
    firms.insert(2, "credit_code", "")  # no codes: a made-up code could be a real firm's
    firms.insert(3, "role", rng.choice(["链主", "龙头", "配套"], n_firms, p=[0.03, 0.12, 0.85]))
    projects = _records(ds, n_projects, base.links, rng, "项目")
    projects.insert(0, "project_id", [f"D-P{i + 1:05d}" for i in range(n_projects)])
    projects.insert(
        2, "firm", firms["name"].to_numpy()[rng.integers(0, max(n_firms, 1), n_projects)] if n_firms else ""
    )
    projects.insert(3, "investment_yi", np.round(rng.lognormal(1.2, 1.1, n_projects), 2))
    stage = rng.integers(0, len(STAGES), n_projects)
    projects.insert(4, "stage", np.array(STAGES)[stage])
    start = pd.Timestamp("2021-01-01") + pd.to_timedelta(rng.integers(0, 5 * 365, n_projects), unit="D")
    days = np.cumsum(rng.integers(30, 300, (n_projects, len(STAGE_DATES))), axis=1) - 30  # stages move forward
    for k, col in enumerate(STAGE_DATES):
        projects[col] = (start + pd.to_timedelta(days[:, k], unit="D")).where(stage >= k).astype("datetime64[ns]")
    years = range(2021, 2026)
    rows = []
    for c in ds.chains.itertuples():
        v = float(cast(SupportsFloat, c.output_2020_yi))
        for y in years:
            v *= 1 + rng.normal(0.12, 0.08)
            rows.append((int(cast(SupportsInt, c.chain_no)), y, "", round(v, 2), DEMO_SOURCE))
    actuals = pd.DataFrame(rows, columns=["chain_no", "year", "area_id", "output_yi", "source"])
    firms, projects, actuals = spec.FIRMS.conform(firms), spec.PROJECTS.conform(projects), spec.ACTUALS.conform(actuals)
    prospects = _prospects(ds, base.links, rng, n_targets)
    # a table of no rows is built from empty lists, whose columns pandas types as float or object: the table's own
    firms, projects, prospects = (
        frame if len(frame) else table.empty()
        for frame, table in ((firms, spec.FIRMS), (projects, spec.PROJECTS), (prospects, spec.PROSPECTS))
    )
    return replace(base, firms=firms, projects=projects, actuals=actuals, prospects=prospects, demo=True).validated()


REGIONS = (
    ("上海市", ""),
    ("江苏省", "苏州市"),
    ("江苏省", "南京市"),
    ("浙江省", "杭州市"),
    ("广东省", "深圳市"),
    ("北京市", ""),
)


def _prospects(ds: Dataset, links: pd.DataFrame, rng: np.random.Generator, n: int) -> pd.DataFrame:
    """Fictional target firms (示例目标企业001…) in a few regions, on random chains, added over 2025."""
    from sq_layout.invest.schemas import PROSPECT_CATEGORIES, PROSPECT_STATUSES

    chains = rng.choice(ds.chains["chain_no"].to_numpy(), n)
    region = rng.integers(0, len(REGIONS), n)
    return pd.DataFrame(
        {
            "prospect_id": [f"D-T{i + 1:05d}" for i in range(n)],
            "name": [f"示例目标企业{i + 1:03d}" for i in range(n)],
            "province": [REGIONS[r][0] for r in region],
            "city": [REGIONS[r][1] for r in region],
            "chains": [str(int(c)) for c in chains],
            "links": "",
            "category": rng.choice(list(PROSPECT_CATEGORIES), n),
            "status": rng.choice(list(PROSPECT_STATUSES[:3]), n),
            "area_id": "",
            "owner": "",
            "next_step": "",
            "date_added": pd.Timestamp("2025-01-01") + pd.to_timedelta(rng.integers(0, 365, n), unit="D"),
            "origin": "demo",
            "source": DEMO_SOURCE,
        }
    ).astype({"date_added": "datetime64[ns]"})
