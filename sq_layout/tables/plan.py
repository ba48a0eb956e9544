"""The plan's record tables, each declared once: areas, industries, sub-industries, chains, assignments, details,
conflicts, the plan's figures, and the boundaries' attributes.

From these come the pandera schemas (sq_layout.plan.schemas), the store's tables (sq_layout.store.tables) and the plan
template's drop-downs (sq_layout.imports.plan_template). The sheets and CSVs are headed by the column names; pages and
exports head them by each column's zh/en header, declared here (sq_layout.i18n.HEADERS reads them).
"""

from __future__ import annotations

from dataclasses import replace

import numpy as np

from sq_layout.tables.spec import Check, Col, TableSpec

SOURCES = ("table10", "ch4", "ch5")  # passages of the plan text: a line and a quote standing on it
# Sources outside the plan text (an assignment decided at a meeting, by a document): a reference, no line (0), no quote
OTHER_SOURCES = ("meeting", "document")
ASSIGNMENT_SOURCES = SOURCES + OTHER_SOURCES
TIERS = ("dominant", "leading")
AREA_KINDS = ("county", "zone")
DETAIL_KINDS = ("product", "carrier", "town", "firm", "note")
GEOMETRY_QUALITY = ("official", "derived", "schematic")

_ID = Check.str_matches(r"^[a-z][a-z0-9_]*$")
_TEXT = Check.str_length(min_value=1)
_POSITIVE = Check.ge(1)
# inf and NaN parse as floats; a plan figure is always a finite number
_FINITE = Check.where(lambda s: np.isfinite(s.astype(float)), error="a finite number (not inf or nan)")
_AMOUNT = (Check.ge(0), _FINITE)
# float and nullable int columns may be NULL in the store (migration 0001)
_DB_NULLABLE = frozenset({"float", "Int64"})


def _text(name: str, unique: bool = False) -> Col:
    return Col(name, checks=(_TEXT,), unique=unique)


def _line(name: str = "line") -> Col:
    return Col(name, "int", (_POSITIVE,), coerce=True)


def _ref(name: str, sheet: str) -> Col:
    """A column whose values are another sheet's ids (the template offers them as a drop-down)."""
    return Col(name, dropdown=f"{sheet}.{name}")


# Each plan column's header on pages and in exports (zh, en): one per column name, as a page names it whatever table
# it comes from; `_plan` gives it to every column of that name.
_HEADERS: dict[str, tuple[str, str]] = {
    "area_id": ("地区编号", "Area ID"),
    "name": ("名称", "Name"),
    "short_name": ("简称", "Short name (Chinese)"),
    "name_en": ("英文名称", "English name"),
    "short_name_en": ("英文简称", "Short name"),
    "kind": ("类型", "Kind"),
    "adcode": ("行政区划代码", "Administrative code"),
    "stat_code": ("统计用区划代码", "Statistical code"),
    "parent_area_id": ("所属地区编号", "Parent area ID"),
    "parent_basis": ("所属依据", "Parent basis"),
    "name_variants": ("其他写法", "Other spellings"),
    "industry_id": ("产业编号", "Industry ID"),
    "tier": ("层级", "Tier"),
    "color": ("颜色", "Colour"),
    "target_2025_yi": ("2025年目标（亿元）", "2025 target (100m yuan)"),
    "target_source": ("目标出处", "Target source"),
    "target_line": ("目标所在行", "Target line"),
    "subindustry_id": ("细分产业编号", "Sub-industry ID"),
    "chain_no": ("产业链序号", "Chain no."),
    "chain_relation": ("与产业链关系", "Relation to the chain"),
    "tier_as_printed": ("层级（原文）", "Tier as printed"),
    "industry_as_printed": ("产业（原文）", "Industry as printed"),
    "subindustry_as_printed": ("细分产业（原文）", "Sub-industry as printed"),
    "output_2020_yi": ("2020年产值（亿元）", "2020 output (100m yuan)"),
    "target_2023_yi": ("2023年目标（亿元）", "2023 target (100m yuan)"),
    "line": ("规划行号", "Plan line"),
    "source": ("出处", "Source"),
    "ref": ("出处说明", "Reference"),
    "position": ("顺序", "Position"),
    "area_as_written": ("地区（原文）", "Area as written"),
    "quote": ("规划原文", "Plan text"),
    "note": ("说明", "Note"),
    "text": ("内容", "Text"),
    "conflict_id": ("矛盾编号", "Conflict ID"),
    "lines": ("行号", "Lines"),
    "description": ("说明", "Description"),
    "description_en": ("英文说明", "Description (English)"),
    "figure_id": ("数字编号", "Figure ID"),
    "subject": ("对象", "Subject"),
    "measure": ("指标", "Measure"),
    "value": ("数值", "Value"),
    "unit": ("单位", "Unit"),
    "as_printed": ("原文写法", "As printed"),
    "geometry_quality": ("边界性质", "Outline"),
    "geometry_source": ("边界来源", "Outline source"),
    "geometry_date": ("边界日期", "Outline date"),
    "geometry_file": ("边界文件", "Outline file"),
}


def _plan(name: str, *columns: Col, key: str = "") -> TableSpec:
    headed = tuple(replace(c, header=_HEADERS[c.name][0], header_en=_HEADERS[c.name][1]) for c in columns)
    return TableSpec(name, headed, key=(key,) if key else (), db_nullable=_DB_NULLABLE)


AREAS = _plan(
    "areas",
    Col("area_id", checks=(_ID,), unique=True),
    _text("name", unique=True),
    _text("short_name"),
    _text("name_en", unique=True),  # English names are typed as ids on the command line
    _text("short_name_en"),
    Col("kind", choices=AREA_KINDS, dropdown="choices"),
    Col("adcode", checks=(Check.str_matches(r"^(\d{6})?$"),)),
    Col("stat_code", checks=(Check.str_matches(r"^(\d{6}|\d{9})?$"),)),
    Col("parent_area_id", dropdown="areas.area_id"),
    Col("parent_basis"),
    Col("name_variants"),
)

INDUSTRIES = _plan(
    "industries",
    Col("industry_id", checks=(_ID,), unique=True),
    _text("name", unique=True),
    _text("name_en", unique=True),
    Col("tier", choices=TIERS, dropdown="choices"),
    Col("color", checks=(Check.str_matches(r"^#[0-9A-Fa-f]{6}$"),), unique=True),
    Col("target_2025_yi", "float", (Check.gt(0), _FINITE), coerce=True),
    _text("target_source"),
    _line("target_line"),
)

SUBINDUSTRIES = _plan(
    "subindustries",
    Col("subindustry_id", checks=(_ID,), unique=True),
    _ref("industry_id", "industries"),
    _text("name", unique=True),
    _text("name_en", unique=True),
    Col("chain_no", "Int64", (_POSITIVE,), coerce=True, dropdown="chains.chain_no"),
    Col("chain_relation", choices=("same", "broader", "")),
    Col("target_2025_yi", "float", (Check.gt(0), _FINITE), nullable=True, coerce=True),
    Col("target_line", "Int64", (_POSITIVE,), coerce=True),
)

CHAINS = _plan(
    "chains",
    Col("chain_no", "int", (_POSITIVE,), unique=True, coerce=True),
    _text("name", unique=True),
    _text("name_en", unique=True),
    Col("tier_as_printed", choices=("主导产业", "先导产业")),
    _text("industry_as_printed"),
    _text("subindustry_as_printed"),
    _ref("industry_id", "industries"),
    Col("output_2020_yi", "float", _AMOUNT, coerce=True),
    Col("target_2023_yi", "float", _AMOUNT, coerce=True),
    Col("target_2025_yi", "float", _AMOUNT, coerce=True),
    _line(),
)

ASSIGNMENTS = _plan(
    "assignments",
    _ref("area_id", "areas"),
    _ref("industry_id", "industries"),
    _ref("subindustry_id", "subindustries"),
    # the drop-down offers the plan's passages; meeting/document are typed
    Col("source", choices=ASSIGNMENT_SOURCES, dropdown=SOURCES),
    _text("ref"),
    Col("line", "int", (Check.ge(0),), coerce=True),  # 0: not from the plan text (OTHER_SOURCES)
    Col("position", "int", (_POSITIVE,), coerce=True),
    _text("area_as_written"),
    Col("quote"),  # required, and standing on its line, for SOURCES (plan_check, edit_check)
    Col("note"),
)

DETAILS = _plan(
    "details",
    _ref("area_id", "areas"),
    _ref("industry_id", "industries"),
    _ref("subindustry_id", "subindustries"),
    Col("kind", choices=DETAIL_KINDS, dropdown="choices"),
    _text("text"),
    Col("source", choices=SOURCES, dropdown="choices"),
    _line(),
    Col("quote"),  # the sentence of its line holding the text, verbatim (migration 0010); '' when none was given
)

CONFLICTS = _plan(
    "conflicts",
    Col("conflict_id", checks=(Check.str_matches(r"^C\d{2,}$"),), unique=True),
    _text("kind"),
    _ref("area_id", "areas"),
    Col("industry_id"),
    Col("subindustry_id"),
    Col("chain_no", "Int64", coerce=True),
    Col("lines", checks=(Check.str_matches(r"^\d+(;\d+)*$"),)),
    _text("description"),
    _text("description_en"),
)

PLAN_FIGURES = _plan(
    "plan_figures",
    Col("figure_id", checks=(Check.str_matches(r"^[A-Za-z0-9_]+$"),), unique=True),
    Col("source", choices=("table9", "table11", "ch4")),
    _text("ref"),
    _text("subject"),
    Col("measure", choices=("output_2020", "target_2023", "target_2025", "cagr_2020_2025")),
    Col("value", "float", (_FINITE,), coerce=True),
    Col("unit", choices=("亿元", "%")),
    _line(),
    _text("as_printed"),
)

# The boundaries' attributes (their geometry is a column of its own in the store; sq_layout.plan.boundaries checks it).
BOUNDARIES = _plan(
    "boundaries",
    *(Col(c) for c in ("area_id", "adcode", "name", "geometry_quality", "source", "geometry_source")),
    *(Col(c) for c in ("geometry_date", "geometry_file")),
)

# The plan's tables in the order of the bundle, the template and the store.
SPECS: dict[str, TableSpec] = {
    s.name: s
    for s in (AREAS, INDUSTRIES, SUBINDUSTRIES, CHAINS, ASSIGNMENTS, DETAILS, CONFLICTS, PLAN_FIGURES, BOUNDARIES)
}
# The plan columns' headers by column name, for sq_layout.i18n's header lookup.
HEADERS: dict[str, dict[str, str]] = {
    c.name: {"zh": c.header, "en": c.header_en} for spec in SPECS.values() for c in spec.columns
}
