"""The plan tables' column headers live in their specs: every column has both, one per column name, and the pages'
header lookup (sq_layout.i18n.HEADERS) gives exactly those."""

from __future__ import annotations

from sq_layout import i18n
from sq_layout.i18n import codes, shown
from sq_layout.tables.plan import SPECS


def test_every_plan_column_has_its_headers_in_both_languages() -> None:
    unheaded = [(s.name, c.name) for s in SPECS.values() for c in s.columns if not (c.header and c.header_en)]
    assert unheaded == []
    by_name: dict[str, set[tuple[str, str]]] = {}
    for spec in SPECS.values():
        for c in spec.columns:
            by_name.setdefault(c.name, set()).add((c.header, c.header_en))
    assert {n: h for n, h in by_name.items() if len(h) > 1} == {}  # a page names a column one way


def test_the_header_lookup_of_plan_columns_is_the_specs() -> None:
    columns = {c.name: c for spec in SPECS.values() for c in spec.columns}
    assert {n: i18n.HEADERS[n] for n in columns} == {n: {"zh": c.header, "en": c.header_en} for n, c in columns.items()}
    assert i18n.headers(["area_id", "no_such_column"], "en") == {"area_id": columns["area_id"].header_en}
    # one source: the string tables no longer hold a plan column's header
    assert sorted(set(columns) & (set(codes.HEADERS) | set(shown.COLUMNS))) == []
