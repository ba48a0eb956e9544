"""The investment record tables, each declared once: firms, projects, carrier parks, chain links, yearly actuals,
target firms (目标企业), chain leads (链长制) and the 十个一 checklist.

From these come the pandera schemas (sq_layout.invest.schemas), the store's tables (sq_layout.store.invest_tables),
the import template's sheets and the import reader's headers (sq_layout.invest.columns, template, importer) and the
records export's headers. Adding a column is one `Col(...)` here plus `alembic revision --autogenerate`
(docs/developer-guide.md, "Adding a column").
"""

from __future__ import annotations

import pandas as pd

from sq_layout.tables.spec import Check, Col, Imp, TableSpec

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
# 目标企业: firms outside the city to attract, by the plan's asks (category -> its plan line).
PROSPECT_CATEGORIES = ("央企国企", "长三角", "珠三角", "苏州对口", "跨国公司", "技术攻关", "其他")
PROSPECT_STATUSES = ("待接触", "已接触", "洽谈中", "已转项目", "暂缓")
TASK_STATUSES = ("未开始", "推进中", "已完成")

TEXT = Check.str_length(min_value=1)
_CHAINS = Check.str_matches(r"^[1-9]\d*(;[1-9]\d*)*$")  # any number of chains, not only 表十一's 20
_LINKS = Check.str_matches(r"^([a-z0-9_-]+(;[a-z0-9_-]+)*)?$")
_AMOUNT = (Check.ge(0), Check.where(lambda s: s.abs() < float("inf")))
_CHAIN_NO = (Check.ge(1),)

_LINKS_HELP = "该链已登记的环节名称，多个用“;”分隔"
_LINKS_HELP_EN = "names of the chain's registered links, several separated by ';'"


def _chains(help: str, help_en: str) -> Col:
    return Col("chains", checks=(_CHAINS,), imp=Imp("产业链", "Chains", help, True, help_en=help_en), dropdown="chains")


def _links() -> Col:
    # the template lists the links but offers no drop-down: a row may name several
    return Col("links", checks=(_LINKS,), imp=Imp("环节", "Links", _LINKS_HELP, help_en=_LINKS_HELP_EN))


def _placed() -> tuple[Col, ...]:
    """Where a firm or project is and what it serves: the same columns, in this order, on both tables."""
    return (
        _chains(
            "表十一产业链编号或名称，多个用“;”分隔，如 3 或 晶硅光伏",
            "Table 11 chain numbers or names, several separated by ';', e.g. 3 or Crystalline-silicon PV",
        ),
        _links(),
        Col("area_id", checks=(TEXT,)),  # derived: the most specific area containing the point
        Col(  # as written in the file ('' when not stated)
            "area_stated",
            imp=Imp(
                "区域",
                "Area",
                "县区或功能区名称，如 泗洪县、宿迁经开区；与坐标不符时标记",
                code="area",
                help_en="a county or zone name, e.g. Sihong County; flagged where it disagrees with the coordinates",
            ),
            dropdown="area",
        ),
        Col("area_flag", "bool"),  # the stated area disagrees with the point's
        Col(
            "carrier",
            imp=Imp(
                "载体",
                "Carrier park",
                "载体园区名称；无坐标时据此或区域定位（近似）",
                help_en="the carrier park's name; without coordinates the record is placed by it or its area "
                "(approximate)",
            ),
        ),
        Col(  # WGS-84
            "lon",
            "point",
            (Check.in_range(115.0, 121.0),),
            imp=Imp(
                "经度",
                "Longitude",
                "按文件声明的坐标系（WGS-84 / GCJ-02 / BD-09），与纬度同填或同空",
                help_en="in the coordinate system the file declares (WGS-84 / GCJ-02 / BD-09); filled or left blank "
                "with the latitude",
            ),
        ),
        Col("lat", "point", (Check.in_range(32.0, 36.0),), imp=Imp("纬度", "Latitude", "同上", help_en="as above")),
        Col("approximate", "bool"),  # no coordinates given: placed at the carrier park or area
        Col("origin", choices=ORIGINS),
        Col("source", checks=(TEXT,)),  # plan line, file and row, or 示例数据
    )


def _name(help: str, help_en: str, header: str = "企业名称") -> Col:
    return Col("name", checks=(TEXT,), imp=Imp(header, "Name", help, True, help_en=help_en))


FIRMS = TableSpec(
    "firms",
    (
        Col("firm_id", checks=(TEXT,), unique=True),
        _name("企业全称", "the firm's full registered name"),
        Col(
            "credit_code",
            checks=(Check.str_matches(r"^([0-9A-HJ-NP-RTUWXY]{18})?$"),),
            imp=Imp(
                "统一社会信用代码",
                "Unified social credit code",
                "18位，按 GB 32100-2015 校验位检查",
                help_en="18 characters, check characters verified as GB 32100-2015 defines them",
            ),
        ),
        Col("role", choices=ROLES, blank_ok=True, imp=Imp("角色", "Role", " / ".join(ROLES)), dropdown="choices"),
        *_placed(),
    ),
    key=("firm_id",),
    sheet="企业",
    sheet_en="Firms",
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


_STAGE_HEADERS = {
    "date_lead": ("线索日期", "Lead date", "YYYY-MM-DD；各阶段日期不得倒序，当前阶段之后的日期留空"),
    "date_talks": ("在谈日期", "Talks date", "YYYY-MM-DD"),
    "date_reserve": ("储备日期", "Reserve date", "YYYY-MM-DD"),
    "date_signed": ("签约日期", "Signed date", "YYYY-MM-DD"),
    "date_started": ("开工日期", "Start date", "YYYY-MM-DD"),
    "date_completed": ("竣工日期", "Completion date", "YYYY-MM-DD"),
    "date_operating": ("投产日期", "Operation date", "YYYY-MM-DD"),
}
_LEAD_DATE_EN = "YYYY-MM-DD; the stages' dates never go backwards, dates after the current stage left blank"

PROJECTS = TableSpec(
    "projects",
    (
        Col("project_id", checks=(TEXT,), unique=True),
        _name("项目名称", "the project's name", "项目名称"),
        Col("firm", imp=Imp("企业", "Firm", "实施企业名称", help_en="the firm carrying it out")),
        Col(
            "investment_yi",
            "float",
            _AMOUNT,
            imp=Imp("总投资（亿元）", "Investment (100 million yuan)", "有限数值，≥0", True, help_en="a number, ≥ 0"),
        ),
        Col("stage", choices=STAGES, imp=Imp("阶段", "Stage", " / ".join(STAGES), True), dropdown="choices"),
        *(
            Col(c, "date", imp=Imp(*_STAGE_HEADERS[c], help_en=_LEAD_DATE_EN if c == "date_lead" else "YYYY-MM-DD"))
            for c in STAGE_DATES
        ),
        *_placed(),
    ),
    key=("project_id",),
    checks=(Check.where(_dates_in_order, error="stage dates out of order"),),
    sheet="项目",
    sheet_en="Projects",
)

_PLACE = (
    Col("lon", "point", (Check.in_range(115.0, 121.0),)),
    Col("lat", "point", (Check.in_range(32.0, 36.0),)),
    Col("approximate", "bool"),
    Col("origin", choices=ORIGINS),
    Col("source", checks=(TEXT,)),
)

CARRIERS = TableSpec(
    "carriers",
    (
        Col("carrier_id", checks=(TEXT,), unique=True),
        Col("name", checks=(TEXT,)),
        Col("chains", checks=(Check.str_matches(r"^([1-9]\d*(;[1-9]\d*)*)?$"),)),
        Col("area_id", checks=(TEXT,)),
        *_PLACE,
    ),
    key=("carrier_id",),
)

LINKS = TableSpec(
    "links",
    (
        Col("link_id", checks=(Check.str_matches(r"^[a-z0-9_-]+$"),), unique=True),
        Col("chain_no", "int", _CHAIN_NO),
        Col("position", "int", (Check.ge(1),)),
        Col("stage", choices=LINK_STAGES),
        Col("name", checks=(TEXT,)),
        Col("source", checks=(TEXT,)),
        Col("line", "Int64", (Check.ge(1),)),
        Col("quote"),
    ),
    key=("link_id",),
    unique=("chain_no", "name"),
)

ACTUALS = TableSpec(
    "actuals",
    (
        Col(
            "chain_no",
            "int",
            _CHAIN_NO,
            imp=Imp(
                "产业链",
                "Chain",
                "表十一产业链编号或名称（一行一条链）",
                True,
                "chain",
                help_en="a Table 11 chain number or name (one chain a row)",
            ),
            dropdown="chains",
        ),
        Col(
            "year",
            "int",
            (Check.in_range(2020, 2030),),
            imp=Imp("年份", "Year", "2020–2030", True, help_en="2020–2030"),
        ),
        # '' = city-wide (the scope of 表十一's targets)
        Col(
            "area_id",
            imp=Imp(
                "区域",
                "Area",
                "空 = 全市口径（表十一目标的口径）",
                code="area",
                help_en="blank = city-wide (the scope of Table 11's targets)",
            ),
            dropdown="area",
        ),
        Col(
            "output_yi",
            "float",
            _AMOUNT,
            imp=Imp("产值（亿元）", "Output (100 million yuan)", "有限数值，≥0", True, help_en="a number, ≥ 0"),
        ),
        Col(
            "source",
            checks=(TEXT,),
            imp=Imp("来源", "Source", "统计口径或出处", help_en="the statistics' scope or source"),
        ),
    ),
    key=("chain_no", "year", "area_id"),
    unique=("chain_no", "year", "area_id"),
    sheet="实际产值",
    sheet_en="Output",
)

_CATEGORY_HELP = (
    "央企国企（规划第871、872行）/ 长三角（第871、1210行）/ 珠三角（第871行）/ 苏州对口（第1208行）/ "
    "跨国公司（第872行）/ 技术攻关（第1211行）/ 其他"
)

PROSPECTS = TableSpec(
    "prospects",
    (
        Col("prospect_id", checks=(TEXT,), unique=True),
        _name("市外目标企业全称", "the full name of the firm outside the city"),
        Col(  # as written (no geocoding): 上海市, 江苏省, …
            "province",
            checks=(TEXT,),
            imp=Imp(
                "省份",
                "Province",
                "所在省、自治区、直辖市，或国家/地区（不做地理编码）",
                True,
                help_en="its province or municipality, or country or region (not geocoded)",
            ),
        ),
        Col("city", imp=Imp("城市", "City", "所在城市，如 苏州市", help_en="its city, e.g. 苏州市 (Suzhou)")),
        _chains("表十一产业链编号或名称，多个用“;”分隔", "Table 11 chain numbers or names, several separated by ';'"),
        _links(),
        Col(
            "category",
            choices=PROSPECT_CATEGORIES,
            imp=Imp("类别", "Category", _CATEGORY_HELP, True),
            dropdown="choices",
        ),
        Col(
            "status",
            choices=PROSPECT_STATUSES,
            imp=Imp("状态", "Status", "待接触 / 已接触 / 洽谈中 / 已转项目 / 暂缓；空 = 待接触"),
            dropdown="choices",
        ),
        # the area it would land in, '' while open
        Col(
            "area_id",
            imp=Imp("拟落户区域", "Landing area", "县区或功能区名称", code="area", help_en="a county or zone name"),
            dropdown="area",
        ),
        Col("owner", imp=Imp("责任人", "Owner", "负责对接的单位或人员", help_en="the office or person in charge")),
        Col("next_step", imp=Imp("下一步", "Next step", "下一步工作", help_en="the next thing to do")),
        Col(
            "date_added",
            "date",
            imp=Imp(
                "登记日期", "Date added", "YYYY-MM-DD；空 = 导入当日", help_en="YYYY-MM-DD; blank = the day imported"
            ),
        ),
        Col("origin", choices=ORIGINS),
        Col(
            "source",
            checks=(TEXT,),
            imp=Imp(
                "来源",
                "Source",
                "线索来源（如 驻沪招商局）；空 = 文件名和行号",
                help_en="where the lead came from (e.g. the Shanghai office); blank = the file's name and row",
            ),
        ),
    ),
    key=("prospect_id",),
    sheet="目标企业",
    sheet_en="Target firms",
)

# 链长制 (L1091): per chain, two city leaders and one lead department.
CHAIN_LEADS = TableSpec(
    "chain_leads",
    (
        Col("chain_no", "int", _CHAIN_NO, unique=True),
        Col("leader_1"),
        Col("leader_2"),
        Col("department"),
        Col("note"),
    ),
    key=("chain_no",),
)

# 十个一 (L1092): per chain, each item's status, date, document and owner.
CHAIN_TASKS = TableSpec(
    "chain_tasks",
    (
        Col("chain_no", "int", _CHAIN_NO),
        Col("item_no", "int", (Check.in_range(1, 10),)),
        Col("status", choices=TASK_STATUSES),
        Col("date", "date"),
        Col("document"),
        Col("owner"),
    ),
    key=("chain_no", "item_no"),
    unique=("chain_no", "item_no"),
)

# Every stored investment table, in the store's order; the imported ones in the template's order.
SPECS: dict[str, TableSpec] = {
    s.name: s for s in (FIRMS, PROJECTS, CARRIERS, LINKS, ACTUALS, PROSPECTS, CHAIN_LEADS, CHAIN_TASKS)
}
IMPORTED: dict[str, TableSpec] = {s.name: s for s in (FIRMS, PROJECTS, ACTUALS, PROSPECTS)}
