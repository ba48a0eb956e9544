"""Shared fixtures for the investment tests: the bundled Dataset and the plan's chain links."""

from __future__ import annotations

import pandas as pd
import pytest

from sq_layout.invest.seed import read_links
from sq_layout.plan.dataset import Dataset, bundled


@pytest.fixture(scope="session")
def ds() -> Dataset:
    return bundled()


@pytest.fixture(scope="session")
def links() -> pd.DataFrame:
    return read_links()
