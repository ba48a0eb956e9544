"""Shared fixtures: the bundled dataset and a scratch copy of geodata/ to corrupt."""

from __future__ import annotations

import functools
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from sq_layout import paths
from sq_layout.plan.dataset import Dataset, bundled


@pytest.fixture(scope="session", autouse=True)
def private_workspace(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The CLI reads the workspace: give the test session its own, never the user's."""
    before = os.environ.get("SQ_LAYOUT_DB")
    os.environ["SQ_LAYOUT_DB"] = f"sqlite:///{tmp_path_factory.mktemp('workspace') / 'workspace.sqlite'}"
    yield
    if before is None:
        os.environ.pop("SQ_LAYOUT_DB", None)
    else:
        os.environ["SQ_LAYOUT_DB"] = before


@pytest.fixture(scope="session", autouse=True)
def scan_streamlit_components_once() -> Iterator[None]:
    """Each new AppTest scans every installed distribution's metadata for Streamlit components (≈ 2–3 s here);
    nothing is installed during a test run, so the first scan serves the whole session."""
    from streamlit.components.v2 import manifest_scanner

    patch = pytest.MonkeyPatch()
    patch.setattr(
        manifest_scanner, "scan_component_manifests", functools.cache(manifest_scanner.scan_component_manifests)
    )
    yield
    patch.undo()


@pytest.fixture(scope="session")
def ds() -> Dataset:
    return bundled()


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    """A writable copy of geodata/ (plan tables, plan text and boundaries)."""
    dest = tmp_path / "geodata"
    shutil.copytree(paths.GEODATA, dest)
    return dest


def load_copy(root: Path) -> Dataset:
    """Load a (possibly corrupted) copy of geodata/."""
    from sq_layout.plan.dataset import load_dataset

    return load_dataset(
        plan_dir=root / "plan",
        boundary_dir=root / "boundaries",
        official_dir=root / "boundaries" / "official",
        plan_text=root / "plan" / "plan_text.txt",
    )


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    """One headless Chromium per test process (Playwright's sync API allows one per thread: browser and deploy
    tests share it)."""
    from playwright.sync_api import sync_playwright

    from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield b
        b.close()
