"""Audit tables in the reader's language: codes become labels, and the checks' fixed phrases are translated.

The discrepancy checks write their figure labels and scope notes as fixed phrases; until they render through i18n
themselves, this table of phrases translates them for display in one place.
"""

from __future__ import annotations

import re

import pandas as pd

from sq_layout.i18n import label

_ZH = [
    ("sum of the 20 rows", "20行之和"),
    ("sum of industry targets", "各产业目标之和"),
    ("chains 2025 sum", "产业链2025年合计"),
    ("chains 2020 sum", "产业链2020年合计"),
    ("stated total", "所列合计"),
    ("2025 target", "2025年目标"),
    ("2023 target", "2023年目标"),
    ("2020 output", "2020年产值"),
    ("output_2020", "2020年产值"),
    ("target_2023", "2023年目标"),
    ("target_2025", "2025年目标"),
    ("wider than its chain: ", "细分产业口径宽于产业链："),
    ("no chain: ", "无对应产业链："),
    ("; ", "；"),
]
_EN = [
    ("表十一", "Table 11"),
    ("表十", "Table 10"),
    ("表九", "Table 9"),
    ("第四章", "Ch. 4"),
    ("第五章", "Ch. 5"),
    ("合计", "total"),
    ("output_2020", "2020 output"),
    ("target_2023", "2023 target"),
    ("target_2025", "2025 target"),
]
_NAMED = re.compile(r"its chain (.+?) is named differently; scope may differ")


def _zh(text: str) -> str:
    text = _NAMED.sub(lambda m: f"其产业链“{m.group(1)}”名称不同，口径可能不同", text)
    for en, zh in _ZH:
        text = text.replace(en, zh)
    return text


def _en(text: str, names: dict[str, str]) -> str:
    if names:  # one pass, longest name first, so a translated name is never translated again
        pattern = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        text = re.sub(pattern, lambda m: f"{names[m.group(0)]} ({m.group(0)})", text)
    for zh, en in _EN:
        text = text.replace(zh, en)
    return text


def localize(
    df: pd.DataFrame, lang: str, names: dict[str, str] | None = None, code_columns: tuple[str, ...] = ("kind",)
) -> pd.DataFrame:
    """Codes in `code_columns` as labels; fixed phrases in text columns in the reader's language.

    In English, Chinese proper names found in `names` (Chinese → English) are shown with their translation.
    """
    out = df.copy()
    for c in code_columns:
        if c in out:
            out[c] = out[c].map(lambda v: label(str(v), lang))

    def fix(v: str) -> str:
        return _zh(v) if lang == "zh" else _en(v, names or {})

    for c in ("subject", "figure_a", "figure_b", "scope_note"):
        if c in out:
            out[c] = out[c].map(lambda v: fix(label(str(v), lang)) if isinstance(v, str) else v)
    return out
