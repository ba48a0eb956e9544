"""A chain's 图谱: its links left to right by stage (上游 → 中游 → 下游), each graded 强 / 弱 / 缺 by the records behind
it, with the plan's own intent for the link (强链 / 补链 / 延链, line and quote) kept apart from the grade.

One model (`chain_diagram`) and one layout (`layout`) serve the app's SVG (layers/chain_diagram.py) and the print
page (sq_layout/printing/chain_page.py), so the two never disagree.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

import numpy as np
import pandas as pd

from sq_layout.i18n import label, t
from sq_layout.invest.gaps import chain_hosts
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import LINK_STAGES
from sq_layout.invest.seed import plan_unplaced, read_intents, read_link_plan
from sq_layout.plan.dataset import Dataset

GRADES = ("强", "弱", "缺")
INTENTS = ("强链", "补链", "延链")


@dataclass(frozen=True)
class GradeRules:
    """The one place the grade thresholds live (the page and the print state them from here).

    缺: no firm and no project on the link. 强: at least `strong_leaders` firm whose role is in `lead_roles`, or at
    least `strong_firms` firms, or projects totalling at least `strong_investment_yi` 亿元. 弱: anything between.
    Output (产值) is imported per chain, not per link, so it is shown with the chain and grades no link.
    """

    strong_firms: int = 3
    strong_leaders: int = 1
    strong_investment_yi: float = 100.0
    lead_roles: tuple[str, ...] = ("链主", "标杆")


GRADE_RULES = GradeRules()


def grade(firms: int, leaders: int, projects: int, investment_yi: float, rules: GradeRules = GRADE_RULES) -> str:
    """强 / 弱 / 缺 of one link from its counts, by `rules`."""
    if firms + projects == 0:
        return "缺"
    if leaders >= rules.strong_leaders or firms >= rules.strong_firms or investment_yi >= rules.strong_investment_yi:
        return "强"
    return "弱"


@dataclass(frozen=True)
class Intent:
    """What the plan says to do with a link, where it says it."""

    intent: str  # 强链 | 补链 | 延链
    line: int
    quote: str


@dataclass(frozen=True, eq=False)
class Node:
    """One link of the chain: where it sits, its grade and counts, the plan's intents and the records behind it."""

    link_id: str
    name: str
    name_en: str
    stage: str
    stage_basis: str  # plan: the plan's wording places it (e.g. 向下游); app: the app's reading
    position: int
    line: int | None
    quote: str
    firms: int
    leaders: int
    projects: int
    investment_yi: float
    grade: str
    intents: tuple[Intent, ...]
    records: pd.DataFrame  # kind, name, firm, role, area_id ('' where the plan states no place), investment_yi, source


@dataclass(frozen=True, eq=False)
class ChainDiagram:
    """A chain's nodes in stage order, its records on no link, its host areas and its latest output."""

    chain_no: int
    name: str
    name_en: str
    nodes: tuple[Node, ...]
    unlinked: pd.DataFrame
    hosts: tuple[str, ...]
    output: tuple[int, float] | None  # (year, 亿元) city-wide, where imported
    demo: bool
    rules: GradeRules = field(default=GRADE_RULES)


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


@lru_cache(maxsize=4)
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


@dataclass(frozen=True)
class Box:
    """Where a node is drawn, in layout units (x right, y down)."""

    x: float
    y: float
    w: float
    h: float


NODE_W, NODE_H, GAP_X, GAP_Y, HEAD = 190.0, 74.0, 70.0, 16.0, 40.0


def layout(d: ChainDiagram) -> tuple[dict[str, Box], list[str], float, float]:
    """Node boxes by stage column (only the stages the chain has), the columns' stages, total width and height."""
    stages = [s for s in LINK_STAGES if any(n.stage == s for n in d.nodes)]
    boxes: dict[str, Box] = {}
    tallest = 0
    for ci, s in enumerate(stages):
        col = [n for n in d.nodes if n.stage == s]
        tallest = max(tallest, len(col))
        for ri, n in enumerate(col):
            boxes[n.link_id] = Box(ci * (NODE_W + GAP_X), HEAD + ri * (NODE_H + GAP_Y), NODE_W, NODE_H)
    width = max(1, len(stages)) * (NODE_W + GAP_X) - GAP_X
    height = HEAD + max(1, tallest) * (NODE_H + GAP_Y) - GAP_Y
    return boxes, stages, width, height


def rules_text(rules: GradeRules, lang: str) -> str:
    """The thresholds in words, from the one registry."""
    roles = t("dg_or", lang).join(label(r, lang) for r in rules.lead_roles)
    return t("dg_rules", lang).format(
        leaders=rules.strong_leaders, roles=roles, firms=rules.strong_firms, inv=f"{rules.strong_investment_yi:g}"
    )


def node_label(n: Node, lang: str) -> str:
    """A node's name as shown: English where the plan link has one; '*' marks the app's own stage reading."""
    return (n.name if lang == "zh" else n.name_en) + ("*" if n.stage_basis == "app" else "")
