"""Pandera schemas for the plan tables in geodata/plan/ (made from sq_layout.tables.plan) and their cross-table key
checks."""

from __future__ import annotations

import pandera.pandas as pa

from sq_layout.tables import plan as spec
from sq_layout.tables.plan import (  # the choices, re-exported for the readers and pages
    AREA_KINDS,
    ASSIGNMENT_SOURCES,
    DETAIL_KINDS,
    GEOMETRY_QUALITY,
    OTHER_SOURCES,
    SOURCES,
    TIERS,
)

__all__ = [
    "AREAS",
    "AREA_KINDS",
    "ASSIGNMENTS",
    "ASSIGNMENT_SOURCES",
    "CHAINS",
    "CONFLICTS",
    "DETAILS",
    "DETAIL_KINDS",
    "FOREIGN_KEYS",
    "GEOMETRY_QUALITY",
    "INDUSTRIES",
    "OTHER_SOURCES",
    "PLAN_FIGURES",
    "SOURCES",
    "SUBINDUSTRIES",
    "TABLES",
    "TIERS",
]

# The plan tables' schemas, made from their specs (sq_layout.tables.plan); the boundaries are checked on their own.
TABLES: dict[str, pa.DataFrameSchema] = {name: t.schema() for name, t in spec.SPECS.items() if name != "boundaries"}
AREAS, INDUSTRIES, SUBINDUSTRIES, CHAINS = (TABLES[n] for n in ("areas", "industries", "subindustries", "chains"))
ASSIGNMENTS, DETAILS, CONFLICTS, PLAN_FIGURES = (
    TABLES[n] for n in ("assignments", "details", "conflicts", "plan_figures")
)

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
