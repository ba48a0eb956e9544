"""The explorer's overlap tab at scale: heat map and pairs limited to the top areas, counts kept over all areas."""

from __future__ import annotations

import json
from typing import Any

import pytest

from sq_layout.analysis.overlap import hosts_per_chain
from sq_layout.plan.dataset import Dataset, load_dataset
from tests.national import write_dataset
from ui.overlap_tab import CAP_AREAS, CAP_CHAINS, overlap_content, top_areas


@pytest.fixture(scope="module")
def national(tmp_path_factory: pytest.TempPathFactory) -> Dataset:
    root = write_dataset(tmp_path_factory.mktemp("national"), 120, n_chains=60)
    return load_dataset(root / "plan", root / "boundaries", root / "boundaries/official", root / "plan/plan_text.txt")


def _axis(spec: dict[str, Any], field: str) -> set[Any]:
    return {row[field] for row in spec["data"]["values"]}


def test_overlap_is_capped_at_scale_and_keeps_counts_over_all_areas(national: Dataset) -> None:
    ds = national
    chains = tuple(int(c) for c in ds.chains["chain_no"])
    last = str(ds.areas["area_id"].iloc[-1])
    bar_json, matrix_json, pairs, capped = overlap_content(ds, chains, "en", last)
    assert capped
    bar, matrix = json.loads(bar_json), json.loads(matrix_json)
    assert len(bar["data"]["values"]) == CAP_CHAINS
    full = hosts_per_chain(ds, chains).set_index("name_en")["n_hosts"]
    assert all(row["n_hosts"] == full[row["chain"]] for row in bar["data"]["values"])  # scope: all areas
    assert min(r["n_hosts"] for r in bar["data"]["values"]) >= sorted(full, reverse=True)[CAP_CHAINS - 1]
    shown = _axis(matrix, "area_id")
    assert len(shown) == CAP_AREAS and last in shown  # the selected area is always among them
    assert shown == set(top_areas(ds, chains, last))
    names = ds.areas.set_index("area_id")["name_en"]
    assert set(pairs["area_a"]) | set(pairs["area_b"]) <= {names[a] for a in shown}
    assert list(pairs["n_shared"]) == sorted(pairs["n_shared"], reverse=True)


def test_nine_areas_are_not_capped(ds: Dataset) -> None:
    chains = tuple(int(c) for c in ds.chains["chain_no"])
    bar_json, matrix_json, pairs, capped = overlap_content(ds, chains, "zh", None)
    assert not capped
    assert len(_axis(json.loads(matrix_json), "area_id")) == len(ds.areas)
    assert len(json.loads(bar_json)["data"]["values"]) == len(chains)
    assert len(pairs) > 0
