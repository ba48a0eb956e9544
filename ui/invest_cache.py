"""What the investment page derives from one records revision, kept once per process for every session: a new
visitor's first view, or a rerun of any session, reuses it instead of filtering 50,000 records again.

Keyed on the records by identity: an `InvestData` is one records revision (the store keeps one per workspace, version
and revision; a save, by any process, gives a new one), the filter by value.
"""

from __future__ import annotations

import pandas as pd

from sq_layout.cache import cached
from sq_layout.invest.repository import InvestData
from sq_layout.invest.views import InvestFilter, apply_filter

REVISION = "the records (by identity: one records revision) and the other arguments by value"
SAVED = "a records save gives a new InvestData, so new keys; least recently used out"


@cached(8, key=REVISION, invalidated=SAVED)  # a 50,000-record filter result is some MB
def filtered(data: InvestData, flt: InvestFilter) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame]:
    """Firms, projects and carrier parks the filter keeps (apply_filter), once per records revision and filter."""
    return apply_filter(data, flt)


@cached(8, key=REVISION, invalidated=SAVED)
def project_years(data: InvestData) -> tuple[int, ...]:
    """The years any project stage of these records falls in, in order."""
    p = data.projects
    return tuple(sorted({int(y) for c in ("date_signed", "date_started") for y in p[c].dt.year.dropna()}))
