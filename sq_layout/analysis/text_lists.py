"""The list classes of the plan-text audit: ``park_in_products`` (a park among the items of a product list) and
``sublist_gap`` (an industry or product a paragraph names before its “其中” that its sub-list never mentions)."""

from __future__ import annotations

import re

from sq_layout.analysis.text_harvest import HAN, LIST_SEP, PARK, PRODUCT_LIST, Finding, around, product_lists
from sq_layout.i18n import LANGS, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

_GENERIC = ("产品", "产业", "材料", "技术", "领域")


def parks_in_products(ds: Dataset) -> list[Finding]:
    """A park (a name ending in 园, 园区, 基地 or 小镇) among the items of a product list."""
    found = []
    for no, text, items in product_lists(ds):
        for item in items:
            if PARK.search(item) and len(item) >= 3:
                found.append(
                    Finding(
                        "park_in_products",
                        item,
                        (no,),
                        f"L{no}“发展{text}”",
                        f"产品清单检查：“{item}”以园/园区/基地/小镇结尾，是园区而非产品，却列在“…等特色产品”清单中",
                        f"product lists: “{item}” ends in 园/园区/基地/小镇 — a park, not a product — yet stands in "
                        "a “…等特色产品” list",
                    )
                )
    return found


_SUBHEAD = re.compile(r"(?:^|[。；：，])([" + HAN + r"（）]{2,16}?)(?:产业|领域)[，。]")


def _core(term: str) -> str:
    for g in _GENERIC:
        if term.endswith(g) and len(term) > len(g) + 1:
            return term[: -len(g)]
    return term


def _named_before(head: str) -> list[str]:
    """The industries or products a paragraph's heading part names: its “承担A（a、b）、B…” list (the bracketed
    sub-industries where given) and its “发展A、B等…产品” lists."""
    names: list[str] = []
    m = re.search(r"承担(.+?)(?:等)?[\d一二三四五六七八九十]+(?:大|个)", head)
    if m:
        listed = re.sub(r"新一代信息技术产业的", "", m.group(1))
        for part in re.split(r"、(?![^（]*）)", listed):
            inner = re.search(r"（(.+)）$", part)
            names += re.split(r"、(?![^（]*）)", inner.group(1)) if inner else [re.sub(r"产业$", "", part)]
    for m2 in PRODUCT_LIST.finditer(head):
        before = head[: m2.start()]
        start = before.rfind("发展")
        if start >= 0 and not re.search(r"[；\d]", before[start:]) and len(before) - start <= 62:
            names += [i for i in LIST_SEP.split(before[start + 2 :]) if i]
    return [n for n in names if 2 <= len(n) <= 16]


def sublist_gaps(ds: Dataset) -> list[Finding]:
    """A paragraph that names industries or products before “其中” and gives a sub-list after it: each one named
    that the sub-list (its “X产业，”/“X领域，” heads and their text) does not mention, even without 产品/材料/技术."""
    found = []
    for no, line in enumerate(ds.plan_lines, start=1):
        m = re.search(r"其中[：:，]", line)
        if not m:
            continue
        head, subs = line[: m.start()], line[m.end() :]
        heads = [h.group(1) for h in _SUBHEAD.finditer(subs)]
        if len(heads) < 2:
            continue
        for name in _named_before(head):
            core = _core(name)
            if core in subs or any(h in name or _core(h) in name for h in heads):
                continue
            found.append(
                Finding(
                    "sublist_gap",
                    name,
                    (no,),
                    f"L{no}“{around(head, name)}”",
                    *(t("ta_sublist_gap", lang).format(name=name, heads=join_list(heads, lang)) for lang in LANGS),
                )
            )
    return found
