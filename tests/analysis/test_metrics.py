"""Metrics on small hand-made tables whose answers are worked out by hand."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from sq_layout.analysis.metrics import cagr, chain_spread, jaccard_matrix, top_pairs

# A hosts x, y; B hosts y, z; C hosts nothing; D hosts x, y.
M = pd.DataFrame({"x": [1, 0, 0, 1], "y": [1, 1, 0, 1], "z": [0, 1, 0, 0]}, index=["A", "B", "C", "D"], dtype=bool)


def test_jaccard_by_hand() -> None:
    j = jaccard_matrix(M)
    assert j.loc["A", "B"] == pytest.approx(1 / 3)  # {y} / {x, y, z}
    assert j.loc["A", "D"] == pytest.approx(1.0)
    assert j.loc["B", "D"] == pytest.approx(1 / 3)
    assert j.loc["A", "C"] == 0 and j.loc["C", "C"] == 0  # empty portfolios are similar to nothing
    assert j.loc["A", "A"] == 1
    assert np.allclose(j.to_numpy(), j.to_numpy().T)


def test_top_pairs_orders_by_similarity_without_self_pairs() -> None:
    pairs = top_pairs(jaccard_matrix(M), 3)
    assert (pairs.at[0, "a"], pairs.at[0, "b"]) == ("A", "D")
    assert pairs["similarity"].tolist()[:3] == pytest.approx([1.0, 1 / 3, 1 / 3])
    assert not (pairs["a"] == pairs["b"]).any()


def test_cagr_by_hand() -> None:
    assert cagr(100, 200, 5) == pytest.approx(2**0.2 - 1)
    assert cagr(100, 121, 2) == pytest.approx(0.10)
    assert cagr(144.53, 120, 3) < 0
    assert math.isnan(cagr(0, 5, 2)) and math.isnan(cagr(-1, 5, 2))
    arr = cagr(np.array([100.0, 50.0]), np.array([100.0, 200.0]), 2)
    assert isinstance(arr, np.ndarray) and arr.tolist() == pytest.approx([0.0, 1.0])


def test_chain_spread_with_borders_and_nesting() -> None:
    pairs = pd.DataFrame({"a": ["A", "B"], "b": ["D", "D"], "relation": ["border", "nested"]})
    spread = chain_spread(M, pairs).set_index("item")
    assert spread.loc["y", "n_hosts"] == 3 and spread.loc["y", "hosts"] == ["A", "B", "D"]
    assert spread.loc["y", "border_pairs"] == [("A", "D")]
    assert spread.loc["y", "nested_pairs"] == [("B", "D")]
    assert spread.loc["z", "n_hosts"] == 1 and spread.loc["z", "border_pairs"] == []
