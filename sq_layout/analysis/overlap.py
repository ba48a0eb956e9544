"""Overlap figures: how many areas share each chain, and the area × chain matrix.

Results are memoised per (dataset, chains); callers must not modify the returned frames.
"""

from __future__ import annotations

import pandas as pd

from sq_layout.cache import cached
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import chain_links


@cached(256)
def hosts_per_chain(ds: Dataset, chains: tuple[int, ...] = ()) -> pd.DataFrame:
    """Per chain of 表十一: number of hosting areas, their ids, and the chain's figures."""
    links = chain_links(ds)
    if chains:
        links = links[links["chain_no"].isin(chains)]
    grouped = links.groupby("chain_no").agg(n_hosts=("area_id", "nunique"), hosts=("area_id", lambda s: sorted(set(s))))
    base = ds.chains if not chains else ds.chains[ds.chains["chain_no"].isin(chains)]
    out = base.merge(grouped, left_on="chain_no", right_index=True, how="left")
    out["n_hosts"] = out["n_hosts"].fillna(0).astype(int)
    out["hosts"] = out["hosts"].apply(lambda v: v if isinstance(v, list) else [])
    return out.reset_index(drop=True)


@cached(256)
def area_chain_matrix(ds: Dataset, chains: tuple[int, ...] = ()) -> pd.DataFrame:
    """Areas (rows, plan order) × chains (columns, 表十一 order): number of sources stating the link, 0 if none."""
    links = chain_links(ds)
    matrix = links.pivot_table(index="area_id", columns="chain_no", values="n_sources", aggfunc="max", fill_value=0)
    matrix = matrix.reindex(index=ds.areas["area_id"], columns=ds.chains["chain_no"], fill_value=0).astype(int)
    if chains:
        matrix = matrix[list(chains)]
    return matrix


@cached(256)
def shared_chains(ds: Dataset, chains: tuple[int, ...] = ()) -> pd.DataFrame:
    """Pairs of areas and the chains both host (restricted to `chains` when given)."""
    m = (area_chain_matrix(ds, chains) > 0).astype(int)
    counts = m.to_numpy() @ m.to_numpy().T
    ids, cols = list(m.index), list(m.columns)
    rows = [
        {
            "area_a": ids[i],
            "area_b": ids[j],
            "n_shared": int(counts[i, j]),
            "chains": [c for c, x, y in zip(cols, m.iloc[i], m.iloc[j], strict=True) if x and y],
        }
        for i in range(len(ids))
        for j in range(i + 1, len(ids))
        if counts[i, j]
    ]
    return pd.DataFrame(rows, columns=["area_a", "area_b", "n_shared", "chains"])


@cached(256)
def nested_repeats(ds: Dataset, chains: tuple[int, ...] = ()) -> pd.DataFrame:
    """Each zone, the county it lies in, and the chains (within `chains`) both host."""
    from sq_layout.analysis.spatial import nesting

    m = area_chain_matrix(ds, chains) > 0
    rows = [
        {
            "zone_id": n.zone_id,
            "county_id": n.county_id,
            "shared": [c for c in m.columns if m.at[n.zone_id, c] and m.at[n.county_id, c]],
        }
        for n in nesting(ds).itertuples()
    ]
    return pd.DataFrame(rows, columns=["zone_id", "county_id", "shared"])
