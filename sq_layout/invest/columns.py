"""The columns users fill in (template and CSV): header, code name, required or not, what is expected.

Made from the table specs (sq_layout.tables.invest), where each column is declared once.
"""

from __future__ import annotations

from sq_layout.tables.invest import IMPORTED
from sq_layout.tables.spec import Field

__all__ = ["COORD_LABELS", "KINDS", "SHEETS", "Field", "guess_kind", "header_map"]

KINDS: dict[str, tuple[Field, ...]] = {kind: t.fields() for kind, t in IMPORTED.items()}
SHEETS = {kind: t.sheet for kind, t in IMPORTED.items()}
COORD_LABELS = {"wgs84": "WGS-84", "gcj02": "GCJ-02", "bd09": "BD-09"}


def header_map(kind: str) -> dict[str, str]:
    """Header as written (Chinese, English or code name, case-insensitive) -> code name."""
    return IMPORTED[kind].header_map()


def guess_kind(columns: list[str]) -> str | None:
    """Which table a CSV holds, from its headers (the required ones must all be there)."""
    cols = {c.strip().lower() for c in columns}
    for kind in ("projects", "prospects", "actuals", "firms"):  # most specific first: a project sheet has 产业链 too
        hm = header_map(kind)
        codes = {hm[c] for c in cols if c in hm}
        if all(f.code in codes for f in KINDS[kind] if f.required):
            return kind
    return None
