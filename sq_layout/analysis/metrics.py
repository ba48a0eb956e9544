"""Pure overlap and growth metrics on plain tables (no plan specifics), vectorised for national-scale inputs."""

from __future__ import annotations

import numpy as np
import pandas as pd


def jaccard_matrix(membership: pd.DataFrame) -> pd.DataFrame:
    """Jaccard similarity between rows of a boolean rows × items table; 0 where both rows are empty."""
    m = membership.to_numpy(dtype=np.float32)
    inter = m @ m.T
    size = m.sum(axis=1)
    union = size[:, None] + size[None, :] - inter
    with np.errstate(invalid="ignore", divide="ignore"):
        sim = np.where(union > 0, inter / union, 0.0)
    return pd.DataFrame(sim, index=membership.index, columns=membership.index)


def top_pairs(sim: pd.DataFrame, n: int = 10) -> pd.DataFrame:
    """The n most similar distinct pairs (upper triangle), most similar first."""
    values = sim.to_numpy()
    i, j = np.triu_indices(len(values), k=1)
    flat = values[i, j]
    n = min(n, len(flat))
    best = np.argpartition(-flat, n - 1)[:n] if n else np.array([], dtype=int)
    order = best[np.lexsort((best, -flat[best]))]  # by similarity, ties in matrix order
    return pd.DataFrame(
        {"a": sim.index[i[order]], "b": sim.index[j[order]], "similarity": values[i[order], j[order]]}
    ).reset_index(drop=True)


def cagr(start: float | np.ndarray, end: float | np.ndarray, years: float) -> float | np.ndarray:
    """Compound annual growth rate from start to end over `years`; NaN where start is not positive."""
    start = np.asarray(start, dtype=float)
    end = np.asarray(end, dtype=float)
    safe = np.where(start > 0, start, 1.0)
    out = np.where(start > 0, (end / safe) ** (1.0 / years) - 1.0, np.nan)
    return float(out) if out.ndim == 0 else out


def chain_spread(membership: pd.DataFrame, pairs: pd.DataFrame) -> pd.DataFrame:
    """Per item (column): hosts, and which host pairs are related (e.g. 'border' or 'nested') per `pairs`.

    membership: boolean areas × items; pairs: columns a, b, relation (unordered area pairs). Pairs are reported in
    membership row order.
    """
    m = membership.to_numpy(dtype=bool)
    pos = {area: i for i, area in enumerate(membership.index)}
    known = pairs[pairs["a"].isin(pos) & pairs["b"].isin(pos)]
    ia = known["a"].map(pos).to_numpy(dtype=int)
    ib = known["b"].map(pos).to_numpy(dtype=int)
    lo, hi = np.minimum(ia, ib), np.maximum(ia, ib)
    both = m[lo] & m[hi]  # pairs × items: both ends host the item
    relation = known["relation"].to_numpy()
    names = membership.index
    rows = []
    for j, item in enumerate(membership.columns):
        hit = np.flatnonzero(both[:, j])
        order = hit[np.lexsort((hi[hit], lo[hit]))]
        related = [(names[lo[k]], names[hi[k]], relation[k]) for k in order]
        rows.append(
            {
                "item": item,
                "n_hosts": int(m[:, j].sum()),
                "hosts": list(names[m[:, j]]),
                "border_pairs": [(x, y) for x, y, r in related if r == "border"],
                "nested_pairs": [(x, y) for x, y, r in related if r == "nested"],
            }
        )
    return pd.DataFrame(rows)
