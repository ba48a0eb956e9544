"""compare() reads hosts and industries straight off the assignments; they must be what the joined facts say."""

from __future__ import annotations

from dataclasses import replace

import pandas as pd
import pytest

from sq_layout.analysis.compare import _hosts, _industries, compare
from sq_layout.analysis.overlap import hosts_per_chain
from sq_layout.plan.dataset import Dataset, bundled
from sq_layout.plan.join import assignment_facts


def _variants() -> dict[str, Dataset]:
    ds = bundled()
    a = ds.assignments
    level = a[a["subindustry_id"].fillna("") == ""]
    no_chain = ds.subindustries.assign(chain_no=pd.array([pd.NA] * len(ds.subindustries), dtype="Int64"))
    return {
        "bundled": ds,
        "every other assignment": replace(ds, assignments=a.iloc[::2].reset_index(drop=True)),
        "industry-level only": replace(ds, assignments=level.reset_index(drop=True)),
        "a chain dropped": replace(ds, chains=ds.chains.iloc[1:].reset_index(drop=True)),
        "no sub-industry chains": replace(ds, subindustries=no_chain),
    }


@pytest.mark.parametrize("name", list(_variants()))
def test_hosts_and_industries_match_the_joined_facts(name: str) -> None:
    ds = _variants()[name]
    per = hosts_per_chain(ds)
    expected = {int(c): set(h) for c, h in zip(per["chain_no"], per["hosts"], strict=True)}
    assert _hosts(ds) == expected
    assert any(expected.values()) or name == "no sub-industry chains" or name == "industry-level only"
    facts = assignment_facts(ds)
    assert _industries(ds) == {str(k): set(v) for k, v in facts.groupby("area_id")["industry_id"]}


def test_compare_names_what_moved() -> None:
    ds = bundled()
    a = ds.assignments
    moved = a.iloc[1:].reset_index(drop=True)
    area = str(a["area_id"].iloc[0])
    cmp = compare(ds, replace(ds, assignments=moved))
    lost = {str(x) for x in a[a["area_id"] == area]["industry_id"]} - {
        str(x) for x in moved[moved["area_id"] == area]["industry_id"]
    }
    row = cmp.areas.set_index("area_id").loc[area]
    assert set(row["lost"]) == lost and row["gained"] == []
    assert not compare(ds, bundled()).changed
