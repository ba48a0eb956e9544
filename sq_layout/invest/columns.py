"""The columns users fill in (template and CSV): Chinese header, code name, required or not, what is expected."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Field:
    """One column of an import sheet."""

    code: str
    header: str
    required: bool
    help: str


_LOCATION = (
    Field("chains", "产业链", True, "表十一产业链编号或名称，多个用“;”分隔，如 3 或 晶硅光伏"),
    Field("links", "环节", False, "该链已登记的环节名称，多个用“;”分隔"),
    Field("area", "区域", False, "县区或功能区名称，如 泗洪县、宿迁经开区；与坐标不符时标记"),
    Field("carrier", "载体", False, "载体园区名称；无坐标时据此或区域定位（近似）"),
    Field("lon", "经度", False, "按文件声明的坐标系（WGS-84 / GCJ-02 / BD-09），与纬度同填或同空"),
    Field("lat", "纬度", False, "同上"),
)

FIRM_FIELDS = (
    Field("name", "企业名称", True, "企业全称"),
    Field("credit_code", "统一社会信用代码", False, "18位，按 GB 32100-2015 校验位检查"),
    Field("role", "角色", False, "链主 / 龙头 / 配套"),
    *_LOCATION,
)

PROJECT_FIELDS = (
    Field("name", "项目名称", True, "项目名称"),
    Field("firm", "企业", False, "实施企业名称"),
    Field("investment_yi", "总投资（亿元）", True, "有限数值，≥0"),
    Field("stage", "阶段", True, "线索 / 在谈 / 储备 / 签约 / 开工 / 竣工 / 投产"),
    Field("date_lead", "线索日期", False, "YYYY-MM-DD；各阶段日期不得倒序，当前阶段之后的日期留空"),
    Field("date_talks", "在谈日期", False, "YYYY-MM-DD"),
    Field("date_reserve", "储备日期", False, "YYYY-MM-DD"),
    Field("date_signed", "签约日期", False, "YYYY-MM-DD"),
    Field("date_started", "开工日期", False, "YYYY-MM-DD"),
    Field("date_completed", "竣工日期", False, "YYYY-MM-DD"),
    Field("date_operating", "投产日期", False, "YYYY-MM-DD"),
    *_LOCATION,
)

ACTUAL_FIELDS = (
    Field("chain", "产业链", True, "表十一产业链编号或名称（一行一条链）"),
    Field("year", "年份", True, "2020–2030"),
    Field("area", "区域", False, "空 = 全市口径（表十一目标的口径）"),
    Field("output_yi", "产值（亿元）", True, "有限数值，≥0"),
    Field("source", "来源", False, "统计口径或出处"),
)

PROSPECT_FIELDS = (
    Field("name", "企业名称", True, "市外目标企业全称"),
    Field("province", "省份", True, "所在省、自治区、直辖市，或国家/地区（不做地理编码）"),
    Field("city", "城市", False, "所在城市，如 苏州市"),
    Field("chains", "产业链", True, "表十一产业链编号或名称，多个用“;”分隔"),
    Field("links", "环节", False, "该链已登记的环节名称，多个用“;”分隔"),
    Field(
        "category",
        "类别",
        True,
        "央企国企（规划第871、872行）/ 长三角（第871、1210行）/ 珠三角（第871行）/ 苏州对口（第1208行）/ "
        "跨国公司（第872行）/ 技术攻关（第1211行）/ 其他",
    ),
    Field("status", "状态", False, "待接触 / 已接触 / 洽谈中 / 已转项目 / 暂缓；空 = 待接触"),
    Field("area", "拟落户区域", False, "县区或功能区名称"),
    Field("owner", "责任人", False, "负责对接的单位或人员"),
    Field("next_step", "下一步", False, "下一步工作"),
    Field("date_added", "登记日期", False, "YYYY-MM-DD；空 = 导入当日"),
    Field("source", "来源", False, "线索来源（如 驻沪招商局）；空 = 文件名和行号"),
)

KINDS = {"firms": FIRM_FIELDS, "projects": PROJECT_FIELDS, "actuals": ACTUAL_FIELDS, "prospects": PROSPECT_FIELDS}
SHEETS = {"firms": "企业", "projects": "项目", "actuals": "实际产值", "prospects": "目标企业"}
COORD_LABELS = {"wgs84": "WGS-84", "gcj02": "GCJ-02", "bd09": "BD-09"}


def header_map(kind: str) -> dict[str, str]:
    """Header as written (Chinese or code name, case-insensitive) -> code name."""
    out = {}
    for f in KINDS[kind]:
        out[f.header.lower()] = f.code
        out[f.code.lower()] = f.code
    return out


def guess_kind(columns: list[str]) -> str | None:
    """Which table a CSV holds, from its headers (the required ones must all be there)."""
    cols = {c.strip().lower() for c in columns}
    for kind in ("projects", "prospects", "actuals", "firms"):  # most specific first: a project sheet has 产业链 too
        hm = header_map(kind)
        codes = {hm[c] for c in cols if c in hm}
        if all(f.code in codes for f in KINDS[kind] if f.required):
            return kind
    return None
