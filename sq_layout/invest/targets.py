"""Targets tracked: the “个十百千” project targets per year (专栏6-1) and 表十一 chain output against actuals."""

from __future__ import annotations

import calendar
from typing import SupportsFloat, SupportsInt, cast

import numpy as np
import pandas as pd

from sq_layout.i18n import Lang, by_lang, lang_column, name_col
from sq_layout.i18n import t as tr
from sq_layout.invest.schemas import STAGE_DATES, STAGES
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import chain_links

STAGE_DATE = dict(zip(STAGES, STAGE_DATES, strict=True))
THRESHOLDS = (1.0, 10.0, 50.0)
PLAN_FIRST_YEAR, PLAN_LAST_YEAR = 2021, 2025  # the 十四五 period the plan's targets are set for


def data_years(projects: pd.DataFrame, actuals: pd.DataFrame) -> list[int]:
    """The years any project stage date or actual figure falls in, sorted."""
    found = {int(y) for c in STAGE_DATES if c in projects for y in projects[c].dt.year.dropna().unique()}
    return sorted(found | {int(y) for y in actuals["year"].unique()})


def year_choices(projects: pd.DataFrame, actuals: pd.DataFrame) -> tuple[list[int], int]:
    """The years offered (the plan period and any year with data) and the default: the latest year with data within
    the plan period, else the plan's last year (never a later year just because the calendar has moved on)."""
    years = data_years(projects, actuals)
    within = [y for y in years if PLAN_FIRST_YEAR <= y <= PLAN_LAST_YEAR]
    offered = sorted(set(range(PLAN_FIRST_YEAR, PLAN_LAST_YEAR + 1)) | set(years))
    return offered, (within[-1] if within else PLAN_LAST_YEAR)


def yearly_target(per_year: str, year: int) -> float:
    """A target's value for one year ('per_day' = one per day of that year)."""
    return float(366 if calendar.isleap(year) else 365) if per_year == "per_day" else float(per_year)


def project_progress(projects: pd.DataFrame, targets: pd.DataFrame, year: int) -> pd.DataFrame:
    """Each “个十百千” target for a year: the figure from the project records, the target, progress and its line."""
    rows = []
    for t in targets.itertuples():
        dates = projects[STAGE_DATE[str(t.stage)]]
        hit = (dates.dt.year == year) & (projects["investment_yi"] >= _num(t.threshold_yi))
        value = float(hit.sum()) if t.measure == "count" else float(projects.loc[hit, "investment_yi"].sum())
        target = yearly_target(str(t.per_year), year)
        rows.append(
            (t.target_id, t.label, t.label_en, value, target, value / target, t.unit, t.line, t.quote, t.reading)
        )
    cols = ["target_id", "label", "label_en", "value", "target", "progress", "unit", "line", "quote", "reading"]
    return pd.DataFrame(rows, columns=cols)


def stage_counts(projects: pd.DataFrame, year: int) -> pd.DataFrame:
    """Projects reaching each stage in a year, by investment threshold (≥1, ≥10, ≥50亿元), with their investment."""
    rows = []
    for stage, col in STAGE_DATE.items():
        inyear = projects[projects[col].dt.year == year]
        row = {"stage": stage, "all": len(inyear)}
        row |= {f"ge_{t:g}": int((inyear["investment_yi"] >= t).sum()) for t in THRESHOLDS}
        row["investment_yi"] = float(inyear["investment_yi"].sum())
        rows.append(row)
    return pd.DataFrame(rows)


def _num(value: object) -> float:
    """A numeric table cell (pandas-stubs types itertuples fields as any scalar) as a float."""
    return float(cast(SupportsFloat, value))


def _path(base: float, t23: float, t25: float, year: int) -> float:
    """The output a chain should have in a year on the geometric path 2020 → 2023 target → 2025 target."""
    if year <= 2023:
        return float(base * (t23 / base) ** ((year - 2020) / 3))
    return float(t23 * (t25 / t23) ** ((min(year, 2025) - 2023) / 2))


def chain_progress(ds: Dataset, actuals: pd.DataFrame) -> pd.DataFrame:
    """Per chain, its latest city-wide actual against 表十一: progress to 2025, growth still required, status."""
    city = actuals[actuals["area_id"] == ""].sort_values("year").groupby("chain_no").last()
    out = ds.chains[
        ["chain_no", "name", "name_en", "output_2020_yi", "target_2023_yi", "target_2025_yi", "line"]
    ].copy()
    out["year"] = out["chain_no"].map(city["year"]).astype("Int64")
    out["actual_yi"] = out["chain_no"].map(city["output_yi"])
    expected: list[float] = []
    required: list[float] = []
    status: list[str] = []
    for r in out.itertuples():
        if pd.isna(cast(float, r.actual_yi)):
            expected.append(np.nan)
            required.append(np.nan)
            status.append("no_data")
            continue
        actual, y = _num(r.actual_yi), int(cast(SupportsInt, r.year))
        e = _path(_num(r.output_2020_yi), _num(r.target_2023_yi), _num(r.target_2025_yi), y)
        expected.append(e)
        gap_years = 2025 - y
        required.append((_num(r.target_2025_yi) / actual) ** (1 / gap_years) - 1 if gap_years > 0 else np.nan)
        status.append("on_track" if actual >= e else "behind")
    out["expected_yi"], out["required_cagr"], out["status"] = expected, required, status
    out["progress"] = out["actual_yi"] / out["target_2025_yi"]
    return out


def area_status(ds: Dataset, progress: pd.DataFrame) -> pd.DataFrame:
    """Per area: how many of the chains the plan assigns it are behind / on track city-wide (a city-wide status)."""
    links = chain_links(ds)[["area_id", "chain_no"]].merge(progress[["chain_no", "status"]], on="chain_no")
    t = pd.crosstab(links["area_id"], links["status"]).reindex(index=ds.areas["area_id"], fill_value=0)
    for c in ("behind", "on_track", "no_data"):
        if c not in t:
            t[c] = 0
    return t[["behind", "on_track", "no_data"]].reset_index()


def unit_word(unit: str, lang: Lang) -> str:
    """A 个十百千 target's unit (个 or 亿元) in `lang`."""
    return {"个": tr("inv_unit_count", lang), "亿元": tr("inv_unit_yi", lang)}.get(unit, unit)


def progress_view(progress: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """The “个十百千” progress as shown: the target's name and unit in `lang`; the plan's words (and, in English, how
    the target is read, a note written in English only)."""
    out = progress.assign(
        label=progress[lang_column("label", lang)],
        unit=progress["unit"].map(lambda u: unit_word(str(u), lang)),
        achieved=progress["value"],
        year_target=progress["target"],  # in the row's unit (个 or 亿元), not the 2025 亿元 of the chains' tables
    )
    cols = ["label", "achieved", "year_target", "progress", "unit", "line", "quote", *by_lang([], ["reading"], lang)]
    return out[cols]


def chain_progress_view(progress: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """表十一 against the latest actuals as shown: the chain's name in `lang`, its status as a word, blanks for none."""
    out = pd.DataFrame(
        {
            "chain": progress[name_col(lang)],
            "output_2020": progress["output_2020_yi"],
            "target_2023": progress["target_2023_yi"],
            "target_2025": progress["target_2025_yi"],
            "year": progress["year"],
            "actual_yi": progress["actual_yi"],
            "expected_yi": progress["expected_yi"],
            "required_cagr": progress["required_cagr"],
            "progress": progress["progress"],
            "status": progress["status"].map(lambda s: tr(str(s), lang)),
            "line": progress["line"],
        }
    )
    return out


def area_actuals_view(ds: Dataset, actuals: pd.DataFrame, lang: Lang) -> pd.DataFrame:
    """Per-area actuals as shown: area and chain names in `lang` for their ids."""
    areas = ds.areas.set_index("area_id")[name_col(lang)]
    chains = ds.chains.set_index("chain_no")[name_col(lang)]
    return pd.DataFrame(
        {
            "area": actuals["area_id"].map(areas),
            "chain": actuals["chain_no"].map(chains),
            "year": actuals["year"],
            "output_yi": actuals["output_yi"],
            "source": actuals["source"],
        }
    )
