"""Where an assignment comes from: a passage of the plan text (a line and a quote standing on it) or another source."""

from __future__ import annotations

import re
from collections.abc import Sequence

from sq_layout.i18n.lang import Listed
from sq_layout.tables.plan import ASSIGNMENT_SOURCES, SOURCES

_SPACE = re.compile(r"\s+")


def _squeezed(text: str) -> str:
    # The plan text is wrapped and indented as printed; a quote typed or pasted on one line still stands on it.
    return _SPACE.sub("", text)


def quote_on_line(quote: str, line: int, plan_lines: Sequence[str]) -> bool:
    """True when the quote (whitespace aside) stands verbatim on the 1-based plan line."""
    if not quote.strip() or not 1 <= line <= len(plan_lines):
        return False
    return _squeezed(quote) in _squeezed(plan_lines[line - 1])


def source_problem(
    source: str, ref: str, line: int | None, quote: str, plan_lines: Sequence[str]
) -> tuple[str, dict[str, object]] | None:
    """The first problem with an assignment's source as (i18n key, values), or None.

    A plan source (表十, 第四章, 第五章) needs its line and a quote standing on that line; a meeting or document needs a
    reference text and has no line."""
    n = len(plan_lines)
    if source not in ASSIGNMENT_SOURCES:
        return "ev_unknown", {"what": "source", "value": str(source)[:40], "choices": Listed(ASSIGNMENT_SOURCES)}
    if source not in SOURCES:
        if line:
            return "ev_line_not_plan", {}
        if not ref.strip():
            return "ev_ref_required", {}
        return None
    if not line or not 1 <= line <= n:
        return "ev_line", {"n": n}
    if not quote.strip():
        return "ev_quote_required", {}
    if not quote_on_line(quote, line, plan_lines):
        shown = plan_lines[line - 1].strip()
        return "ev_quote_not_on_line", {"quote": quote.strip()[:60], "line": line, "text": shown[:80]}
    return None


_SENTENCE_END = re.compile(r"(?<=[。；！？])")


def sentence_with(text: str, line: str) -> str:
    """The sentence of a plan line (up to its 。；！？) that holds `text` verbatim, stripped; '' when none does."""
    if not text.strip():
        return ""
    return next((s.strip() for s in _SENTENCE_END.split(line) if text in s), "")
