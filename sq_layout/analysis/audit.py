"""What the plan's layout implies and where the plan disagrees with itself: overlap, targets, consistency."""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from typing import cast

import pandas as pd

from sq_layout.analysis.metrics import cagr, chain_spread, jaccard_matrix, top_pairs
from sq_layout.analysis.overlap import area_chain_matrix
from sq_layout.analysis.spatial import neighbours
from sq_layout.errors import DataError
from sq_layout.i18n import name_col
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import assignment_facts

LEVELS = ("chain", "subindustry")
TOLERANCE = 0.005  # 表十一 prints two decimals


def _tolerance(as_printed: str) -> float:
    """Half a unit of the printed precision plus table 11's, so rounding alone is not a discrepancy."""
    digits = as_printed.split(".")[1] if "." in as_printed else ""
    digits = "".join(ch for ch in digits if ch.isdigit())
    return float(0.5 * 10 ** -len(digits) + TOLERANCE)


@lru_cache(maxsize=8)
def membership(ds: Dataset, level: str = "chain") -> pd.DataFrame:
    """Boolean areas × chains (or sub-industries) table, in plan order."""
    if level == "chain":
        return area_chain_matrix(ds) > 0
    f = assignment_facts(ds)
    f = f[f["subindustry_id"] != ""]
    m = pd.crosstab(f["area_id"], f["subindustry_id"]) > 0
    return m.reindex(index=ds.areas["area_id"], columns=ds.subindustries["subindustry_id"], fill_value=False)


@lru_cache(maxsize=8)
def similarity(ds: Dataset, level: str = "chain") -> pd.DataFrame:
    """Jaccard similarity of every pair of areas' portfolios (chains or sub-industries)."""
    return jaccard_matrix(membership(ds, level))


def similar_pairs(ds: Dataset, level: str = "chain", n: int = 10) -> pd.DataFrame:
    """The n most alike pairs of areas."""
    return top_pairs(similarity(ds, level), n)


@lru_cache(maxsize=8)
def chain_overlap(ds: Dataset) -> pd.DataFrame:
    """Per chain: hosts, and host pairs that share a border or are a zone nested in its county; most spread first."""
    pairs = neighbours(ds).rename(columns={"area_id_a": "a", "area_id_b": "b"})
    spread = chain_spread(membership(ds, "chain"), pairs).rename(columns={"item": "chain_no"})
    out = ds.chains[["chain_no", "name", "name_en", "industry_id"]].merge(spread, on="chain_no")
    return out.sort_values(["n_hosts", "chain_no"], ascending=[False, True]).reset_index(drop=True)


@lru_cache(maxsize=8)
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


def _fig(ds: Dataset, figure_id: str) -> pd.Series:
    figures = ds.plan_figures.set_index("figure_id")
    if figure_id not in figures.index:
        raise DataError("plan_figures.csv", [f"no row with figure_id {figure_id!r}; the audit needs it"])
    return cast(pd.Series, figures.loc[figure_id])


def _num(v: object) -> float:
    return float(cast(float, v))


def _row(
    kind: str, subject: object, a_label: str, a: object, a_lines: str, b_label: str, b: object, b_lines: str
) -> dict[str, object]:
    return {
        "kind": kind,
        "subject": str(subject),
        "figure_a": a_label,
        "value_a": round(_num(a), 2),
        "lines_a": a_lines,
        "figure_b": b_label,
        "value_b": round(_num(b), 2),
        "lines_b": b_lines,
        "difference": round(_num(a) - _num(b), 2),
    }


def _lines(values: Iterable[object]) -> str:
    return ";".join(str(int(_num(v))) for v in values)


@lru_cache(maxsize=8)
def target_discrepancies(ds: Dataset) -> pd.DataFrame:
    """Every place the plan's figures do not add up, with both figures and the lines that state them."""
    rows = []
    chains, inds = ds.chains, ds.industries.set_index("industry_id")
    for measure, col in (
        ("output_2020", "output_2020_yi"),
        ("target_2023", "target_2023_yi"),
        ("target_2025", "target_2025_yi"),
    ):
        total = _fig(ds, f"T11_total_{measure.split('_')[1]}")
        if abs(total.value - chains[col].sum()) > TOLERANCE:
            rows.append(
                _row(
                    "total_vs_rows",
                    f"表十一 {measure}",
                    "表十一 合计",
                    total.value,
                    str(total.line),
                    "sum of the 20 rows",
                    chains[col].sum(),
                    _lines(chains["line"]),
                )
            )
    for c in chains[chains["target_2023_yi"] < chains["output_2020_yi"]].itertuples():
        rows.append(
            _row(
                "target_below_baseline",
                c.name,
                "2023 target",
                c.target_2023_yi,
                str(c.line),
                "2020 output",
                c.output_2020_yi,
                str(c.line),
            )
        )
    sums = chains.groupby("industry_id")[["output_2020_yi", "target_2025_yi"]].sum()
    for ind_id, ind in inds.iterrows():
        lines = _lines(chains.loc[chains["industry_id"] == ind_id, "line"])
        if ind_id in sums.index and abs(ind.target_2025_yi - sums.loc[cast(str, ind_id), "target_2025_yi"]) > TOLERANCE:
            rows.append(
                _row(
                    "industry_vs_chains",
                    ind["name"],
                    "第四章 2025 target",
                    ind.target_2025_yi,
                    str(ind.target_line),
                    "表十一 chains 2025 sum",
                    sums.loc[cast(str, ind_id), "target_2025_yi"],
                    lines,
                )
            )
        if f"T9_{ind_id}_2020" in ds.plan_figures["figure_id"].values:
            t9 = _fig(ds, f"T9_{ind_id}_2020")
            if abs(t9.value - sums.loc[cast(str, ind_id), "output_2020_yi"]) > _tolerance(t9.as_printed):
                rows.append(
                    _row(
                        "table9_vs_chains",
                        ind["name"],
                        "表九 2020 output",
                        t9.value,
                        str(t9.line),
                        "表十一 chains 2020 sum",
                        sums.loc[cast(str, ind_id), "output_2020_yi"],
                        lines,
                    )
                )
            t9_2025, t9_cagr = _fig(ds, f"T9_{ind_id}_2025"), _fig(ds, f"T9_{ind_id}_cagr")
            if abs(t9_2025.value - ind.target_2025_yi) > TOLERANCE:
                rows.append(
                    _row(
                        "table9_vs_ch4",
                        ind["name"],
                        "表九 2025 target",
                        t9_2025.value,
                        str(t9_2025.line),
                        "第四章 2025 target",
                        ind.target_2025_yi,
                        str(ind.target_line),
                    )
                )
            implied = 100 * cagr(t9.value, t9_2025.value, 5)
            if abs(implied - t9_cagr.value) > 0.1:
                rows.append(
                    _row(
                        "stated_growth",
                        ind["name"],
                        "表九 stated growth %",
                        t9_cagr.value,
                        str(t9_cagr.line),
                        "growth implied by 表九 figures %",
                        implied,
                        f"{t9.line};{t9_2025.line}",
                    )
                )
    subs = ds.subindustries.dropna(subset=["chain_no", "target_2025_yi"]).merge(
        chains[["chain_no", "name", "target_2025_yi", "line"]], on="chain_no", suffixes=("", "_chain")
    )
    for s in subs[(subs["target_2025_yi"] - subs["target_2025_yi_chain"]).abs() > TOLERANCE].itertuples():
        rows.append(
            _row(
                "subindustry_vs_chain",
                f"{s.name} / {s.name_chain}",
                "第四章 2025 target",
                s.target_2025_yi,
                str(int(_num(s.target_line))),
                "表十一 2025 target",
                s.target_2025_yi_chain,
                str(s.line),
            )
        )
    for tier, fid in (("dominant", "CH4_dominant_2025"), ("leading", "CH4_leading_2025")):
        stated = _fig(ds, fid)
        members = ds.industries[ds.industries["tier"] == tier]
        if abs(stated.value - members["target_2025_yi"].sum()) > TOLERANCE:
            rows.append(
                _row(
                    "tier_total",
                    tier,
                    "第四章 stated total",
                    stated.value,
                    str(stated.line),
                    "sum of industry targets",
                    members["target_2025_yi"].sum(),
                    _lines(members["target_line"]),
                )
            )
    out = pd.DataFrame(rows)
    out["scope_note"] = [_scope_note(ds, str(r.kind), str(r.subject)) for r in out.itertuples()]
    return out


def _scope_note(ds: Dataset, kind: str, subject: str) -> str:
    """Why an industry's chains may not match it: sub-industries wider than their chain or without one, or a sole
    chain that is named (and may be scoped) differently from the industry."""
    if kind not in ("industry_vs_chains", "table9_vs_chains", "subindustry_vs_chain"):
        return ""
    name = subject.split(" / ")[0]
    ind = ds.industries.loc[ds.industries["name"] == name, "industry_id"]
    subs = ds.subindustries
    subs = subs[subs["industry_id"] == ind.iloc[0]] if len(ind) else subs[subs["name"] == name]
    wide = subs.loc[subs["chain_relation"] == "broader", "name"].tolist()
    none = subs.loc[subs["chain_no"].isna(), "name"].tolist()
    parts = ([f"wider than its chain: {'、'.join(wide)}"] if wide else []) + (
        [f"no chain: {'、'.join(none)}"] if none else []
    )
    if len(ind) and subs.empty:  # an industry that is its own single chain in 表十一
        chains = ds.chains.loc[ds.chains["industry_id"] == ind.iloc[0], "name"]
        parts += [f"its chain {c} is named differently; scope may differ" for c in chains if c != name]
    return "; ".join(parts)


@lru_cache(maxsize=8)
def consistency_audit(ds: Dataset, lang: str = "zh") -> pd.DataFrame:
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
            "description": c["description" if lang == "zh" else "description_en"],
            "lines": c["lines"].str.replace(";", ", "),
            "passages": passages,
        }
    )


@lru_cache(maxsize=8)
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
