"""Target firms (目标企业), 链长制 and the 十个一 checklist: reading them per chain and the edits the page makes.

Every edit returns a new validated InvestData; the repository saves it with history like any investment save.
"""

from __future__ import annotations

from dataclasses import replace
from datetime import date

import pandas as pd

from sq_layout.chain_model import ChainBrief
from sq_layout.errors import UserError
from sq_layout.i18n import Lang, by_lang
from sq_layout.i18n import t as tr
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.locate import placement
from sq_layout.invest.repository import InvestData
from sq_layout.invest.schemas import CHAIN_TASKS, PROSPECT_STATUSES, STAGE_DATES, STAGES
from sq_layout.plan.dataset import Dataset
from sq_layout.tables import invest as spec

LEAD_LINE = 1091  # 市领导挂钩联系产业链制度
LEAD_QUOTE = "每条产业链明确由两名市级领导联系挂钩，由一个市直部门牵头。"
TEN_LINE = 1092  # “十个一”工作推进机制
BRIEF_ROWS = 8  # target firms listed on a chain's brief (the rest are counted)
# The 十个一 in the plan's words and order (L1092), with an English reading.
TEN_ITEMS: tuple[tuple[str, str], ...] = (
    ("建立一个联席会议", "a joint meeting"),
    ("制定一个工作方案", "a work plan"),
    ("确定一位首席专家", "a chief expert"),
    ("明确一个智库单位", "a think tank"),
    ("培育一批支撑机构", "supporting institutions"),
    ("建设一批园区载体", "parks and carriers"),
    ("梳理一批龙头企业和重点项目", "lead firms and key projects listed"),
    ("设立一个产业人才库", "a talent pool"),
    ("形成一张产业链招商图谱", "a chain investment map (图谱)"),
    ("建立一份发展问题清单", "a list of development problems"),
)
# Where the plan places each target-firm category (line numbers of plan_text.txt).
CATEGORY_LINES = {
    "央企国企": (871, 872),
    "长三角": (871, 1210),
    "珠三角": (871,),
    "苏州对口": (1208,),
    "跨国公司": (872,),
    "技术攻关": (1211,),
    "其他": (),
}


class EditError(UserError):
    """An edit that cannot be made; the message is in the reader's language."""


def checklist(data: InvestData, chain_no: int, lang: Lang = "zh") -> pd.DataFrame:
    """The chain's ten items in the plan's order with their recorded status, date, document and owner."""
    mine = data.chain_tasks[data.chain_tasks["chain_no"] == chain_no].set_index("item_no")
    rows = []
    for n, (zh, en) in enumerate(TEN_ITEMS, start=1):
        rec = mine.loc[n] if n in mine.index else None
        rows.append(
            {
                "item_no": n,
                "item": by_lang(zh, f"{en} ({zh})", lang),
                "status": "未开始" if rec is None else str(rec["status"]),
                "date": pd.NaT if rec is None else rec["date"],
                "document": "" if rec is None else str(rec["document"]),
                "owner": "" if rec is None else str(rec["owner"]),
            }
        )
    return pd.DataFrame(rows)


def set_checklist(data: InvestData, chain_no: int, edited: pd.DataFrame) -> InvestData:
    """The chain's ten items as edited (item_no, status, date, document, owner); items left 未开始 and blank are not
    stored."""
    rows = edited.copy()
    rows["status"] = rows["status"].fillna("未开始").astype(str)
    for c in ("document", "owner"):
        rows[c] = rows[c].fillna("").astype(str).str.strip()
    rows["date"] = pd.to_datetime(rows["date"], errors="coerce").astype("datetime64[ns]")
    keep = (rows["status"] != "未开始") | (rows["document"] != "") | (rows["owner"] != "") | rows["date"].notna()
    mine = rows[keep].assign(chain_no=chain_no)[list(CHAIN_TASKS.columns)]
    others = data.chain_tasks[data.chain_tasks["chain_no"] != chain_no]
    tasks = pd.concat([others, mine.astype({"chain_no": int, "item_no": int})], ignore_index=True)
    return replace(data, chain_tasks=tasks.sort_values(["chain_no", "item_no"]).reset_index(drop=True)).validated()


def lead(data: InvestData, chain_no: int) -> dict[str, str]:
    """The chain's 挂钩市领导 (two) and 牵头部门 as recorded ('' where not)."""
    hit = data.chain_leads[data.chain_leads["chain_no"] == chain_no]
    cols = ("leader_1", "leader_2", "department", "note")
    return {c: (str(hit.iloc[0][c]) if len(hit) else "") for c in cols}


def _on_chain(frame: pd.DataFrame, chain_no: int) -> pd.DataFrame:
    return frame[frame["chains"].astype(str).str.contains(rf"(?:^|;){chain_no}(?:;|$)", regex=True)]


def chain_brief(ds: Dataset, data: InvestData, chain_no: int, lang: Lang = "zh") -> ChainBrief:
    """What the chain's one-page brief shows (sq_layout.printing.chain_brief draws it): leads, diagram, counts,
    the target firms listed and the 十个一 checklist in `lang`."""
    who = lead(data, chain_no)
    projects = _on_chain(data.projects, chain_no)
    targets = _on_chain(data.prospects, chain_no)
    order = targets["status"].map({"洽谈中": 0, "已接触": 1, "待接触": 2}).fillna(3)  # live first, newest first
    shown = targets.assign(_o=order).sort_values(["_o", "date_added"], ascending=[True, False]).head(BRIEF_ROWS)
    return ChainBrief(
        chain_no=chain_no,
        demo=data.demo,
        leaders=tuple(v for v in (who["leader_1"], who["leader_2"]) if v),
        department=who["department"],
        lead_line=LEAD_LINE,
        ten_line=TEN_LINE,
        diagram=chain_diagram(ds, data, chain_no),
        area_counts=pd.concat([_on_chain(data.firms, chain_no), projects])["area_id"].value_counts(),
        by_stage=projects.groupby("stage").size().reindex(list(STAGES), fill_value=0),
        targets=shown,
        more=max(0, len(targets) - BRIEF_ROWS),
        checklist=checklist(data, chain_no, lang),
    )


def set_lead(data: InvestData, chain_no: int, leader_1: str, leader_2: str, department: str, note: str) -> InvestData:
    """The chain's leaders and lead department as entered (all blank removes the record)."""
    values = [v.strip() for v in (leader_1, leader_2, department, note)]
    others = data.chain_leads[data.chain_leads["chain_no"] != chain_no]
    row = pd.DataFrame([[chain_no, *values]], columns=["chain_no", "leader_1", "leader_2", "department", "note"])
    leads = others if not any(values) else pd.concat([others, row], ignore_index=True)
    return replace(data, chain_leads=leads.sort_values("chain_no").reset_index(drop=True)).validated()


def next_id(existing: pd.Series, prefix: str) -> str:
    """The next free id of the form prefix + five digits."""
    taken = existing.astype(str).str.extract(rf"^{prefix}(\d+)$")[0].dropna().astype(int)
    return f"{prefix}{(int(taken.max()) + 1 if len(taken) else 1):05d}"


def add_prospect(data: InvestData, record: dict[str, object], lang: Lang = "zh") -> InvestData:
    """A target firm entered on the page (name, province, chains as '3;9', category … ; origin user)."""
    for need in ("name", "province", "chains", "category"):
        if not str(record.get(need, "")).strip():
            raise EditError(tr("wb_need", lang).format(what=tr(f"wb_f_{need}", lang)))
    row = {
        "prospect_id": next_id(data.prospects["prospect_id"], "T"),
        "name": str(record["name"]).strip(),
        "province": str(record["province"]).strip(),
        "city": str(record.get("city", "")).strip(),
        "chains": str(record["chains"]),
        "links": str(record.get("links", "")),
        "category": str(record["category"]),
        "status": str(record.get("status") or PROSPECT_STATUSES[0]),
        "area_id": str(record.get("area_id", "")),
        "owner": str(record.get("owner", "")).strip(),
        "next_step": str(record.get("next_step", "")).strip(),
        "date_added": pd.Timestamp(str(record.get("date_added") or date.today())),
        "origin": "user",
        "source": str(record.get("source", "")).strip() or "用户登记",
    }
    prospects = pd.concat([data.prospects, spec.PROSPECTS.conform(pd.DataFrame([row]))], ignore_index=True)
    return replace(data, prospects=prospects.astype({"date_added": "datetime64[ns]"})).validated()


def update_prospects(data: InvestData, edited: pd.DataFrame) -> InvestData:
    """Status, owner and next step of listed target firms as edited (matched by prospect_id)."""
    p = data.prospects.set_index("prospect_id")
    e = edited.set_index("prospect_id")
    for c in ("status", "owner", "next_step"):
        if c in e:
            p.loc[e.index, c] = e[c].fillna("").astype(str)
    return replace(data, prospects=p.reset_index()[list(data.prospects.columns)]).validated()


def project_name(firm: str) -> str:
    """The project a target firm becomes: 项目 after a Chinese name, ' project' after a name in Latin letters (one
    stored name, read on either page; a firm typed in English would read 'Ltd项目')."""
    return f"{firm}项目" if any("\u4e00" <= ch <= "\u9fff" for ch in firm) else f"{firm} project"


def to_project(
    ds: Dataset, data: InvestData, prospect_id: str, area_id: str, investment_yi: float, day: date, lang: Lang = "zh"
) -> InvestData:
    """The target firm's project enters the pipeline as a 线索 at its landing area (approximate placement); the
    target is marked 已转项目."""
    p = data.prospects
    hit = p.index[p["prospect_id"] == prospect_id]
    if not len(hit):
        raise EditError(tr("wb_no_target", lang))
    if area_id not in set(ds.areas["area_id"]):
        raise EditError(tr("wb_need", lang).format(what=tr("wb_f_area", lang)))
    r = p.loc[hit[0]]
    lon, lat = placement(ds, pd.Series([area_id]))
    project = {
        "project_id": next_id(data.projects["project_id"], "P"),
        "name": project_name(str(r["name"])),
        "firm": str(r["name"]),
        "investment_yi": float(investment_yi),
        "stage": "线索",
        **{c: pd.NaT for c in STAGE_DATES},
        "chains": str(r["chains"]),
        "links": str(r["links"]),
        "area_id": area_id,
        "area_stated": area_id,
        "area_flag": False,
        "carrier": "",
        "lon": float(lon[0]),
        "lat": float(lat[0]),
        "approximate": True,
        "origin": "user",
        "source": f"目标企业 {prospect_id}",
    }
    project["date_lead"] = pd.Timestamp(day)
    projects = pd.concat([data.projects, spec.PROJECTS.conform(pd.DataFrame([project]))], ignore_index=True)
    projects = projects.astype({c: "datetime64[ns]" for c in STAGE_DATES})
    prospects = p.copy()
    prospects.loc[hit[0], ["status", "area_id"]] = ["已转项目", area_id]
    return replace(data, projects=projects, prospects=prospects).validated()


def by_region(prospects: pd.DataFrame) -> pd.DataFrame:
    """Target firms counted by province and category (for the listing's bar)."""
    if prospects.empty:
        return pd.DataFrame(columns=["province", "category", "n"])
    return prospects.groupby(["province", "category"]).size().rename("n").reset_index()
