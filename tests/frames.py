"""Typed reads of data frames in tests: pandas-stubs types a looked-up cell as any scalar at all, a test knows which."""

from __future__ import annotations

from collections.abc import Hashable
from numbers import Real

import pandas as pd


def row(df: pd.DataFrame, key: Hashable) -> pd.Series:
    """The one row of `df` whose index label is `key` (a whole tuple on a MultiIndex); AssertionError if not one."""
    found = df.loc[[key]]
    assert len(found) == 1, f"{key!r} names {len(found)} rows, not one"
    return found.iloc[0]


def text(value: object) -> str:
    """`value` as the text it is; AssertionError if it is not text."""
    assert isinstance(value, str), f"{value!r} is not text"
    return value


def number(value: object) -> float:
    """`value` (a Python or NumPy int or float, not a bool) as a float; AssertionError if it is not a number."""
    assert isinstance(value, Real) and not isinstance(value, bool), f"{value!r} is not a number"
    return float(value)


def listed(value: object) -> list[object]:
    """`value` as the list it is (a cell holding a list); AssertionError if it is not a list."""
    assert isinstance(value, list), f"{value!r} is not a list"
    return value
