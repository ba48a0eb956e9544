"""The project pipeline (线索 → 在谈 → 储备 → 签约 → 开工 → 竣工 → 投产) and its monthly 通报 (L873: 月度监测和通报):
projects moved in the month, “个十百千” pace (专栏6-1) against the year's targets, and new target firms.

A move is a stage reached with its date in the month (the dates are the facts); the change log adds who recorded it
and when, and gives the month of a move recorded without a date.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

import numpy as np
import pandas as pd

from sq_layout.errors import BadInput, UserError
from sq_layout.i18n import Lang, lang_column, name_col
from sq_layout.i18n import t as tr
from sq_layout.i18n.lang import join_list
from sq_layout.invest.names_en import shown_names
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import STAGE_DATES, STAGES
from sq_layout.invest.targets import project_progress, unit_word
from sq_layout.plan.dataset import Dataset

STAGE_DATE = dict(zip(STAGES, STAGE_DATES, strict=True))


class PipelineError(UserError):
    """A pipeline step that cannot be taken; the message is in the reader's language."""


def month_bounds(month: str) -> tuple[pd.Timestamp, pd.Timestamp]:
    """'2026-11' -> (first day, last day) of that month; anything else is a UserError naming the form expected."""
    try:
        year, mon = (int(p) for p in month.split("-"))
        start = pd.Timestamp(year=year, month=mon, day=1)
    except (ValueError, TypeError):
        raise BadInput("bad_month", month=month) from None
    return start, start + pd.offsets.MonthEnd(0)


def advance(data: InvestData, project_id: str, stage: str, day: date, lang: Lang = "zh") -> InvestData:
    """The project moved forward to `stage` on `day` (its date set; never backwards, never before an earlier date)."""
    p = data.projects
    hit = p.index[p["project_id"] == project_id]
    if not len(hit):
        raise PipelineError(tr("pl_no_project", lang))
    i = hit[0]
    now, to = STAGES.index(str(p.at[i, "stage"])), STAGES.index(stage)
    if to <= now:
        raise PipelineError(tr("pl_not_forward", lang).format(now=tr_stage(STAGES[now], lang)))
    when = pd.Timestamp(day)
    earlier = pd.to_datetime(p.loc[i, list(STAGE_DATES[:to])]).dropna()
    if len(earlier) and when < earlier.max():
        raise PipelineError(tr("pl_date_before", lang).format(day=str(earlier.max())[:10]))
    out = p.copy()
    out.at[i, "stage"] = stage
    out.at[i, STAGE_DATE[stage]] = when
    return replace(data, projects=out).validated()


def tr_stage(stage: str, lang: Lang) -> str:
    """A stage in the reader's language."""
    from sq_layout.i18n import label

    return label(stage, lang)


def _moves_from_dates(projects: pd.DataFrame, start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    rows = []
    for k, (stage, col) in enumerate(STAGE_DATE.items()):
        d = projects[col]
        hit = projects[(d >= start) & (d <= end)]
        for r in hit.itertuples():
            before = [s for s, c in list(STAGE_DATE.items())[:k] if pd.notna(getattr(r, c))]
            rows.append((r.project_id, before[-1] if before else "", stage, getattr(r, col), "date"))
    return pd.DataFrame(rows, columns=["project_id", "from", "to", "when", "basis"])


def _moves_from_log(changes: Sequence[Any], start: pd.Timestamp, end: pd.Timestamp) -> pd.DataFrame:
    """Stage changes the change log holds: (project_id, from, to, logged date, who), newest first as logged."""
    rows = []
    for c in changes:
        logged = pd.Timestamp(str(c.created)[:10])
        for d in c.rows:
            if d["table"] != "projects" or not d.get("after"):
                continue
            after, before = d["after"], d.get("before") or {}
            if after.get("stage") == before.get("stage"):
                continue
            rows.append((after["project_id"], before.get("stage", ""), after["stage"], logged, c.user, after))
    log = pd.DataFrame(rows, columns=["project_id", "from", "to", "logged", "who", "after"])
    log["in_month"] = (log["logged"] >= start) & (log["logged"] <= end)
    return log


def moves(data: InvestData, changes: Sequence[Any], month: str) -> pd.DataFrame:
    """Projects that reached a stage in the month: project, from, to, date, who recorded it (where logged)."""
    start, end = month_bounds(month)
    by_date = _moves_from_dates(data.projects, start, end)
    log = _moves_from_log(changes, start, end)
    undated = log[log["in_month"] & log["after"].map(lambda a: not a.get(STAGE_DATE[a["stage"]]))]
    extra = undated.assign(when=undated["logged"], basis="log")[["project_id", "from", "to", "when", "basis"]]
    out = pd.concat([by_date, extra], ignore_index=True).drop_duplicates(["project_id", "to"])
    who = log.drop_duplicates(["project_id", "to"]).set_index(["project_id", "to"])["who"]
    keys = pd.MultiIndex.from_frame(out[["project_id", "to"]])
    out["who"] = who.reindex(keys).fillna("").to_numpy() if len(out) else []
    info = data.projects.set_index("project_id")
    out = out[out["project_id"].isin(info.index)]
    for c in ("name", "firm", "chains", "area_id", "investment_yi", "origin"):
        out[c] = out["project_id"].map(info[c])
    return out.sort_values(["when", "project_id"], kind="stable").reset_index(drop=True)


def pace(projects: pd.DataFrame, targets: pd.DataFrame, month: str) -> pd.DataFrame:
    """Each “个十百千” target's year-to-date figure against the year's target and its pace (target × months/12)."""
    start, end = month_bounds(month)
    upto = projects.copy()
    for c in STAGE_DATES:
        upto[c] = upto[c].where(upto[c] <= end)
    prog = project_progress(upto, targets, start.year)
    prog["pace_target"] = prog["target"] * start.month / 12
    prog["pace"] = prog["value"] / prog["pace_target"]
    prog["status"] = np.where(prog["value"] >= prog["pace_target"], "on_track", "behind")
    return prog


def new_targets(data: InvestData, month: str) -> pd.DataFrame:
    """Target firms added in the month."""
    start, end = month_bounds(month)
    d = data.prospects["date_added"]
    return data.prospects[(d >= start) & (d <= end)].reset_index(drop=True)


def _explode_chains(frame: pd.DataFrame) -> pd.DataFrame:
    out = frame.assign(chain_no=frame["chains"].astype(str).str.split(";")).explode("chain_no")
    out = out[out["chain_no"].fillna("") != ""]
    return out.assign(chain_no=out["chain_no"].astype(int))


def _signed_ytd(projects: pd.DataFrame, end: pd.Timestamp) -> pd.DataFrame:
    d = projects["date_signed"]
    return projects[(d >= pd.Timestamp(year=end.year, month=1, day=1)) & (d <= end)]


def by_area(ds: Dataset, data: InvestData, moved: pd.DataFrame, fresh: pd.DataFrame, month: str) -> pd.DataFrame:
    """Per area: projects moved in the month, signed so far this year (count, 亿元), new target firms for it."""
    _, end = month_bounds(month)
    signed = _signed_ytd(data.projects, end)
    out = pd.DataFrame({"area_id": ds.areas["area_id"]})
    out["moved"] = out["area_id"].map(moved.groupby("area_id").size()).fillna(0).astype(int)
    out["signed_ytd"] = out["area_id"].map(signed.groupby("area_id").size()).fillna(0).astype(int)
    out["signed_yi_ytd"] = out["area_id"].map(signed.groupby("area_id")["investment_yi"].sum()).fillna(0.0)
    out["new_targets"] = out["area_id"].map(fresh.groupby("area_id").size()).fillna(0).astype(int)
    return out


def by_chain(ds: Dataset, data: InvestData, moved: pd.DataFrame, fresh: pd.DataFrame, month: str) -> pd.DataFrame:
    """Per chain: the same figures as by_area (a record on two chains counts on each)."""
    _, end = month_bounds(month)
    signed = _explode_chains(_signed_ytd(data.projects, end))
    mv, fr = _explode_chains(moved), _explode_chains(fresh)
    out = pd.DataFrame({"chain_no": ds.chains["chain_no"].astype(int)})
    out["moved"] = out["chain_no"].map(mv.groupby("chain_no").size()).fillna(0).astype(int)
    out["signed_ytd"] = out["chain_no"].map(signed.groupby("chain_no").size()).fillna(0).astype(int)
    out["signed_yi_ytd"] = out["chain_no"].map(signed.groupby("chain_no")["investment_yi"].sum()).fillna(0.0)
    out["new_targets"] = out["chain_no"].map(fr.groupby("chain_no").size()).fillna(0).astype(int)
    return out


@dataclass(frozen=True)
class Bulletin:
    """One month's 通报: its tables as computed (codes and ids; `readable` gives them in a language)."""

    month: str
    demo: bool
    pace: pd.DataFrame
    moves: pd.DataFrame
    areas: pd.DataFrame
    chains: pd.DataFrame
    targets: pd.DataFrame


def bulletin(ds: Dataset, data: InvestData, changes: Sequence[Any], month: str, targets: pd.DataFrame) -> Bulletin:
    """The month's 通报: pace, moves, per area and per chain figures and new target firms."""
    moved = moves(data, changes, month)
    fresh = new_targets(data, month)
    return Bulletin(
        month,
        data.demo,
        pace(data.projects, targets, month),
        moved,
        by_area(ds, data, moved, fresh, month),
        by_chain(ds, data, moved, fresh, month),
        fresh,
    )


def readable(ds: Dataset, b: Bulletin, lang: Lang) -> dict[str, pd.DataFrame]:
    """The bulletin's tables with names for ids and words for codes, headed in `lang` (sheet/section -> table)."""
    from sq_layout.i18n import label

    areas = ds.areas.set_index("area_id")[name_col(lang)]
    chains = ds.chains.set_index("chain_no")[name_col(lang)]

    def chain_names(v: object) -> str:
        return join_list((chains.get(int(c), c) for c in str(v).split(";") if c), lang)

    h = {k: tr(f"bl_h_{k}", lang) for k in HEAD_KEYS}
    pace_t = pd.DataFrame(
        {
            h["target"]: b.pace[lang_column("label", lang)],
            h["ytd"]: b.pace["value"],
            h["year_target"]: b.pace["target"],
            h["pace_target"]: b.pace["pace_target"].round(1),
            h["unit"]: b.pace["unit"].map(lambda u: unit_word(str(u), lang)),  # 个 counts beside 亿元 sums
            h["pace"]: (b.pace["pace"] * 100).round(0).map(lambda v: f"{v:.0f}%"),
            h["status"]: b.pace["status"].map(lambda s: tr(s, lang)),
            h["line"]: b.pace["line"],
        }
    )
    mv = b.moves
    plan = mv["origin"] == "plan"  # what the plan names has its English rendering; what users typed stays as typed
    moves_t = pd.DataFrame(
        {
            h["project"]: shown_names(mv["name"], plan, lang),
            h["firm"]: shown_names(mv["firm"], plan, lang),
            h["chain"]: mv["chains"].map(chain_names),
            h["area"]: mv["area_id"].map(areas),
            h["from"]: mv["from"].map(lambda s: label(s, lang) if s else "—"),
            h["to"]: mv["to"].map(lambda s: label(s, lang)),
            h["date"]: pd.to_datetime(mv["when"]).dt.strftime("%Y-%m-%d"),
            h["investment"]: mv["investment_yi"],
            h["who"]: mv["who"],
        }
    )
    counts = {
        "moved": h["moved"],
        "signed_ytd": h["signed_ytd"],
        "signed_yi_ytd": h["signed_yi_ytd"],
        "new_targets": h["new_targets"],
    }
    area_t = b.areas.assign(area_id=b.areas["area_id"].map(areas)).rename(columns={"area_id": h["area"], **counts})
    chain_t = b.chains.assign(chain_no=b.chains["chain_no"].map(lambda n: f"{n}. {chains.get(n, n)}"))
    chain_t = chain_t.rename(columns={"chain_no": h["chain"], **counts})
    pt = b.targets
    targets_t = pd.DataFrame(
        {
            h["target_firm"]: pt["name"],
            h["region"]: (pt["province"] + " " + pt["city"]).str.strip(),
            h["chain"]: pt["chains"].map(chain_names),
            h["category"]: pt["category"].map(lambda s: label(s, lang)),
            h["status"]: pt["status"].map(lambda s: label(s, lang)),
            h["owner"]: pt["owner"],
            h["next_step"]: pt["next_step"],
        }
    )
    return {
        tr("bl_pace", lang): pace_t,
        tr("bl_moves", lang): moves_t,
        tr("bl_areas", lang): area_t,
        tr("bl_chains", lang): chain_t,
        tr("bl_targets", lang): targets_t,
    }


HEAD_KEYS = (
    "target", "ytd", "year_target", "pace_target", "unit", "pace", "status", "line", "project", "firm", "chain", "area",
    "from", "to", "date", "investment", "who", "moved", "signed_ytd", "signed_yi_ytd", "new_targets",
    "target_firm", "region", "category", "owner", "next_step",
)  # fmt: skip
