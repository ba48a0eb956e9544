"""The demo set at any size, none included, and the baseline of a plan that names no record of its own: a table with
no rows is an empty table of its own column types."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from layers.invest import points_frame
from sq_layout.invest.demo import DEMO_SOURCE, demo_data
from sq_layout.invest.diagram import chain_diagram
from sq_layout.invest.repository import plan_baseline
from sq_layout.invest.views import InvestFilter, apply_filter
from sq_layout.plan.dataset import Dataset, bundled, load_dataset


@pytest.mark.parametrize(("n_firms", "n_projects", "n_targets"), [(30, 0, 5), (0, 12, 0), (0, 0, 0)])
def test_demo_with_no_rows_of_a_kind_has_the_tables_own_column_types(
    ds: Dataset, n_firms: int, n_projects: int, n_targets: int
) -> None:
    data = demo_data(ds, n_firms, n_projects, n_targets=n_targets)
    full = demo_data(ds, 5, 5, n_targets=2)
    for name, n in (("firms", n_firms), ("projects", n_projects), ("prospects", n_targets)):
        table = getattr(data, name)
        assert len(table) == n
        assert table.dtypes.to_dict() == getattr(full, name).dtypes.to_dict(), name
    firms, projects, carriers = apply_filter(data, InvestFilter(chains=(3,), year=2024))
    assert len(points_frame(firms, projects, carriers)) == len(firms) + len(projects) + len(carriers)
    d = chain_diagram(ds, data, 3)  # every demo record on chain 3 once (one chain and at most one link each)
    shown = pd.concat([*(n.records for n in d.nodes), d.unlinked])
    shown = shown[shown["source"] == DEMO_SOURCE]
    for kind, table in (("firm", data.firms), ("project", data.projects)):
        assert (shown["kind"] == kind).sum() == (table["chains"] == "3").sum(), kind


def test_a_plan_naming_no_record_of_its_own_has_an_empty_typed_baseline(tmp_path: Path) -> None:
    """A generated plan of 24 chains over other counties: none of the bundled plan's named firms, projects or parks
    is on its areas, so its baseline tables are empty, typed as the bundled plan's, and its chains past 20 draw."""
    from tests.national import write_dataset

    root = write_dataset(tmp_path, 6, n_chains=24)
    other = load_dataset(root / "plan", root / "boundaries", root / "boundaries/official", root / "plan/plan_text.txt")
    base, full = plan_baseline(other), plan_baseline(bundled())
    for name in ("firms", "projects", "carriers"):
        assert len(getattr(base, name)) == 0, name
        assert getattr(base, name).dtypes.to_dict() == getattr(full, name).dtypes.to_dict(), name
    d = chain_diagram(other, base, 23)
    assert d.chain_no == 23 and d.nodes == () and len(d.unlinked) == 0
