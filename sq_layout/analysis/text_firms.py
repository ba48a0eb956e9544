"""The ``firm_variant`` class of the plan-text audit: one firm written two ways (normalised names equal, one a
prefix of the other, or one character apart), unless the plan writes both in one sentence."""

from __future__ import annotations

import re
from collections import defaultdict
from itertools import combinations

from sq_layout.analysis.text_harvest import (
    PLACES,
    SUFFIXES,
    Finding,
    Mention,
    firm_key,
    firm_mentions,
    half_width,
    one_apart,
    product_terms,
    qualified,
)
from sq_layout.plan.dataset import Dataset

# What follows a firm's trade name in its usual short forms (斯迪克 → 斯迪克新材, 宋和宋 → 宋和宋智能)
BUSINESS_WORDS = (
    "新材", "科技", "高科", "智能", "酒业", "酒厂", "酿酒厂", "化工", "化学", "药业", "电器", "纺织", "照明", "光能",
    "能源", "新能源", "实业", "控股", "电子", "材料", "食品", "机械", "装备",
)  # fmt: skip


def _alike(a: str, b: str) -> str:
    """How two normalised firm names are alike ("equal", "prefix", "one_apart") or "" when they are not."""
    if a == b:
        return "equal"
    short, long_ = sorted((a, b), key=len)
    if len(short) >= 2 and long_.startswith(short) and long_[len(short) :] in BUSINESS_WORDS:
        return "prefix"
    return "one_apart" if len(short) >= 4 and one_apart(a, b) else ""


def _legal_form_only(a: str, b: str, places: tuple[str, ...]) -> bool:
    """True when one written form is the other with only its place and legal form added (a full name beside its
    short name, as 表三 gives them): the usual way of writing, not a variant."""
    short, long_ = sorted((half_width(a), half_width(b)), key=len)
    if short not in long_ or short == long_:  # equal but for full/half width: written two ways
        return False
    rest = long_.replace(short, "", 1)
    rest = re.sub(r"[（(][^）)]{1,6}[）)]", "", rest)
    for word in sorted((*SUFFIXES, *places), key=len, reverse=True):
        rest = rest.replace(word, "")
    return not rest


_HOW = {
    "equal": ("相同", "equal"),
    "prefix": ("一为另一加业务用字", "one is the other with a business word added"),
    "one_apart": ("相差一字", "one character apart"),
}


def firm_variants(ds: Dataset) -> list[Finding]:
    """Firms written two ways: normalised names equal, one a prefix of the other, or one character apart — unless
    the plan writes both in one sentence (two firms on purpose)."""
    places = PLACES + tuple(str(s) for s in ds.areas["short_name"] if len(str(s)) >= 2)
    not_firms = set(product_terms(ds)) | set(ds.industries["name"]) | set(ds.subindustries["name"])
    not_firms |= set(ds.chains["name"])
    by_form: dict[str, list[Mention]] = defaultdict(list)
    for m in firm_mentions(ds):
        if m.text not in not_firms and "产业" not in m.text:
            by_form[m.text].append(m)
    found = []
    for a, b in combinations(sorted(by_form), 2):
        ka, kb = firm_key(a, places), firm_key(b, places)
        how = _alike(ka, kb)
        if not how or qualified(ka, kb) or _legal_form_only(a, b, places):
            continue
        if {m.sentence for m in by_form[a]} & {m.sentence for m in by_form[b]}:
            continue  # written side by side: two names on purpose
        lines = tuple(sorted({m.line for m in by_form[a] + by_form[b]}))
        how_zh, how_en = _HOW[how]
        found.append(
            Finding(
                "firm_variant",
                f"{a} / {b}",
                lines,
                f"L{by_form[a][0].line}“{a}”；L{by_form[b][0].line}“{b}”",
                f"企业名称检查：去掉地名、括注地名、有限公司/集团/股份等后缀，全角转半角后为“{ka}”与“{kb}”（{how_zh}），"
                "且两者未在同一句中并列",
                f"firm names: without place names, bracketed places and 有限公司/集团/股份 suffixes, full width as "
                f"half, they read “{ka}” and “{kb}” ({how_en}), and no sentence names both",
            )
        )
    return found
