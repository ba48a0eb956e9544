"""Pandera schemas for the plan tables in geodata/plan/ and their cross-table key checks."""

from __future__ import annotations

from typing import Any

import numpy as np
import pandera.pandas as pa

SOURCES = ("table10", "ch4", "ch5")  # passages of the plan text: a line and a quote standing on it
# Sources outside the plan text (an assignment decided at a meeting, by a document): a reference, no line (0), no quote
OTHER_SOURCES = ("meeting", "document")
ASSIGNMENT_SOURCES = SOURCES + OTHER_SOURCES
TIERS = ("dominant", "leading")
AREA_KINDS = ("county", "zone")
DETAIL_KINDS = ("product", "carrier", "town", "firm", "note")
GEOMETRY_QUALITY = ("official", "derived", "schematic")

_ID = r"^[a-z][a-z0-9_]*$"
_OPT_ID = r"^([a-z][a-z0-9_]*)?$"
_LINE = pa.Column(int, pa.Check.ge(1), coerce=True)
# inf and NaN parse as floats; a plan figure is always a finite number
_FINITE = pa.Check(lambda s: np.isfinite(s.astype(float)), error="a finite number (not inf or nan)")


def _text(**kw: Any) -> pa.Column:
    return pa.Column(str, pa.Check.str_length(min_value=1), **kw)


def _opt(**kw: Any) -> pa.Column:
    return pa.Column(str, **kw)


AREAS = pa.DataFrameSchema(
    {
        "area_id": pa.Column(str, pa.Check.str_matches(_ID), unique=True),
        "name": _text(unique=True),
        "short_name": _text(),
        "name_en": _text(unique=True),  # English names are typed as ids on the command line
        "short_name_en": _text(),
        "kind": pa.Column(str, pa.Check.isin(AREA_KINDS)),
        "adcode": pa.Column(str, pa.Check.str_matches(r"^(\d{6})?$")),
        "stat_code": pa.Column(str, pa.Check.str_matches(r"^(\d{6}|\d{9})?$")),
        "parent_area_id": _opt(),
        "parent_basis": _opt(),
        "name_variants": _opt(),
    },
    strict=True,
)

INDUSTRIES = pa.DataFrameSchema(
    {
        "industry_id": pa.Column(str, pa.Check.str_matches(_ID), unique=True),
        "name": _text(unique=True),
        "name_en": _text(unique=True),  # English names are typed as ids on the command line
        "tier": pa.Column(str, pa.Check.isin(TIERS)),
        "color": pa.Column(str, pa.Check.str_matches(r"^#[0-9A-Fa-f]{6}$"), unique=True),
        "target_2025_yi": pa.Column(float, [pa.Check.gt(0), _FINITE], coerce=True),
        "target_source": _text(),
        "target_line": _LINE,
    },
    strict=True,
)

SUBINDUSTRIES = pa.DataFrameSchema(
    {
        "subindustry_id": pa.Column(str, pa.Check.str_matches(_ID), unique=True),
        "industry_id": pa.Column(str),
        "name": _text(unique=True),
        "name_en": _text(unique=True),  # English names are typed as ids on the command line
        "chain_no": pa.Column("Int64", pa.Check.ge(1), nullable=True, coerce=True),
        "chain_relation": pa.Column(str, pa.Check.isin(("same", "broader", ""))),
        "target_2025_yi": pa.Column(float, [pa.Check.gt(0), _FINITE], nullable=True, coerce=True),
        "target_line": pa.Column("Int64", pa.Check.ge(1), nullable=True, coerce=True),
    },
    strict=True,
)

CHAINS = pa.DataFrameSchema(
    {
        "chain_no": pa.Column(int, pa.Check.ge(1), unique=True, coerce=True),
        "name": _text(unique=True),
        "name_en": _text(unique=True),  # English names are typed as ids on the command line
        "tier_as_printed": pa.Column(str, pa.Check.isin(("主导产业", "先导产业"))),
        "industry_as_printed": _text(),
        "subindustry_as_printed": _text(),
        "industry_id": pa.Column(str),
        "output_2020_yi": pa.Column(float, [pa.Check.ge(0), _FINITE], coerce=True),
        "target_2023_yi": pa.Column(float, [pa.Check.ge(0), _FINITE], coerce=True),
        "target_2025_yi": pa.Column(float, [pa.Check.ge(0), _FINITE], coerce=True),
        "line": _LINE,
    },
    strict=True,
)

ASSIGNMENTS = pa.DataFrameSchema(
    {
        "area_id": pa.Column(str),
        "industry_id": pa.Column(str),
        "subindustry_id": _opt(),
        "source": pa.Column(str, pa.Check.isin(ASSIGNMENT_SOURCES)),
        "ref": _text(),
        "line": pa.Column(int, pa.Check.ge(0), coerce=True),  # 0: not from the plan text (OTHER_SOURCES)
        "position": pa.Column(int, pa.Check.ge(1), coerce=True),
        "area_as_written": _text(),
        "quote": _opt(),  # required, and standing on its line, for SOURCES (plan_check, edit_check)
        "note": _opt(),
    },
    strict=True,
)

DETAILS = pa.DataFrameSchema(
    {
        "area_id": pa.Column(str),
        "industry_id": _opt(),
        "subindustry_id": _opt(),
        "kind": pa.Column(str, pa.Check.isin(DETAIL_KINDS)),
        "text": _text(),
        "source": pa.Column(str, pa.Check.isin(SOURCES)),
        "line": _LINE,
    },
    strict=True,
)

CONFLICTS = pa.DataFrameSchema(
    {
        "conflict_id": pa.Column(str, pa.Check.str_matches(r"^C\d{2,}$"), unique=True),
        "kind": _text(),
        "area_id": _opt(),
        "industry_id": _opt(),
        "subindustry_id": _opt(),
        "chain_no": pa.Column("Int64", nullable=True, coerce=True),
        "lines": pa.Column(str, pa.Check.str_matches(r"^\d+(;\d+)*$")),
        "description": _text(),
        "description_en": _text(),
    },
    strict=True,
)

PLAN_FIGURES = pa.DataFrameSchema(
    {
        "figure_id": pa.Column(str, pa.Check.str_matches(r"^[A-Za-z0-9_]+$"), unique=True),
        "source": pa.Column(str, pa.Check.isin(("table9", "table11", "ch4"))),
        "ref": _text(),
        "subject": _text(),
        "measure": pa.Column(str, pa.Check.isin(("output_2020", "target_2023", "target_2025", "cagr_2020_2025"))),
        "value": pa.Column(float, _FINITE, coerce=True),
        "unit": pa.Column(str, pa.Check.isin(("亿元", "%"))),
        "line": _LINE,
        "as_printed": _text(),
    },
    strict=True,
)

TABLES: dict[str, pa.DataFrameSchema] = {
    "areas": AREAS,
    "industries": INDUSTRIES,
    "subindustries": SUBINDUSTRIES,
    "chains": CHAINS,
    "assignments": ASSIGNMENTS,
    "details": DETAILS,
    "conflicts": CONFLICTS,
    "plan_figures": PLAN_FIGURES,
}

# (table, column) -> (table, key column, may be empty)
FOREIGN_KEYS: list[tuple[str, str, str, str, bool]] = [
    ("areas", "parent_area_id", "areas", "area_id", True),
    ("subindustries", "industry_id", "industries", "industry_id", False),
    ("chains", "industry_id", "industries", "industry_id", False),
    ("assignments", "area_id", "areas", "area_id", False),
    ("assignments", "industry_id", "industries", "industry_id", False),
    ("assignments", "subindustry_id", "subindustries", "subindustry_id", True),
    ("details", "area_id", "areas", "area_id", False),
    ("details", "industry_id", "industries", "industry_id", True),
    ("details", "subindustry_id", "subindustries", "subindustry_id", True),
    ("conflicts", "area_id", "areas", "area_id", True),
    ("conflicts", "industry_id", "industries", "industry_id", True),
    ("conflicts", "subindustry_id", "subindustries", "subindustry_id", True),
]
