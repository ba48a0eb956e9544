"""A chain as its 图谱 and its one-page brief show it, as plain data: links left to right by stage
(上游 → 中游 → 下游), each graded 强 / 弱 / 缺 by the records behind it, the plan's own intent for the link
(强链 / 补链 / 延链, line and quote) kept apart from the grade, and the one layout the app's SVG and the print
page both draw.

Built from the records by sq_layout.invest (diagram.chain_diagram, workbench.chain_brief); drawn by layers/ and
sq_layout.printing, which so never read investment records themselves.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from sq_layout.i18n import Lang, by_lang, label, t
from sq_layout.tables.invest import LINK_STAGES

if TYPE_CHECKING:
    import pandas as pd


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


@dataclass(frozen=True)
class Box:
    """Where a node is drawn, in layout units (x right, y down)."""

    x: float
    y: float
    w: float
    h: float


NODE_W, NODE_H, GAP_X, GAP_Y, HEAD = 190.0, 74.0, 70.0, 16.0, 40.0
LINE_H = 16.0  # a node's second name line: every node of the diagram grows by it when one name needs two
LABEL_CHARS: dict[Lang, int] = {"zh": 12, "en": 22}  # name characters per line inside a node, on screen and in print


def layout(d: ChainDiagram, lang: Lang) -> tuple[dict[str, Box], list[str], float, float]:
    """Node boxes by stage column (only the stages the chain has), the columns' stages, total width and height; the
    nodes are one line taller when a name in `lang` needs two."""
    stages = [s for s in LINK_STAGES if any(n.stage == s for n in d.nodes)]
    node_h = NODE_H + LINE_H * (max((len(label_lines(n, lang)) for n in d.nodes), default=1) - 1)
    boxes: dict[str, Box] = {}
    tallest = 0
    for ci, s in enumerate(stages):
        col = [n for n in d.nodes if n.stage == s]
        tallest = max(tallest, len(col))
        for ri, n in enumerate(col):
            boxes[n.link_id] = Box(ci * (NODE_W + GAP_X), HEAD + ri * (node_h + GAP_Y), NODE_W, node_h)
    width = max(1, len(stages)) * (NODE_W + GAP_X) - GAP_X
    height = HEAD + max(1, tallest) * (node_h + GAP_Y) - GAP_Y
    return boxes, stages, width, height


def rules_text(rules: GradeRules, lang: Lang) -> str:
    """The thresholds in words, from the one registry."""
    roles = t("dg_or", lang).join(label(r, lang) for r in rules.lead_roles)
    return t("dg_rules", lang).format(
        leaders=rules.strong_leaders, roles=roles, firms=rules.strong_firms, inv=f"{rules.strong_investment_yi:g}"
    )


def node_label(n: Node, lang: Lang) -> str:
    """A node's name as shown: English where the plan link has one; '*' marks the app's own stage reading."""
    return (by_lang(n.name, n.name_en, lang)) + ("*" if n.stage_basis == "app" else "")


def label_lines(n: Node, lang: Lang) -> tuple[str, ...]:
    """A node's label in one or two lines that fit its box (English broken between words), clipped with … only
    past two."""
    import textwrap

    def by_chars(text: str, width: int) -> list[str]:
        return [text[i : i + width] for i in range(0, len(text), width)]

    text, width = node_label(n, lang), LABEL_CHARS[lang]
    lines = by_lang(by_chars, textwrap.wrap, lang)(text, width) or [""]
    if len(lines) > 2:
        lines = [lines[0], lines[1][: width - 1] + "…"]
    return tuple(lines)


@dataclass(frozen=True, eq=False)
class ChainBrief:
    """What a chain's one-page brief shows, built from the records by sq_layout.invest.workbench.chain_brief."""

    chain_no: int
    demo: bool
    leaders: tuple[str, ...]  # the chain's 链长 that are set
    department: str
    lead_line: int  # the plan lines of 链长制 and 十个一
    ten_line: int
    diagram: ChainDiagram
    area_counts: pd.Series  # firms and projects on the chain per area_id
    by_stage: pd.Series  # the chain's projects per pipeline stage, in stage order
    targets: pd.DataFrame  # the target firms listed: live first, newest first
    more: int  # target firms on the chain not listed
    checklist: pd.DataFrame  # the 十个一 items: item_no, item, status, date, document, owner
