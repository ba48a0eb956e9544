"""What the plan's layout implies and where the plan disagrees with itself: overlap, targets, consistency.

The figure checks (where the plan's numbers do not add up) are rules in `audit_rules`, rendered by `audit_rows`.
"""

from __future__ import annotations

import pandas as pd

from sq_layout.analysis.metrics import cagr, chain_spread, jaccard_matrix, top_pairs
from sq_layout.analysis.overlap import area_chain_matrix
from sq_layout.analysis.spatial import neighbours
from sq_layout.cache import cached
from sq_layout.i18n import Lang, lang_column, name_col
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts

LEVELS = ("chain", "subindustry")


@cached(8)
def membership(ds: Dataset, level: str = "chain") -> pd.DataFrame:
    """Boolean areas × chains (or sub-industries) table, in plan order."""
    if level == "chain":
        return area_chain_matrix(ds) > 0
    f = assignment_facts(ds)
    f = f[f["subindustry_id"] != ""]
    m = pd.crosstab(f["area_id"], f["subindustry_id"]) > 0
    return m.reindex(index=ds.areas["area_id"], columns=ds.subindustries["subindustry_id"], fill_value=False)


@cached(8)
def similarity(ds: Dataset, level: str = "chain") -> pd.DataFrame:
    """Jaccard similarity of every pair of areas' portfolios (chains or sub-industries)."""
    return jaccard_matrix(membership(ds, level))


def similar_pairs(ds: Dataset, level: str = "chain", n: int = 10) -> pd.DataFrame:
    """The n most alike pairs of areas."""
    return top_pairs(similarity(ds, level), n)


@cached(8)
def chain_overlap(ds: Dataset) -> pd.DataFrame:
    """Per chain: hosts, and host pairs that share a border or are a zone nested in its county; most spread first."""
    pairs = neighbours(ds).rename(columns={"area_id_a": "a", "area_id_b": "b"})
    spread = chain_spread(membership(ds, "chain"), pairs).rename(columns={"item": "chain_no"})
    out = ds.chains[["chain_no", "name", "name_en", "industry_id"]].merge(spread, on="chain_no")
    return out.sort_values(["n_hosts", "chain_no"], ascending=[False, True]).reset_index(drop=True)


@cached(8)
def target_table(ds: Dataset) -> pd.DataFrame:
    """表十一 per chain with the compound annual growth each target requires and its industry's subtotals."""
    c = ds.chains[["chain_no", "name", "name_en", "industry_id", "output_2020_yi", "target_2023_yi", "target_2025_yi"]]
    c = c.copy()
    c["cagr_2020_2023"] = cagr(c["output_2020_yi"].to_numpy(float), c["target_2023_yi"].to_numpy(float), 3)
    c["cagr_2023_2025"] = cagr(c["target_2023_yi"].to_numpy(float), c["target_2025_yi"].to_numpy(float), 2)
    c["cagr_2020_2025"] = cagr(c["output_2020_yi"].to_numpy(float), c["target_2025_yi"].to_numpy(float), 5)
    c["below_baseline_2023"] = c["target_2023_yi"] < c["output_2020_yi"]
    sub = c.groupby("industry_id")[["output_2020_yi", "target_2023_yi", "target_2025_yi"]].sum().add_prefix("industry_")
    return c.merge(sub, left_on="industry_id", right_index=True)


@cached(8)
def consistency_audit(ds: Dataset, lang: Lang = "zh") -> pd.DataFrame:
    """Every recorded disagreement, duplicate and name variant, with area and industry names and verbatim passages."""
    c = ds.conflicts
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    inds = ds.industries.set_index("industry_id")[name_col(lang)]
    subs = ds.subindustries.set_index("subindustry_id")[name_col(lang)]
    passages = c["lines"].map(lambda ls: "\n".join(f"L{n}：{ds.passage(int(n))}" for n in ls.split(";")))
    return pd.DataFrame(
        {
            "id": c["conflict_id"],
            "kind": c["kind"],
            "area_id": c["area_id"],
            "area": c["area_id"].map(areas).fillna(""),
            "industry_id": c["industry_id"],
            "industry": c["industry_id"].map(inds).fillna(""),
            "subindustry": c["subindustry_id"].map(subs).fillna(""),
            "description": c[lang_column("description", lang)],
            "lines": c["lines"].str.replace(";", ", "),
            "passages": passages,
        }
    )


@cached(8)
def agreement(ds: Dataset) -> pd.DataFrame:
    """Per area: how many of its assignments every source that speaks at that level confirms.

    Industry level: 表十, 第四章 and 第五章 all list it.
    Sub-industry level: 第四章 and 第五章 both list it (表十 lists no sub-industries).
    """
    out = assignment_facts(ds).groupby("area_id").agg(n_facts=("confirmed", "size"), n_confirmed=("confirmed", "sum"))
    out["share"] = out["n_confirmed"] / out["n_facts"]
    return out.reindex(ds.areas["area_id"]).reset_index()


def filter_audit(audit: pd.DataFrame, areas: list[str], industries: list[str]) -> pd.DataFrame:
    """Findings about any of the given areas and any of the given industries (an empty list means all)."""
    mask = pd.Series(True, index=audit.index)
    if areas:
        mask &= audit["area_id"].isin(areas)
    if industries:
        mask &= audit["industry_id"].isin(industries)
    return audit[mask]
