"""Overlap figures: how many areas share each chain, and the area × chain matrix."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd

from sq_layout.dataset import Dataset
from sq_layout.join import chain_links


def hosts_per_chain(ds: Dataset, chains: Sequence[int] = ()) -> pd.DataFrame:
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


def area_chain_matrix(ds: Dataset, chains: Sequence[int] = ()) -> pd.DataFrame:
    """Areas (rows, plan order) × chains (columns, 表十一 order): number of sources stating the link, 0 if none."""
    links = chain_links(ds)
    matrix = links.pivot_table(index="area_id", columns="chain_no", values="n_sources", aggfunc="max", fill_value=0)
    matrix = matrix.reindex(index=ds.areas["area_id"], columns=ds.chains["chain_no"], fill_value=0).astype(int)
    if chains:
        matrix = matrix[list(chains)]
    return matrix


def shared_chains(ds: Dataset, chains: Sequence[int] = ()) -> pd.DataFrame:
    """Pairs of areas and the chains both host (restricted to `chains` when given)."""
    m = area_chain_matrix(ds, chains) > 0
    rows = []
    ids = list(m.index)
    for i, a in enumerate(ids):
        for b in ids[i + 1 :]:
            common = [c for c in m.columns if m.at[a, c] and m.at[b, c]]
            if common:
                rows.append({"area_a": a, "area_b": b, "n_shared": len(common), "chains": common})
    return pd.DataFrame(rows, columns=["area_a", "area_b", "n_shared", "chains"])


def nested_repeats(ds: Dataset, chains: Sequence[int] = ()) -> pd.DataFrame:
    """Each zone, the county it lies in, and the chains (within `chains`) both host."""
    from sq_layout.spatial import nesting

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
