"""An area's card at any number of areas: the same card whether its plan has 9 areas or hundreds more, read through a
per-area index built once per dataset (no scan of every area on each click)."""

from __future__ import annotations

import dataclasses
import functools
from typing import cast

import pandas as pd
import pytest

from layers.panel import area_html
from sq_layout.analysis.area_summary import area_summary
from sq_layout.analysis.queries import (
    AreaRows,
    area_conflicts,
    area_details,
    area_industries,
    area_lines,
    area_rows,
    parks_in_county,
)
from sq_layout.analysis.views import area_panel
from sq_layout.plan.dataset import Dataset, load_dataset
from tests.national import write_dataset

N_EXTRA = 300  # generated county-level areas added around Suqian's nine


def _index_builds() -> int:
    """How many per-area indexes `area_rows` has built so far (its cache's misses)."""
    kept = cast("functools._lru_cache_wrapper[AreaRows]", area_rows)  # `cached` hands on lru_cache's cache_info
    return kept.cache_info().misses


@pytest.fixture(scope="module")
def larger(ds: Dataset, tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    """Suqian's plan (first, unchanged) plus N_EXTRA real counties elsewhere in China with a generated plan."""
    root = write_dataset(tmp_path_factory.mktemp("national"), N_EXTRA, n_chains=40)
    nat = load_dataset(root / "plan", root / "boundaries", root / "boundaries/official", root / "plan/plan_text.txt")
    shift = int(ds.chains["chain_no"].max())  # generated chains numbered after 表十一's
    subs = nat.subindustries.assign(chain_no=nat.subindustries["chain_no"] + shift)
    chains = nat.chains.assign(chain_no=nat.chains["chain_no"] + shift)
    no_chain = pd.Series(pd.NA, index=nat.conflicts.index, dtype="Int64")
    conflicts = nat.conflicts.assign(conflict_id="G" + nat.conflicts["conflict_id"], chain_no=no_chain)

    def both(a: pd.DataFrame, b: pd.DataFrame) -> pd.DataFrame:
        return pd.concat([a, b.astype({c: a[c].dtype for c in a.columns if c in b.columns})], ignore_index=True)

    return dataclasses.replace(
        ds,
        areas=both(ds.areas, nat.areas),
        industries=both(ds.industries, nat.industries),
        subindustries=both(ds.subindustries, subs),
        chains=both(ds.chains, chains),
        assignments=both(ds.assignments, nat.assignments),
        details=both(ds.details, nat.details),
        conflicts=both(ds.conflicts, conflicts),
        boundaries=pd.concat([ds.boundaries, nat.boundaries.to_crs(ds.boundaries.crs)], ignore_index=True),
    )


def test_suqian_cards_are_the_same_inside_a_larger_plan(ds: Dataset, larger: Dataset) -> None:
    assert len(larger.areas) == len(ds.areas) + N_EXTRA
    for area in ds.areas["area_id"]:
        for lang in ("zh", "en"):
            assert area_html(larger, area, lang) == area_html(ds, area, lang), (area, lang)
            assert area_summary(larger, area, lang) == area_summary(ds, area, lang)
            big, small = area_panel(larger, area, lang), area_panel(ds, area, lang)
            for field in ("industries", "details", "conflicts", "parks", "passages"):
                pd.testing.assert_frame_equal(getattr(big, field), getattr(small, field))
        pd.testing.assert_frame_equal(area_industries(larger, area), area_industries(ds, area))
        pd.testing.assert_frame_equal(area_details(larger, area), area_details(ds, area))
        pd.testing.assert_frame_equal(area_conflicts(larger, area), area_conflicts(ds, area))
        pd.testing.assert_frame_equal(parks_in_county(larger, area), parks_in_county(ds, area))
        assert list(area_lines(larger, area)) == list(area_lines(ds, area))


def test_the_per_area_index_is_built_once_and_holds_each_area_s_own_rows(larger: Dataset) -> None:
    larger = dataclasses.replace(larger)  # a new dataset (caches are per dataset): nothing built for it yet
    before = _index_builds()
    generated = [str(a) for a in larger.areas["area_id"].iloc[9::25]]
    for area in ["sucheng", "hubin", *generated]:
        for lang in ("zh", "en"):
            card, facts = area_html(larger, area, lang)
            assert card and facts
    assert _index_builds() == before + 1  # one index for the dataset, not one scan per card
    rows = area_rows(larger)
    assert rows.ids == set(larger.areas["area_id"])
    for area in generated:
        own = larger.assignments.index[larger.assignments["area_id"] == area]
        assert list(rows.assignment_rows[area]) == list(own)
        assert set(rows.industries.iloc[rows.industry_rows[area]]["area_id"]) == {area}
    # an area the plan assigns nothing to has an empty card, not an error; an unknown id is still refused
    empty = dataclasses.replace(larger, assignments=larger.assignments[larger.assignments["area_id"] != generated[0]])
    assert area_industries(empty, generated[0]).empty
    assert area_summary(empty, generated[0], "en").industries == ()
    assert "<b>0</b>" in area_html(empty, generated[0], "en")[0]
    with pytest.raises(KeyError, match="unknown area: nowhere"):
        area_industries(larger, "nowhere")
