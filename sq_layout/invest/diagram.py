"""A chain's 图谱: its links left to right by stage (上游 → 中游 → 下游), each graded 强 / 弱 / 缺 by the records behind
it, with the plan's own intent for the link (强链 / 补链 / 延链, line and quote) kept apart from the grade.

This builds the model from the records (`chain_diagram`); the model's shape, its grades and its one layout live in
sq_layout/chain_model.py, below both the app's SVG (layers/chain_diagram.py) and the print page
(sq_layout/printing/chain_page.py), so the two never disagree and printing never reads records.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from sq_layout.cache import cached
from sq_layout.chain_model import GRADE_RULES, ChainDiagram, GradeRules, Intent, Node, grade
from sq_layout.invest.gaps import chain_hosts
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import LINK_STAGES
from sq_layout.invest.seed import plan_unplaced, read_intents, read_link_plan
from sq_layout.plan.dataset import Dataset

RECORD_COLUMNS = ["kind", "name", "firm", "role", "area_id", "investment_yi", "stage", "source", "link_id"]


def _on_chain(records: pd.DataFrame, chain_no: int, cols: list[str]) -> pd.DataFrame:
    """`cols` of the records naming the chain, one row per link of that chain they name ('' when none)."""
    if records.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in [*cols, "link_id"]})
    chains = records["chains"].to_numpy(dtype=object)
    token = str(chain_no)
    hit = np.fromiter((token in c.split(";") for c in chains), bool, len(chains))
    # plain object columns of the few rows kept: arrow-string takes of every column cost most of the time
    sub = pd.DataFrame({c: records[c].to_numpy(dtype=object)[hit] for c in [*cols, "links"]})
    prefix = f"c{chain_no}-"
    sub["link_id"] = [[x for x in ls.split(";") if x.startswith(prefix)] or [""] for ls in sub["links"]]
    return sub.drop(columns="links").explode("link_id")


@cached(4)
def _plan_side(ds: Dataset) -> tuple[pd.DataFrame, dict[str, tuple[Intent, ...]], dict[str, tuple[str, str]]]:
    """What the plan files say, read once per Dataset: unplaced named records, intents and stage basis per link."""
    by_link: dict[str, list[Intent]] = {}
    for it in read_intents().to_dict("records"):
        by_link.setdefault(str(it["link_id"]), []).append(Intent(str(it["intent"]), int(it["line"]), str(it["quote"])))
    plan = {str(r["link_id"]): (str(r["stage_basis"]), str(r["name_en"])) for r in read_link_plan().to_dict("records")}
    return plan_unplaced(ds), {k: tuple(v) for k, v in by_link.items()}, plan


def _records(ds: Dataset, data: InvestData, chain_no: int) -> pd.DataFrame:
    firms = _on_chain(data.firms, chain_no, ["name", "role", "area_id", "source"])
    projects = _on_chain(data.projects, chain_no, ["name", "firm", "area_id", "investment_yi", "stage", "source"])
    parts = [
        pd.DataFrame(
            {
                "kind": "firm",
                "name": firms["name"],
                "firm": "",
                "role": firms["role"],
                "area_id": firms["area_id"],
                "investment_yi": np.nan,
                "stage": "",
                "source": firms["source"],
                "link_id": firms["link_id"],
            }
        ),
        pd.DataFrame(
            {
                "kind": "project",
                "name": projects["name"],
                "firm": projects["firm"],
                "role": "",
                "area_id": projects["area_id"],
                "investment_yi": projects["investment_yi"].astype(float),
                "stage": projects["stage"],
                "source": projects["source"],
                "link_id": projects["link_id"],
            }
        ),
    ]
    # firms and projects the plan names on this chain without a place: counted, listed, never mapped; a record
    # of the same name already in the tables (imported with its address, say) stands for it
    named = _plan_side(ds)[0]
    named = named[named["chains"].str.split(";").map(lambda cs: str(chain_no) in cs)]
    if len(named):  # a plain set lookup: an arrow-string isin against 50,000 names costs 0.1 s
        known = set(firms["name"].tolist()) | set(projects["name"].tolist())
        named = named[[n not in known for n in named["name"]]]
    if len(named):
        prefix = f"c{chain_no}-"
        lk = named["links"].str.split(";").map(lambda xs: [x for x in xs if x.startswith(prefix)] or [""])
        named = named.assign(link_id=lk).explode("link_id")
        parts.append(
            pd.DataFrame(
                {
                    "kind": named["kind"],
                    "name": named["name"],
                    "firm": named["firm"],
                    "role": named["role"],
                    "area_id": "",
                    "investment_yi": pd.to_numeric(named["investment_yi"], errors="coerce"),
                    "stage": named["stage"],
                    "source": [
                        f"规划第{n}行" + (f"（{note}）" if note else "")
                        for n, note in zip(named["line"], named["note"], strict=True)
                    ],
                    "link_id": named["link_id"],
                }
            )
        )
    parts = [p for p in parts if len(p)]
    if not parts:
        return pd.DataFrame(columns=RECORD_COLUMNS)
    return pd.concat(parts, ignore_index=True)[RECORD_COLUMNS]


def chain_diagram(ds: Dataset, data: InvestData, chain_no: int, rules: GradeRules = GRADE_RULES) -> ChainDiagram:
    """The chain's diagram model: nodes by stage then position, graded from the records by `rules`."""
    chain = ds.chains.set_index("chain_no").loc[chain_no]
    links = data.links[data.links["chain_no"] == chain_no].copy()
    links["order"] = links["stage"].map({s: i for i, s in enumerate(LINK_STAGES)})
    links = links.sort_values(["order", "position"], kind="stable")
    _, by_link, plan = _plan_side(ds)
    recs = _records(ds, data, chain_no)
    groups = dict(tuple(recs.groupby("link_id"))) if len(recs) else {}
    nodes = []
    for lk in links.to_dict("records"):
        lid = str(lk["link_id"])
        rows = groups.get(lid, recs.iloc[:0])
        f = rows[rows["kind"] == "firm"]
        p = rows[rows["kind"] == "project"]
        leaders = int(f["role"].isin(rules.lead_roles).sum())
        inv = float(p["investment_yi"].fillna(0).sum())
        from_plan = lid in plan and lk["source"] == "规划"  # a user's own link carries no plan reading
        nodes.append(
            Node(
                link_id=lid,
                name=str(lk["name"]),
                name_en=plan[lid][1] if from_plan else str(lk["name"]),
                stage=str(lk["stage"]),
                stage_basis=plan[lid][0] if from_plan else "app",
                position=int(lk["position"]),
                line=None if pd.isna(lk["line"]) else int(lk["line"]),
                quote=str(lk["quote"]),
                firms=len(f),
                leaders=leaders,
                projects=len(p),
                investment_yi=inv,
                grade=grade(len(f), leaders, len(p), inv, rules),
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
