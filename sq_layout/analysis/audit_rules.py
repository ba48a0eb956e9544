"""The plan's figure checks as a table of small rules: each finds where two stated figures disagree, by id.

A rule yields `Discrepancy` values that hold ids only (industry, chain, sub-industry, tier, plan-figure key) and the
i18n keys of the figures it compares; `audit_rows` renders them in a language. Add a check by adding a rule to RULES.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, cast

import pandas as pd

from sq_layout.analysis.metrics import cagr
from sq_layout.cache import cached
from sq_layout.errors import DataError
from sq_layout.plan.dataset import Dataset

TOLERANCE = 0.005  # 表十一 prints two decimals
GROWTH_TOLERANCE = 0.1  # percentage points: 表九 prints growth rates to one decimal
MEASURES = (("output_2020", "output_2020_yi"), ("target_2023", "target_2023_yi"), ("target_2025", "target_2025_yi"))


@dataclass(frozen=True)
class Figure:
    """One side of a discrepancy: what it is (an i18n key), its value, the plan lines stating it, its figure key."""

    label: str
    value: float
    lines: tuple[int, ...]
    figure_id: str = ""  # the plan_figures row it comes from, when it comes from one


@dataclass(frozen=True)
class Subject:
    """What a discrepancy is about, by id (only the ids that apply are set)."""

    industry_id: str = ""
    chain_no: int | None = None
    subindustry_id: str = ""
    tier: str = ""
    measure: str = ""


@dataclass(frozen=True)
class ScopeNote:
    """Why an industry's chains may not match it: `kind` is wider | no_chain | named_differently."""

    kind: str
    ids: tuple[str, ...]  # sub-industry ids, or the chain number for named_differently


@dataclass(frozen=True)
class Discrepancy:
    """Two figures of the plan that should agree and do not."""

    kind: str
    subject: Subject
    a: Figure
    b: Figure
    scope: tuple[ScopeNote, ...] = ()

    @property
    def difference(self) -> float:
        """Figure a minus figure b, to the table's two decimals."""
        return round(self.a.value - self.b.value, 2)


Finding = tuple[Subject, Figure, Figure]


@dataclass(frozen=True)
class Rule:
    """One check: its kind, how it finds its cases, and whether chain scope may explain them."""

    kind: str
    find: Callable[[Dataset], Iterator[Finding]]
    scoped: bool = False


def _figure(ds: Dataset, figure_id: str) -> pd.Series:
    figures = ds.plan_figures.set_index("figure_id")
    if figure_id not in figures.index:
        raise DataError("plan_figures.csv", [f"no row with figure_id {figure_id!r}; the audit needs it"])
    return cast(pd.Series, figures.loc[figure_id])


def _stated(ds: Dataset, label: str, figure_id: str) -> Figure:
    row = _figure(ds, figure_id)
    return Figure(label, float(row["value"]), (int(row["line"]),), figure_id)


def _f(v: object) -> float:
    return float(cast(float, v))


def _i(v: object) -> int:
    return int(cast(int, v))


def _lines(values: pd.Series) -> tuple[int, ...]:
    return tuple(_i(v) for v in values)


def _ch4_target(ind: Any) -> Figure:
    """第四章's 2025 target of an industry (or sub-industry) row."""
    return Figure("disc_fig_ch4_target_2025", _f(ind.target_2025_yi), (_i(ind.target_line),))


def _printed_tolerance(as_printed: str) -> float:
    """Half a unit of the printed precision plus table 11's, so rounding alone is not a discrepancy."""
    digits = as_printed.split(".")[1] if "." in as_printed else ""
    digits = "".join(ch for ch in digits if ch.isdigit())
    return float(0.5 * 10 ** -len(digits) + TOLERANCE)


def _chain_sums(ds: Dataset) -> pd.DataFrame:
    return ds.chains.groupby("industry_id")[["output_2020_yi", "target_2025_yi"]].sum()


def _chain_lines(ds: Dataset, industry_id: str) -> tuple[int, ...]:
    return _lines(ds.chains.loc[ds.chains["industry_id"] == industry_id, "line"])


def _has_table9(ds: Dataset, industry_id: str) -> bool:
    return f"T9_{industry_id}_2020" in set(ds.plan_figures["figure_id"])


def total_vs_rows(ds: Dataset) -> Iterator[Finding]:
    """表十一's printed totals against the sum of its rows."""
    for measure, col in MEASURES:
        total = _stated(ds, "disc_fig_t11_total", f"T11_total_{measure.split('_')[1]}")
        rows = Figure("disc_fig_t11_rows_sum", float(ds.chains[col].sum()), _lines(ds.chains["line"]))
        if abs(total.value - rows.value) > TOLERANCE:
            yield Subject(measure=measure), total, rows


def target_below_baseline(ds: Dataset) -> Iterator[Finding]:
    """Chains whose 2023 target is below their 2020 output."""
    c = ds.chains
    for r in c[c["target_2023_yi"] < c["output_2020_yi"]].itertuples():
        line = (_i(r.line),)
        yield (
            Subject(industry_id=str(r.industry_id), chain_no=_i(r.chain_no)),
            Figure("disc_fig_target_2023", _f(r.target_2023_yi), line),
            Figure("disc_fig_output_2020", _f(r.output_2020_yi), line),
        )


def industry_vs_chains(ds: Dataset) -> Iterator[Finding]:
    """第四章's 2025 industry target against the sum of its 表十一 chains."""
    sums = _chain_sums(ds)
    for ind in ds.industries.itertuples():
        ind_id = str(ind.industry_id)
        if ind_id not in sums.index:
            continue
        ch4 = _ch4_target(ind)
        chains = Figure("disc_fig_chains_2025_sum", _f(sums.loc[ind_id, "target_2025_yi"]), _chain_lines(ds, ind_id))
        if abs(ch4.value - chains.value) > TOLERANCE:
            yield Subject(industry_id=ind_id), ch4, chains


def table9_vs_chains(ds: Dataset) -> Iterator[Finding]:
    """表九's 2020 industry output against the sum of its 表十一 chains (within the printed precision)."""
    sums = _chain_sums(ds)
    for ind_id in ds.industries["industry_id"].astype(str):
        if not _has_table9(ds, ind_id) or ind_id not in sums.index:
            continue
        t9 = _stated(ds, "disc_fig_t9_output_2020", f"T9_{ind_id}_2020")
        chains = Figure("disc_fig_chains_2020_sum", _f(sums.loc[ind_id, "output_2020_yi"]), _chain_lines(ds, ind_id))
        if abs(t9.value - chains.value) > _printed_tolerance(str(_figure(ds, t9.figure_id)["as_printed"])):
            yield Subject(industry_id=ind_id), t9, chains


def table9_vs_ch4(ds: Dataset) -> Iterator[Finding]:
    """表九's 2025 industry target against 第四章's."""
    for ind in ds.industries.itertuples():
        ind_id = str(ind.industry_id)
        if not _has_table9(ds, ind_id):
            continue
        t9 = _stated(ds, "disc_fig_t9_target_2025", f"T9_{ind_id}_2025")
        ch4 = _ch4_target(ind)
        if abs(t9.value - ch4.value) > TOLERANCE:
            yield Subject(industry_id=ind_id), t9, ch4


def stated_growth(ds: Dataset) -> Iterator[Finding]:
    """表九's stated growth rate against the rate its own 2020 and 2025 figures imply."""
    for ind_id in ds.industries["industry_id"].astype(str):
        if not _has_table9(ds, ind_id):
            continue
        start, end = _figure(ds, f"T9_{ind_id}_2020"), _figure(ds, f"T9_{ind_id}_2025")
        stated = _stated(ds, "disc_fig_t9_growth", f"T9_{ind_id}_cagr")
        implied = 100 * float(cagr(_f(start["value"]), _f(end["value"]), 5))
        if abs(implied - stated.value) > GROWTH_TOLERANCE:
            lines = (int(start["line"]), int(end["line"]))
            yield Subject(industry_id=ind_id), stated, Figure("disc_fig_t9_implied_growth", implied, lines)


def subindustry_vs_chain(ds: Dataset) -> Iterator[Finding]:
    """第四章's 2025 sub-industry target against its 表十一 chain's."""
    subs = ds.subindustries.dropna(subset=["chain_no", "target_2025_yi"]).merge(
        ds.chains[["chain_no", "target_2025_yi", "line"]], on="chain_no", suffixes=("", "_chain")
    )
    for s in subs[(subs["target_2025_yi"] - subs["target_2025_yi_chain"]).abs() > TOLERANCE].itertuples():
        subject = Subject(str(s.industry_id), _i(s.chain_no), str(s.subindustry_id))
        yield subject, _ch4_target(s), Figure("disc_fig_t11_target_2025", _f(s.target_2025_yi_chain), (_i(s.line),))


def tier_total(ds: Dataset) -> Iterator[Finding]:
    """第四章's stated 2025 total of a tier against the sum of its industries' targets."""
    for tier in ("dominant", "leading"):
        stated = _stated(ds, "disc_fig_ch4_stated_total", f"CH4_{tier}_2025")
        members = ds.industries[ds.industries["tier"] == tier]
        summed = Figure("disc_fig_industry_sum", _f(members["target_2025_yi"].sum()), _lines(members["target_line"]))
        if abs(stated.value - summed.value) > TOLERANCE:
            yield Subject(tier=tier), stated, summed


RULES: tuple[Rule, ...] = (
    Rule("total_vs_rows", total_vs_rows),
    Rule("target_below_baseline", target_below_baseline),
    Rule("industry_vs_chains", industry_vs_chains, scoped=True),
    Rule("table9_vs_chains", table9_vs_chains, scoped=True),
    Rule("table9_vs_ch4", table9_vs_ch4),
    Rule("stated_growth", stated_growth),
    Rule("subindustry_vs_chain", subindustry_vs_chain, scoped=True),
    Rule("tier_total", tier_total),
)


def scope_notes(ds: Dataset, subject: Subject) -> tuple[ScopeNote, ...]:
    """Sub-industries wider than their chain or without one; for an industry without sub-industries, its sole
    chains named (and perhaps scoped) differently from it."""
    subs = ds.subindustries
    if subject.subindustry_id:
        subs = subs[subs["subindustry_id"] == subject.subindustry_id]
    elif subject.industry_id:
        subs = subs[subs["industry_id"] == subject.industry_id]
    else:
        return ()
    wide = tuple(subs.loc[subs["chain_relation"] == "broader", "subindustry_id"].astype(str))
    none = tuple(subs.loc[subs["chain_no"].isna(), "subindustry_id"].astype(str))
    notes = ([ScopeNote("wider", wide)] if wide else []) + ([ScopeNote("no_chain", none)] if none else [])
    if not subject.subindustry_id and subs.empty:
        name = ds.industries.set_index("industry_id").loc[subject.industry_id, "name"]
        chains = ds.chains[(ds.chains["industry_id"] == subject.industry_id) & (ds.chains["name"] != name)]
        notes += [ScopeNote("named_differently", (str(no),)) for no in chains["chain_no"]]
    return tuple(notes)


@cached(8)
def discrepancies(ds: Dataset) -> tuple[Discrepancy, ...]:
    """Every place the plan's figures do not add up, rule by rule, in the rules' order."""
    return tuple(
        Discrepancy(rule.kind, subject, a, b, scope_notes(ds, subject) if rule.scoped else ())
        for rule in RULES
        for subject, a, b in rule.find(ds)
    )
