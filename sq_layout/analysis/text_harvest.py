"""The names the plan's text gives, for the text-found audit classes (`text_names`): firms (from “A、B等…企业”
lists, “以A为龙头/核心” and the firm records) and product terms (from “发展A、B等特色产品” lists and the product
records), the normalised forms firms are compared in, and the Finding each class reports."""

from __future__ import annotations

import re
import unicodedata
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass

from sq_layout.plan.dataset import Dataset

HAN = r"\u4e00-\u9fff"
_SENTENCE_END = re.compile(r"[。！？]")
LIST_SEP = re.compile(r"[、，,]|(?<=[" + HAN + r"])[和及与](?=[" + HAN + r"])")
_VERBS = ("依托", "引导", "推动", "支持", "鼓励", "加快", "培育", "带领", "围绕", "重点", "推进", "扶持", "以")
_NAME_CHARS = HAN + r"A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # Han, letters and digits (full width too)
_FIRM_LIST = re.compile(r"([" + _NAME_CHARS + r"（）()、]{2,120}?)等[" + HAN + r"\d]{0,16}?企业")
_FIRM_LEAD = re.compile(r"以([" + _NAME_CHARS + r"]{2,12}?)为(?:龙头|核心)")
PRODUCT_LIST = re.compile(r"等(?:特色|优势|优势特色|高端)?产品")
PARK = re.compile(r"(?:园|园区|基地|小镇)$")
SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "股份", "公司")
PLACES = ("江苏省", "江苏", "宿迁市", "宿迁")
QUALIFIERS = ("新型", "高端", "特色", "智能", "绿色", "新一代", "先进", "高性能", "中高端")


@dataclass(frozen=True)
class Mention:
    """A name as the plan writes it: the text, its line, and the sentence it stands in (line, index)."""

    text: str
    line: int
    sentence: tuple[int, int]


@dataclass(frozen=True)
class Finding:
    """One slip: its class, what it is about, lines, a verbatim quote and how it was found (zh, en)."""

    check: str
    subject: str
    lines: tuple[int, ...]
    quote: str
    how_zh: str
    how_en: str


def half_width(text: str) -> str:
    """Full-width letters, digits and brackets as half width (NFKC), Chinese characters untouched."""
    return unicodedata.normalize("NFKC", text)


def _sentences(ds: Dataset) -> Iterator[tuple[int, int, str]]:
    for no, line in enumerate(ds.plan_lines, start=1):
        for k, part in enumerate(_SENTENCE_END.split(line)):
            if part.strip():
                yield no, k, part


def same_sentence(ds: Dataset, a: str, b: str) -> bool:
    """True when one sentence of the plan names both a and b, neither only inside the other (two names on purpose)."""
    for _, _, sentence in _sentences(ds):
        if a in sentence and b in sentence:
            short, long_ = sorted((a, b), key=len)
            if sentence.replace(long_, "").count(short):
                return True
    return False


def _strip_verb(item: str) -> str:
    cut = max((item.rfind(v) + len(v) for v in _VERBS if v in item), default=0)
    return item[cut:]


def _park_and_firm(item: str) -> list[str]:
    """“洋河创意包装产业园和洋河酒厂”: a park joined to a firm by 和/及 is split off; 和 in a name (宋和宋) stays."""
    m = re.search(r"(?:园|园区|基地|小镇)[和及]", item)
    return [item[: m.end() - 1], item[m.end() :]] if m else [item]


def firm_mentions(ds: Dataset) -> list[Mention]:
    """Every firm the text names in a “A、B等…企业” list or as “以A为龙头/核心”, and the plan's firm records."""
    out: list[Mention] = []
    for no, k, sentence in _sentences(ds):
        for m in _FIRM_LIST.finditer(sentence):
            clause = re.split(r"[，；：:。]", m.group(1))[-1]
            items = [p for i in clause.split("、") for p in _park_and_firm(i) if p]
            if items:
                items[0] = _strip_verb(items[0])
            out += [Mention(i, no, (no, k)) for i in items if 2 <= len(i) <= 16 and not PARK.search(i)]
        out += [Mention(m.group(1), no, (no, k)) for m in _FIRM_LEAD.finditer(sentence) if not PARK.search(m.group(1))]
    d = ds.details[ds.details["kind"] == "firm"]
    for text, line in zip(d["text"].astype(str), d["line"].astype(int), strict=True):
        k = next((j for j, part in enumerate(_SENTENCE_END.split(ds.plan_lines[line - 1])) if text in part), 0)
        out.append(Mention(text, line, (line, k)))
    return out


def firm_key(name: str, places: tuple[str, ...] = PLACES) -> str:
    """A firm's name without width, place prefix, bracketed place, legal-form suffix or the 新材料/新材 difference."""
    s = re.sub(r"[（(][^）)]{1,6}[）)]", "", half_width(name))
    s = re.sub(r"[\s“”\"'·]", "", s)
    changed = True
    while changed:
        before = s
        for p in places:
            if s.startswith(p) and len(s) > len(p) + 1:
                s = s[len(p) :]
        for suffix in (*SUFFIXES, *places):
            if s.endswith(suffix) and len(s) > len(suffix) + 1:
                s = s[: -len(suffix)]
        changed = s != before
    return s.replace("新材料", "新材")


def one_apart(a: str, b: str) -> bool:
    """True when a and b differ by one character replaced, added or dropped."""
    if abs(len(a) - len(b)) > 1 or a == b:
        return False
    if len(a) == len(b):
        return sum(x != y for x, y in zip(a, b, strict=True)) == 1
    short, long_ = sorted((a, b), key=len)
    return any(long_[:i] + long_[i + 1 :] == short for i in range(len(long_)))


def qualified(a: str, b: str) -> bool:
    """True when one name is the other with a qualifier in front (“新型医疗器械” of “医疗器械”): a kind of it."""
    short, long_ = sorted((a, b), key=len)
    return any(long_ == q + short for q in QUALIFIERS)


def product_lists(ds: Dataset) -> Iterator[tuple[int, str, list[str]]]:
    """Each “(重点)发展A、B，C等特色产品” list: line, the list's text and its items (split at 、，和及与)."""
    for no, _, sentence in _sentences(ds):
        for m in PRODUCT_LIST.finditer(sentence):
            before = sentence[: m.start()]
            start = before.rfind("发展")
            if start < 0:
                continue
            text = before[start + 2 :]
            if re.search(r"[；\d]", text) or len(text) > 60:
                continue
            items = [i for i in LIST_SEP.split(text) if i]
            yield no, text, items


def product_terms(ds: Dataset) -> dict[str, set[int]]:
    """Every product term: items of the text's product lists and the plan's product records, with their lines."""
    terms: dict[str, set[int]] = defaultdict(set)
    for no, _, items in product_lists(ds):
        for item in items:
            if 2 <= len(item) <= 24 and not PARK.search(item):
                terms[item].add(no)
    d = ds.details[ds.details["kind"] == "product"]
    for text, line in zip(d["text"].astype(str), d["line"].astype(int), strict=True):
        terms[text].add(line)
    return terms


def around(text: str, name: str, width: int = 24) -> str:
    """A name with up to `width` characters of the text either side (the name alone when the text lacks it)."""
    i = text.find(name)
    return text[max(0, i - width) : i + len(name) + width] if i >= 0 else name
