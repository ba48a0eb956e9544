"""Display tables for the audit page and report, with names in the chosen language."""

from __future__ import annotations

import pandas as pd

from sq_layout.analysis.audit import chain_overlap, similar_pairs, similarity, target_table
from sq_layout.analysis.audit_rows import TEXT_COLUMNS, discrepancy_rows
from sq_layout.analysis.text_audit import text_audit
from sq_layout.cache import cached
from sq_layout.i18n import Lang, label, lang_column, name_col
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset


def _names(ds: Dataset, lang: Lang) -> pd.Series:
    return ds.areas.set_index("area_id")[lang_column("short_name", lang)]


@cached(8)
def spread_view(ds: Dataset, lang: Lang) -> pd.DataFrame:
    """Per chain: number of hosts, their names, neighbouring and nested host pairs."""
    names = _names(ds, lang)

    def pairs(ps: list[tuple[str, str]]) -> str:
        return join_list((f"{names[a]}–{names[b]}" for a, b in ps), lang)

    o = chain_overlap(ds)
    return pd.DataFrame(
        {
            "chain": o[name_col(lang)],
            "n_hosts": o["n_hosts"],
            "hosts": o["hosts"].map(lambda hs: join_list((names[h] for h in hs), lang)),
            "border_pairs": o["border_pairs"].map(pairs),
            "nested_pairs": o["nested_pairs"].map(pairs),
        }
    )


@cached(16)
def similarity_long(ds: Dataset, level: str, lang: Lang) -> pd.DataFrame:
    """The similarity matrix as long rows (a, b, similarity) with area names, for a heat map."""
    names = _names(ds, lang)
    s = similarity(ds, level).rename(index=dict(names), columns=dict(names))
    long = s.rename_axis(index="a", columns="b").stack()
    return pd.DataFrame({"similarity": long}).reset_index()


@cached(8)
def targets_view(ds: Dataset, lang: Lang) -> pd.DataFrame:
    """表十一 per chain with growth rates (%) and the industry subtotal."""
    t = target_table(ds)
    inds = ds.industries.set_index("industry_id")[name_col(lang)]
    return pd.DataFrame(
        {
            "chain": t[name_col(lang)],
            "industry": t["industry_id"].map(inds),
            "output_2020": t["output_2020_yi"],
            "target_2023": t["target_2023_yi"],
            "target_2025": t["target_2025_yi"],
            "cagr_2020_2023_pct": (100 * t["cagr_2020_2023"]).round(1),
            "cagr_2023_2025_pct": (100 * t["cagr_2023_2025"]).round(1),
            "cagr_2020_2025_pct": (100 * t["cagr_2020_2025"]).round(1),
            "industry_2025": t["industry_target_2025_yi"],
            "below_2020": t["below_baseline_2023"],
        }
    )


@cached(8)
def discrepancies_view(ds: Dataset, lang: Lang) -> pd.DataFrame:
    """Target discrepancies as shown: text in the reader's language, with the verbatim first line on each side."""
    d = discrepancy_rows(ds, lang)[list(TEXT_COLUMNS)].copy()
    d["passage_a"] = d["lines_a"].map(lambda ls: ds.passage(int(ls.split(";")[0])))
    d["passage_b"] = d["lines_b"].map(lambda ls: ds.passage(int(ls.split(";")[0])))
    return d


def with_labels(df: pd.DataFrame, lang: Lang, columns: tuple[str, ...] = ("kind",)) -> pd.DataFrame:
    """The table with the data codes in `columns` shown as labels in the reader's language."""
    return df.assign(**{c: df[c].map(lambda v: label(str(v), lang)) for c in columns if c in df})


def pairs_view(ds: Dataset, level: str, lang: Lang, n: int = 8) -> pd.DataFrame:
    """The n most alike pairs of areas, by short name, similarity to two decimals."""
    p = similar_pairs(ds, level, n)
    names = _names(ds, lang)
    return pd.DataFrame({"a": p["a"].map(names), "b": p["b"].map(names), "similarity": p["similarity"].round(2)})


@cached(8)
def text_checks_view(ds: Dataset, lang: Lang) -> pd.DataFrame:
    """The plan-text checks (names written two ways, stated counts, chapter-level-only, nothing beneath, product-name
    typos, parks among products, sub-list gaps), each with its lines, quote and how it was found."""
    found = text_audit(ds)
    names = _names(ds, lang).to_dict()
    return pd.DataFrame(
        {
            "check": [label(c, lang) for c in found["check"]],
            "area": [names.get(a, "") if a else "" for a in found["area_id"]],
            "subject": found["subject"],
            "lines": found["lines"],
            "quote": found["quote"],
            "description": found[lang_column("description", lang)],
        }
    )
