"""Pandera schemas of the investment tables: firms, projects, chain links and yearly actual output.

The record tables are declared once in sq_layout.tables.invest; their schemas are made from those specs here.
"""

from __future__ import annotations

import pandas as pd
import pandera.pandas as pa

from sq_layout.tables import invest as spec
from sq_layout.tables.invest import (  # the choices, re-exported for the pages and readers
    COORD_SYSTEMS,
    LINK_STAGES,
    ORIGINS,
    PROSPECT_CATEGORIES,
    PROSPECT_STATUSES,
    ROLES,
    STAGE_DATES,
    STAGES,
    TASK_STATUSES,
)

__all__ = [
    "ACTUALS",
    "CARRIERS",
    "CHAIN_LEADS",
    "CHAIN_TASKS",
    "COORD_SYSTEMS",
    "FIRMS",
    "LINKS",
    "LINK_STAGES",
    "ORIGINS",
    "PROJECTS",
    "PROSPECTS",
    "PROSPECT_CATEGORIES",
    "PROSPECT_STATUSES",
    "ROLES",
    "STAGES",
    "STAGE_DATES",
    "TARGETS",
    "TASK_STATUSES",
    "empty_table",
]

_TEXT = spec.TEXT

FIRMS = spec.FIRMS.schema()
PROJECTS = spec.PROJECTS.schema()
LINKS = spec.LINKS.schema()
ACTUALS = spec.ACTUALS.schema()
CARRIERS = spec.CARRIERS.schema()
PROSPECTS = spec.PROSPECTS.schema()
CHAIN_LEADS = spec.CHAIN_LEADS.schema()
CHAIN_TASKS = spec.CHAIN_TASKS.schema()

# The plan's “个十百千” targets (a plan file, not a record table).
TARGETS = pa.DataFrameSchema(
    {
        "target_id": pa.Column(str, pa.Check.str_matches(r"^[a-z0-9_]+$"), unique=True),
        "label": pa.Column(str, _TEXT.pandera()),
        "label_en": pa.Column(str, _TEXT.pandera()),
        "measure": pa.Column(str, pa.Check.isin(("count", "investment"))),
        "stage": pa.Column(str, pa.Check.isin(STAGES)),
        "threshold_yi": pa.Column(float, pa.Check.ge(0)),
        "per_year": pa.Column(str, pa.Check.str_matches(r"^(\d+(\.\d+)?|per_day)$")),
        "unit": pa.Column(str, _TEXT.pandera()),
        "line": pa.Column(int, pa.Check.ge(1)),
        "quote": pa.Column(str, _TEXT.pandera()),
        "reading": pa.Column(str, _TEXT.pandera()),
    },
    strict=True,
    coerce=True,
)


def empty_table(schema: pa.DataFrameSchema) -> pd.DataFrame:
    """A table with the schema's columns and no rows."""
    return pd.DataFrame({c: pd.Series(dtype=str(col.dtype)) for c, col in schema.columns.items()})
