"""The ``term_typo`` class of the plan-text audit: a product term with a character or word written twice in a row,
or with one character where the plan elsewhere writes a near-homophone in the same four-character context."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict

from sq_layout.analysis.text_harvest import HAN, Finding, around, product_terms
from sq_layout.cache import cached
from sq_layout.plan.dataset import Dataset


@cached(4096, key="a character (its reading never changes)")
def _pinyin(ch: str) -> tuple[str, ...]:
    from pypinyin import Style, pinyin

    return tuple(pinyin(ch, style=Style.NORMAL, heteronym=False)[0])  # a rare reading made 和 (hu) sound like 市 (fu)


# The fuzzy sounds (模糊音) input methods accept: zh/z, ch/c, sh/s, n/l, f/h, r/l initials; -ang/-an, -eng/-en,
# -ing/-in, -iang/-ian, -uang/-uan finals. Readings equal once these are merged sound alike.
_FUZZY_INITIAL = (("zh", "z"), ("ch", "c"), ("sh", "s"), ("n", "l"), ("f", "h"), ("r", "l"))
_FUZZY_FINAL = (("iang", "ian"), ("uang", "uan"), ("ang", "an"), ("eng", "en"), ("ing", "in"))


def _merged(reading: str) -> str:
    for a, b in _FUZZY_INITIAL:
        if reading.startswith(a):
            reading = b + reading[len(a) :]
            break
    for a, b in _FUZZY_FINAL:
        if reading.endswith(a):
            return reading[: -len(a)] + b
    return reading


def near_homophones(a: str, b: str) -> bool:
    """True when two different characters share a reading (tones aside), or readings equal up to the fuzzy sounds
    input methods accept (z/zh, n/l, -in/-ing, …)."""
    if a == b:
        return False
    ma, mb = {_merged(x) for x in _pinyin(a)}, {_merged(y) for y in _pinyin(b)}
    return bool(ma & mb)


# Context kept around a character (left, right): two each side, fewer at a term's edge, three at least.
_CONTEXTS = ((2, 2), (2, 1), (1, 2), (3, 0), (0, 3))


def _key(run: str, i: int, left: int, right: int) -> str:
    return run[i - left : i] + "?" + run[i + 1 : i + 1 + right]


def _widest(run: str, i: int) -> str | None:
    """The widest context of the character at i in a term (up to two each side; three on one side at an edge)."""
    left, right = min(2, i), min(2, len(run) - 1 - i)
    if left + right >= 3:
        return _key(run, i, left, right)
    if right == 0 and i >= 3:
        return _key(run, i, 3, 0)
    if left == 0 and len(run) - 1 - i >= 3:
        return _key(run, i, 0, 3)
    return None


def _seen_in_context(ds: Dataset, key: str) -> dict[str, set[int]]:
    """The characters the text writes in a context (“态成?制造”), each with the lines it stands on."""
    left, right = key.split("?")
    text, starts = _joined(ds)
    out: dict[str, set[int]] = defaultdict(set)
    for m in re.finditer(re.escape(left) + "(.)" + re.escape(right), text):  # a small pattern compiles fast
        if "\u4e00" <= m.group(1) <= "\u9fff":
            out[m.group(1)].add(bisect_right(starts, m.start()))
    return out


@cached(8)
def _joined(ds: Dataset) -> tuple[str, list[int]]:
    """The plan's lines as one text, and where each line starts in it."""
    starts, at = [], 0
    for line in ds.plan_lines:
        starts.append(at)
        at += len(line) + 1
    return "\n".join(ds.plan_lines), starts


def _doubled(term: str, text: str) -> str | None:
    """A word written twice in a row (“纤维纤维”), or two words run together over a shared character (“化纤纤维”:
    化纤 + 纤维) when the term without either word is written elsewhere in the plan (two names for one thing)."""
    for m in re.finditer(f"([{HAN}]{{2}})\\1", term):
        return m.group(0)
    for m in re.finditer(f"([{HAN}])\\1", term):
        i = m.start()
        for variant in (term[: i - 1] + term[i + 1 :], term[:i] + term[i + 3 :]):  # without the word before / after
            own = text.count(term) * term.count(variant)
            if i >= 1 and len(variant) >= 4 and variant in text and text.count(variant) > own:
                return m.group(0)
    return None


def term_typos(ds: Dataset) -> list[Finding]:
    """Product terms with a character or word written twice in a row, or one character that the plan elsewhere
    writes as a near-homophone in the same four-character context."""
    found: list[Finding] = []
    seen: set[frozenset[str]] = set()  # the two forms found, either way round
    text = "\n".join(ds.plan_lines)
    for term, lines in sorted(product_terms(ds).items()):
        first = min(lines)
        doubled = _doubled(term, text)
        if doubled:
            found.append(
                Finding(
                    "term_typo",
                    term,
                    tuple(sorted(lines)),
                    f"L{first}“{term}”",
                    f"产品名称检查：“{doubled}”为字词重复（去掉重叠的一个词后的名称见于规划他处）",
                    f"product names: “{doubled}” repeats a character or word (the name without one of the "
                    "overlapping words stands elsewhere in the plan)",
                )
            )
        for run in re.findall(f"[{HAN}]{{4,}}", term):
            for i, ch in enumerate(run):
                key = _widest(run, i)
                for other, where in _seen_in_context(ds, key).items() if key else ():
                    ours, theirs = str(key).replace("?", ch), str(key).replace("?", other)
                    if not near_homophones(ch, other) or frozenset((ours, theirs)) in seen:
                        continue
                    seen.add(frozenset((ours, theirs)))
                    pa, pb = "/".join(_pinyin(ch)), "/".join(_pinyin(other))
                    found.append(
                        Finding(
                            "term_typo",
                            f"{ours} / {theirs}",
                            tuple(sorted(lines | where)),
                            f"L{first}“{term}”；L{min(where)}“{around(ds.passage(min(where)), theirs, 6)}”",
                            f"产品名称检查：“{ours}”与规划另处的“{theirs}”只差一字，“{ch}”({pa})与"
                            f"“{other}”({pb})音近（同音或模糊音）",
                            f"product names: “{ours}” and “{theirs}” elsewhere in the plan differ in one "
                            f"character, and “{ch}” ({pa}) sounds like “{other}” ({pb}) (same or fuzzy reading)",
                        )
                    )
    return found
