"""Load the bundled plan tables and boundaries once, validated, into one immutable Dataset."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import geopandas as gpd
import pandas as pd

from sq_layout import paths
from sq_layout.cache import PER_PROCESS, cached
from sq_layout.errors import DataError
from sq_layout.i18n.lang import LANGS, Said
from sq_layout.plan.boundaries import read_boundaries
from sq_layout.plan.tables import check_keys, listed, past_end, read_table, unknown_chains

KEY_WORDS = {"area_id": "area", "industry_id": "industry", "subindustry_id": "sub-industry", "parent_area_id": "area"}


@dataclass(frozen=True, eq=False)  # identity hash: join results are cached per Dataset
class Dataset:
    """Every validated table of the plan plus the area boundaries (WGS-84)."""

    areas: pd.DataFrame
    industries: pd.DataFrame
    subindustries: pd.DataFrame
    chains: pd.DataFrame
    assignments: pd.DataFrame
    details: pd.DataFrame
    conflicts: pd.DataFrame
    plan_figures: pd.DataFrame
    boundaries: gpd.GeoDataFrame
    plan_lines: tuple[str, ...]
    draft: object = False  # True for an unpublished draft: maps and exports say 草案 (object: **frames type-checks)

    def passage(self, line: int) -> str:
        """The plan text at a 1-based line number."""
        return self.plan_lines[line - 1].strip()


def _check_foreign_keys(tables: dict[str, pd.DataFrame], plan_dir: Path) -> None:
    from sq_layout.plan.schemas import FOREIGN_KEYS

    for child, col, parent, key, allow_empty in FOREIGN_KEYS:
        problems = check_keys(tables[child], col, tables[parent][key], allow_empty, KEY_WORDS.get(col, col))
        if problems:
            raise DataError(str(plan_dir / f"{child}.csv"), problems)
    bad = unknown_chains(tables["subindustries"], tables["chains"])
    if bad:
        raise DataError(str(plan_dir / "subindustries.csv"), bad)


def _check_lines(tables: dict[str, pd.DataFrame], n_lines: int, plan_dir: Path) -> None:
    for name in ("assignments", "details", "chains", "plan_figures"):
        problems = past_end(tables[name], n_lines)
        if problems:
            raise DataError(str(plan_dir / f"{name}.csv"), problems)


def _check_boundaries(boundaries: gpd.GeoDataFrame, areas: pd.DataFrame, boundary_dir: Path) -> None:
    known, drawn = set(areas["area_id"]), set(boundaries["area_id"])
    choices = {lang: listed(sorted(known), lang) for lang in LANGS}
    problems = [Said("pi_no_boundary", area=repr(a)) for a in sorted(known - drawn)]
    problems += [Said("pi_unknown_boundary", area=repr(a), known=choices) for a in sorted(drawn - known)]
    if problems:
        raise DataError(str(boundary_dir), problems)


def load_dataset(
    plan_dir: Path = paths.PLAN_DIR,
    boundary_dir: Path = paths.BOUNDARY_DIR,
    official_dir: Path = paths.OFFICIAL_DIR,
    plan_text: Path = paths.PLAN_TEXT,
) -> Dataset:
    """Read, validate and cross-check every bundled file; raise DataError on the first bad file."""
    from sq_layout.plan.schemas import TABLES  # pandera: only files are validated here, not a stored version

    tables = {name: read_table(plan_dir / f"{name}.csv", schema) for name, schema in TABLES.items()}
    _check_foreign_keys(tables, plan_dir)
    lines = tuple(plan_text.read_text(encoding="utf-8").split("\n"))
    _check_lines(tables, len(lines), plan_dir)
    boundaries = read_boundaries(boundary_dir, official_dir)
    _check_boundaries(boundaries, tables["areas"], boundary_dir)
    return Dataset(**tables, boundaries=boundaries, plan_lines=lines)


@cached(1, key=PER_PROCESS, invalidated="the bundled files change only with a new release")
def bundled() -> Dataset:
    """The bundled dataset, loaded once per process."""
    return load_dataset()
