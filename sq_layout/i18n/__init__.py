"""Chinese (default) and English labels for everything the map, panels and exports show.

The strings live in one table per wing (core, boundaries, workspace, invest, editing, codes); keys are unique
across them (a test checks it), so `t(key, lang)` finds any of them.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from functools import cached_property

from sq_layout.i18n import (
    boundaries,
    cli_help,
    codes,
    core,
    diagram,
    editing,
    invest,
    limits,
    refusals,
    sheets,
    shown,
    signin,
    terminal,
    workbench,
    workspace,
)
from sq_layout.i18n.lang import DEFAULT_LANG as DEFAULT_LANG
from sq_layout.i18n.lang import LANGS as LANGS
from sq_layout.i18n.lang import LIST_SEPARATOR as LIST_SEPARATOR
from sq_layout.i18n.lang import Lang as Lang
from sq_layout.i18n.lang import by_lang as by_lang
from sq_layout.i18n.lang import lang_column as lang_column
from sq_layout.i18n.lang import parse_lang as parse_lang

TABLES: tuple[dict[str, dict[str, str]], ...] = (
    core.TEXT,
    boundaries.TEXT,
    workspace.TEXT,
    invest.TEXT,
    editing.TEXT,
    limits.TEXT,
    signin.TEXT,
    diagram.TEXT,
    workbench.TEXT,
    shown.TEXT,
    terminal.TEXT,
    refusals.TEXT,
    cli_help.TEXT,
    sheets.TEXT,
)
TEXT: dict[str, dict[str, str]] = {k: v for table in TABLES for k, v in table.items()}
LABELS = codes.LABELS | diagram.LABELS | workbench.LABELS


class _Headers(Mapping[str, dict[str, str]]):
    """Readable column headers by column name (zh/en): the plan tables' columns as their specs declare them
    (sq_layout.tables.plan), then the pages' own and the exports' derived columns."""

    @cached_property
    def _all(self) -> dict[str, dict[str, str]]:
        from sq_layout.tables.plan import HEADERS as PLAN  # pandera: read when a header is first asked for

        return shown.COLUMNS | PLAN | codes.HEADERS

    def __getitem__(self, column: str) -> dict[str, str]:
        return self._all[column]

    def __iter__(self) -> Iterator[str]:
        return iter(self._all)

    def __len__(self) -> int:
        return len(self._all)


HEADERS: Mapping[str, dict[str, str]] = _Headers()


def t(key: str, lang: Lang) -> str:
    """A UI string in the given language."""
    return TEXT[key][lang]


def label(value: str, lang: Lang) -> str:
    """A data code (tier, kind, source, …) as a label; unknown codes are returned unchanged."""
    return LABELS.get(value, {}).get(lang, value)


def name_col(lang: Lang) -> str:
    """The name column for a language."""
    return "name" if lang == "zh" else "name_en"


def headers(columns: list[str], lang: Lang) -> dict[str, str]:
    """Readable column headers for known columns; unknown ones keep their code name."""
    return {c: HEADERS[c][lang] for c in columns if c in HEADERS}
