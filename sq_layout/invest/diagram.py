"""A chain's 图谱: its links left to right by stage (上游 → 中游 → 下游), each graded 强 / 弱 / 缺 by the records behind
it, with the plan's own intent for the link (强链 / 补链 / 延链, line and quote) kept apart from the grade.

This builds the model from the records (`chain_diagram`); the model's shape, its grades and its one layout live in
sq_layout/chain_model.py, below both the app's SVG (layers/chain_diagram.py) and the print page
(sq_layout/printing/chain_page.py), so the two never disagree and printing never reads records.
"""

from __future__ import annotations

from typing import cast

import numpy as np
import pandas as pd

from sq_layout.cache import cached
from sq_layout.chain_model import GRADE_RULES, ChainDiagram, GradeRules, Intent, Node, grade
from sq_layout.invest.gaps import chain_hosts, explode_links
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import LINK_STAGES
from sq_layout.invest.seed import link_names, plan_unplaced, read_intents, read_link_plan
from sq_layout.plan.dataset import Dataset

RECORD_COLUMNS = ["kind", "name", "firm", "role", "area_id", "investment_yi", "stage", "source", "link_id"]


@cached(4)
def _plan_side(ds: Dataset) -> tuple[pd.DataFrame, dict[str, tuple[Intent, ...]], dict[str, str]]:
    """What the plan files say, read once per Dataset: unplaced named records, intents and stage basis per link."""
    by_link: dict[str, list[Intent]] = {}
    for it in read_intents().to_dict("records"):
        by_link.setdefault(str(it["link_id"]), []).append(Intent(str(it["intent"]), int(it["line"]), str(it["quote"])))
    plan = {str(r["link_id"]): str(r["stage_basis"]) for r in read_link_plan().to_dict("records")}
    return plan_unplaced(ds), {k: tuple(v) for k, v in by_link.items()}, plan


def _take(cols: dict[str, object], x: pd.DataFrame) -> pd.DataFrame:
    """The RECORD_COLUMNS and chain of exploded rows `x` (explode_links): a column given as an array of the table's
    values is taken at x's rows, a scalar fills it. Text stays plain object: Arrow-string takes cost the most."""
    rows = x["row"].to_numpy()
    out: dict[str, pd.Series] = {}
    for c in RECORD_COLUMNS[:-1]:
        kind = float if c == "investment_yi" else object
        v = cols[c]
        out[c] = pd.Series(v[rows] if isinstance(v, np.ndarray) else np.full(len(rows), v, dtype=kind), dtype=kind)
    out["link_id"] = pd.Series(x["link_id"].to_numpy(dtype=object), dtype=object)
    out["chain_no"] = pd.Series(x["chain_no"].to_numpy(dtype=int))
    return pd.DataFrame(out)


def _text(table: pd.DataFrame, col: str) -> np.ndarray:
    return table[col].to_numpy(dtype=object)


@cached(4, invalidated="a records save gives a new InvestData (one per workspace, version and records revision)")
def _chain_records(ds: Dataset, data: InvestData) -> dict[int, pd.DataFrame]:
    """Every chain's records (RECORD_COLUMNS), one row per link of that chain they name ('' when none): the firms and
    projects exploded once for all chains, then those the plan names on the chain without a place."""
    parts = []
    f = data.firms.reset_index(drop=True)  # positions: explode_links's rows (a record on no chain gives none)
    firm_cols: dict[str, object] = {
        "kind": "firm",
        "firm": "",
        "role": _text(f, "role"),
        "investment_yi": np.nan,
        "stage": "",
    }
    p = data.projects.reset_index(drop=True)
    project_cols: dict[str, object] = {
        "kind": "project",
        "firm": _text(p, "firm"),
        "role": "",
        "stage": _text(p, "stage"),
    }
    project_cols["investment_yi"] = p["investment_yi"].to_numpy(dtype=float)
    for t, cols in ((f, firm_cols), (p, project_cols)):
        if len(t):
            more = {c: _text(t, c) for c in ("name", "area_id", "source")}
            parts.append(_take(cols | more, explode_links(t)))
    # the plan's named records without a place: counted, listed, never mapped; a record of the same name on the same
    # chain already in the tables (imported with its address, say) stands for it
    named = _plan_side(ds)[0]
    named = named[named["chains"] != ""].reset_index(drop=True)
    if len(named):
        x = explode_links(named.assign(area_id=""))
        known = {(c, n) for part in parts for c, n in zip(part["chain_no"], part["name"], strict=True)}
        names = _text(named, "name")
        x = x[[(c, names[r]) not in known for c, r in zip(x["chain_no"], x["row"], strict=True)]]
        lines = zip(named["line"], named["note"], strict=True)
        cols = {c: _text(named, c) for c in ("kind", "firm", "role", "stage")} | {
            "name": names,
            "area_id": "",
            "investment_yi": pd.to_numeric(named["investment_yi"], errors="coerce").to_numpy(dtype=float),
            "source": np.array([f"规划第{n}行" + (f"（{note}）" if note else "") for n, note in lines], dtype=object),
        }
        parts.append(_take(cols, x))
    parts = [part for part in parts if len(part)]
    if not parts:
        return {}
    every = pd.concat(parts, ignore_index=True)
    # firms, then projects, then the plan's unplaced ones, each in their tables' order, within each chain
    return {
        int(cast(int, c)): g[RECORD_COLUMNS].reset_index(drop=True) for c, g in every.groupby("chain_no", sort=False)
    }


@cached(
    64,
    key="a Dataset and the records (each by identity: one version, one records revision), the chain and the rules",
    invalidated="a records save gives a new InvestData (one per workspace, version and records revision)",
)
def chain_diagram(ds: Dataset, data: InvestData, chain_no: int, rules: GradeRules = GRADE_RULES) -> ChainDiagram:
    """The chain's diagram model: nodes by stage then position, graded from the records by `rules` (kept per records
    revision: the model and the frames it holds are read-only)."""
    chain = ds.chains.set_index("chain_no").loc[chain_no]
    links = data.links[data.links["chain_no"] == chain_no].copy()
    links["order"] = links["stage"].map({s: i for i, s in enumerate(LINK_STAGES)})
    links = links.sort_values(["order", "position"], kind="stable")
    english = link_names(links, "en")
    _, by_link, plan = _plan_side(ds)
    recs = _chain_records(ds, data).get(chain_no)
    if recs is None:
        recs = pd.DataFrame({c: pd.Series(dtype=float if c == "investment_yi" else object) for c in RECORD_COLUMNS})
    groups = dict(tuple(recs.groupby("link_id", sort=False))) if len(recs) else {}
    nodes = []
    for lk in links.to_dict("records"):
        lid = str(lk["link_id"])
        rows = groups.get(lid, recs.iloc[:0])
        kind = rows["kind"].to_numpy(dtype=object)
        f, p = kind == "firm", kind == "project"
        firms, projects = int(f.sum()), int(p.sum())
        leaders = int(np.isin(rows["role"].to_numpy(dtype=object)[f], list(rules.lead_roles)).sum())
        inv = float(np.nansum(rows["investment_yi"].to_numpy(dtype=float)[p]))
        from_plan = lid in plan and lk["source"] == "规划"  # a user's own link carries no plan reading
        nodes.append(
            Node(
                link_id=lid,
                name=str(lk["name"]),
                name_en=english[lid],
                stage=str(lk["stage"]),
                stage_basis=plan[lid] if from_plan else "app",
                position=int(lk["position"]),
                line=None if pd.isna(lk["line"]) else int(lk["line"]),
                quote=str(lk["quote"]),
                firms=firms,
                leaders=leaders,
                projects=projects,
                investment_yi=inv,
                grade=grade(firms, leaders, projects, inv, rules),
                intents=by_link.get(lid, ()) if from_plan else (),
                records=rows.drop(columns="link_id").reset_index(drop=True),
            )
        )
    unlinked = groups.get("", recs.iloc[:0]).drop(columns="link_id").reset_index(drop=True)
    acts = data.actuals[(data.actuals["chain_no"] == chain_no) & (data.actuals["area_id"] == "")]
    output = None
    if len(acts):
        last = acts.sort_values("year").iloc[-1]
        output = (int(last["year"]), float(last["output_yi"]))
    return ChainDiagram(
        chain_no=chain_no,
        name=str(chain["name"]),
        name_en=str(chain["name_en"]),
        nodes=tuple(nodes),
        unlinked=unlinked,
        hosts=tuple(chain_hosts(ds, chain_no)),
        output=output,
        demo=data.demo,
        rules=rules,
    )
