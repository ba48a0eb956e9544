"""The target discrepancies as rows: their ids kept, their text rendered through i18n in the reader's language.

The audit page, the command line and the audit workbook all read `discrepancy_rows`.
"""

from __future__ import annotations

import pandas as pd

from sq_layout.analysis.audit_rules import Discrepancy, ScopeNote, Subject, discrepancies
from sq_layout.cache import cached
from sq_layout.i18n import Lang, by_lang, label, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

ID_COLUMNS = ("kind", "industry_id", "chain_no", "subindustry_id", "tier", "measure", "figure_id_a", "figure_id_b")
TEXT_COLUMNS = (
    "check",
    "subject",
    "figure_a",
    "value_a",
    "lines_a",
    "figure_b",
    "value_b",
    "lines_b",
    "difference",
    "scope_note",
)


class _Names:
    """Names of industries, sub-industries and chains by id: Chinese, or English with the plan's Chinese name."""

    def __init__(self, ds: Dataset, lang: Lang) -> None:
        self.lang = lang
        self.industry = self._table(ds.industries, "industry_id")
        self.subindustry = self._table(ds.subindustries, "subindustry_id")
        self.chain = {str(k): v for k, v in self._table(ds.chains, "chain_no").items()}

    def _table(self, frame: pd.DataFrame, key: str) -> dict[object, str]:
        both = zip(frame[key], frame["name"], frame["name_en"], strict=True)
        return {k: by_lang(zh, f"{en} ({zh})", self.lang) for k, zh, en in both}

    def listing(self, names: list[str]) -> str:
        return join_list(names, self.lang)


def _subject(s: Subject, names: _Names, lang: Lang) -> str:
    if s.subindustry_id:
        return f"{names.subindustry[s.subindustry_id]} / {names.chain[str(s.chain_no)]}"
    if s.chain_no is not None:
        return names.chain[str(s.chain_no)]
    if s.industry_id:
        return names.industry[s.industry_id]
    if s.tier:
        return label(s.tier, lang)
    return t("disc_subject_t11", lang).format(measure=t(f"disc_fig_{s.measure}", lang))


def _note(n: ScopeNote, names: _Names, lang: Lang) -> str:
    if n.kind == "named_differently":
        return t("disc_scope_named_differently", lang).format(chain=names.chain[n.ids[0]])
    return t(f"disc_scope_{n.kind}", lang).format(names=names.listing([names.subindustry[i] for i in n.ids]))


def _lines(lines: tuple[int, ...]) -> str:
    return ";".join(str(n) for n in lines)


def discrepancy_row(d: Discrepancy, names: _Names, lang: Lang) -> dict[str, object]:
    """One discrepancy as a row: its ids, then its text in the reader's language."""
    s = d.subject
    return {
        "kind": d.kind,
        "industry_id": s.industry_id,
        "chain_no": s.chain_no,
        "subindustry_id": s.subindustry_id,
        "tier": s.tier,
        "measure": s.measure,
        "figure_id_a": d.a.figure_id,
        "figure_id_b": d.b.figure_id,
        "check": label(d.kind, lang),
        "subject": _subject(s, names, lang),
        "figure_a": t(d.a.label, lang).format(n=len(d.a.lines)),
        "value_a": round(d.a.value, 2),
        "lines_a": _lines(d.a.lines),
        "figure_b": t(d.b.label, lang).format(n=len(d.b.lines)),
        "value_b": round(d.b.value, 2),
        "lines_b": _lines(d.b.lines),
        "difference": d.difference,
        "scope_note": t("disc_scope_sep", lang).join(_note(n, names, lang) for n in d.scope),
    }


@cached(8)
def discrepancy_rows(ds: Dataset, lang: Lang = "zh") -> pd.DataFrame:
    """Every target discrepancy as a row with its ids and its text in the given language."""
    names = _Names(ds, lang)
    rows = [discrepancy_row(d, names, lang) for d in discrepancies(ds)]
    out = pd.DataFrame(rows, columns=[*ID_COLUMNS, *TEXT_COLUMNS])
    out["chain_no"] = out["chain_no"].astype("Int64")
    return out
