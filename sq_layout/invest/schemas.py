"""Pandera schemas of the investment tables: firms, projects, chain links and yearly actual output."""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

ROLES = ("链主", "标杆", "龙头", "配套")  # 标杆: the plan's 行业标杆企业 (L1096)
# The pipeline, in order (a project's stage dates never go backwards): 线索 → 在谈 → 储备 before the plan's 签约 →
# 开工 → 竣工 → 投产 (L873: 招引计划、储备计划、投资计划、开竣工计划).
STAGES = ("线索", "在谈", "储备", "签约", "开工", "竣工", "投产")
STAGE_DATES = (
    "date_lead",
    "date_talks",
    "date_reserve",
    "date_signed",
    "date_started",
    "date_completed",
    "date_operating",
)
LINK_STAGES = ("上游", "中游", "下游")
COORD_SYSTEMS = ("wgs84", "gcj02", "bd09")
ORIGINS = ("plan", "import", "demo", "user")

_TEXT = pa.Check.str_length(min_value=1)
_CHAINS = pa.Check.str_matches(r"^[1-9]\d*(;[1-9]\d*)*$")  # any number of chains, not only 表十一's 20
_LINKS = pa.Check.str_matches(r"^([a-z0-9_-]+(;[a-z0-9_-]+)*)?$")


def _located() -> dict[str, pa.Column]:
    """Columns every located record has: where it is, how it was placed and where it came from."""
    return {
        "chains": pa.Column(str, _CHAINS),  # 表十一 chain numbers, ';'-separated
        "links": pa.Column(str, _LINKS),  # link_ids, ';'-separated, may be empty
        "area_id": pa.Column(str, _TEXT),  # derived: the most specific area containing the point
        "area_stated": pa.Column(str),  # as written in the file ('' when not stated)
        "area_flag": pa.Column(bool),  # the stated area disagrees with the point's
        "carrier": pa.Column(str),
        "lon": pa.Column(float, pa.Check.in_range(115.0, 121.0)),  # WGS-84
        "lat": pa.Column(float, pa.Check.in_range(32.0, 36.0)),
        "approximate": pa.Column(bool),  # no coordinates given: placed at the carrier park or area
        "origin": pa.Column(str, pa.Check.isin(ORIGINS)),
        "source": pa.Column(str, _TEXT),  # plan line, file and row, or 示例数据
    }


FIRMS = pa.DataFrameSchema(
    {
        "firm_id": pa.Column(str, _TEXT, unique=True),
        "name": pa.Column(str, _TEXT),
        "credit_code": pa.Column(str, pa.Check.str_matches(r"^([0-9A-HJ-NP-RTUWXY]{18})?$")),
        "role": pa.Column(str, pa.Check.isin(("", *ROLES))),
        **_located(),
    },
    strict=True,
)


def _dates_in_order(df: pd.DataFrame) -> pd.Series:
    """True where no stage date comes before an earlier stage's date."""
    ok = pd.Series(True, index=df.index)
    if df.empty:
        return ok
    latest = df[STAGE_DATES[0]]
    for c in STAGE_DATES[1:]:
        ok &= ~(df[c].notna() & latest.notna() & (df[c] < latest))
        latest = latest.where(latest.notna() & ~(df[c] > latest), df[c])  # the latest date so far, NaT ignored
    return ok


PROJECTS = pa.DataFrameSchema(
    {
        "project_id": pa.Column(str, _TEXT, unique=True),
        "name": pa.Column(str, _TEXT),
        "firm": pa.Column(str),
        "investment_yi": pa.Column(float, [pa.Check.ge(0), pa.Check(lambda s: s.abs() < float("inf"))]),
        "stage": pa.Column(str, pa.Check.isin(STAGES)),
        **{c: pa.Column("datetime64[ns]", nullable=True) for c in STAGE_DATES},
        **_located(),
    },
    checks=[pa.Check(_dates_in_order, error="stage dates out of order")],
    strict=True,
)

LINKS = pa.DataFrameSchema(
    {
        "link_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_-]+$"), unique=True),
        "chain_no": pa.Column(int, pa.Check.ge(1)),
        "position": pa.Column(int, pa.Check.ge(1)),
        "stage": pa.Column(str, pa.Check.isin(LINK_STAGES)),
        "name": pa.Column(str, _TEXT),
        "source": pa.Column(str, _TEXT),
        "line": pa.Column("Int64", pa.Check.ge(1), nullable=True),
        "quote": pa.Column(str),
    },
    strict=True,
    unique=["chain_no", "name"],
)

ACTUALS = pa.DataFrameSchema(
    {
        "chain_no": pa.Column(int, pa.Check.ge(1)),
        "year": pa.Column(int, pa.Check.in_range(2020, 2030)),
        "area_id": pa.Column(str),  # '' = city-wide (the scope of 表十一's targets)
        "output_yi": pa.Column(float, [pa.Check.ge(0), pa.Check(lambda s: s.abs() < float("inf"))]),
        "source": pa.Column(str, _TEXT),
    },
    strict=True,
    unique=["chain_no", "year", "area_id"],
)

TARGETS = pa.DataFrameSchema(
    {
        "target_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$"), unique=True),
        "label": pa.Column(str, _TEXT),
        "label_en": pa.Column(str, _TEXT),
        "measure": pa.Column(str, pa.Check.isin(("count", "investment"))),
        "stage": pa.Column(str, pa.Check.isin(STAGES)),
        "threshold_yi": pa.Column(float, pa.Check.ge(0)),
        "per_year": pa.Column(str, pa.Check.str_matches(r"^(\d+(\.\d+)?|per_day)$")),
        "unit": pa.Column(str, _TEXT),
        "line": pa.Column(int, pa.Check.ge(1)),
        "quote": pa.Column(str, _TEXT),
        "reading": pa.Column(str, _TEXT),
    },
    strict=True,
    coerce=True,
)

CARRIERS = pa.DataFrameSchema(
    {
        "carrier_id": pa.Column(str, _TEXT, unique=True),
        "name": pa.Column(str, _TEXT),
        "chains": pa.Column(str, pa.Check.str_matches(r"^([1-9]\d*(;[1-9]\d*)*)?$")),
        "area_id": pa.Column(str, _TEXT),
        "lon": pa.Column(float, pa.Check.in_range(115.0, 121.0)),
        "lat": pa.Column(float, pa.Check.in_range(32.0, 36.0)),
        "approximate": pa.Column(bool),
        "origin": pa.Column(str, pa.Check.isin(ORIGINS)),
        "source": pa.Column(str, _TEXT),
    },
    strict=True,
)


# 目标企业: firms outside the city to attract, by the plan's asks (category -> its plan line).
PROSPECT_CATEGORIES = ("央企国企", "长三角", "珠三角", "苏州对口", "跨国公司", "技术攻关", "其他")
PROSPECT_STATUSES = ("待接触", "已接触", "洽谈中", "已转项目", "暂缓")

PROSPECTS = pa.DataFrameSchema(
    {
        "prospect_id": pa.Column(str, _TEXT, unique=True),
        "name": pa.Column(str, _TEXT),
        "province": pa.Column(str, _TEXT),  # as written (no geocoding): 上海市, 江苏省, …
        "city": pa.Column(str),
        "chains": pa.Column(str, _CHAINS),
        "links": pa.Column(str, _LINKS),
        "category": pa.Column(str, pa.Check.isin(PROSPECT_CATEGORIES)),
        "status": pa.Column(str, pa.Check.isin(PROSPECT_STATUSES)),
        "area_id": pa.Column(str),  # the area it would land in, '' while open
        "owner": pa.Column(str),
        "next_step": pa.Column(str),
        "date_added": pa.Column("datetime64[ns]", nullable=True),
        "origin": pa.Column(str, pa.Check.isin(ORIGINS)),
        "source": pa.Column(str, _TEXT),
    },
    strict=True,
)

# 链长制 (L1091): per chain, two city leaders and one lead department.
CHAIN_LEADS = pa.DataFrameSchema(
    {
        "chain_no": pa.Column(int, pa.Check.ge(1), unique=True),
        "leader_1": pa.Column(str),
        "leader_2": pa.Column(str),
        "department": pa.Column(str),
        "note": pa.Column(str),
    },
    strict=True,
)

TASK_STATUSES = ("未开始", "推进中", "已完成")
# 十个一 (L1092): per chain, each item's status, date, document and owner.
CHAIN_TASKS = pa.DataFrameSchema(
    {
        "chain_no": pa.Column(int, pa.Check.ge(1)),
        "item_no": pa.Column(int, pa.Check.in_range(1, 10)),
        "status": pa.Column(str, pa.Check.isin(TASK_STATUSES)),
        "date": pa.Column("datetime64[ns]", nullable=True),
        "document": pa.Column(str),
        "owner": pa.Column(str),
    },
    strict=True,
    unique=["chain_no", "item_no"],
)


def empty_table(schema: pa.DataFrameSchema) -> pd.DataFrame:
    """A table with the schema's columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype=str(col.dtype)) for c, col in schema.columns.items()})
