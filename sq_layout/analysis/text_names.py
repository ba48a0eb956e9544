"""Four more classes of slips in the plan's own words, found from the text itself (no list of instances):

- ``firm_variant``: one firm written two ways (firm names taken from “A、B等…企业” lists, “以A为龙头/核心” and the
  plan's firm records; normalised: full width to half, place prefixes, （宿迁）-style brackets and 有限公司/集团/股份
  suffixes dropped, 新材料 read as 新材; two forms alike when equal, one a prefix of the other, or one character apart).
- ``term_typo``: a product term with a character or two-character word written twice in a row (“化纤纤维”), or with one
  character where the plan elsewhere writes a near-homophone in the same four-character context (“成型”/“成形”).
- ``park_in_products``: a park (…园, …园区, …基地, …小镇) inside a list of products (“重点发展A，B等特色产品”).
- ``sublist_gap``: an industry or product a paragraph names before its “其中” that no part of its sub-list mentions.

Two names the plan writes in one sentence (“依托双沟股份、双沟酿酒厂等”) are taken as two names on purpose, as is
a name that is another with a qualifier in front (“新型医疗器械” of “医疗器械”): neither is reported as a variant.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import defaultdict
from collections.abc import Iterator
from dataclasses import dataclass
from itertools import combinations

from sq_layout.cache import cached
from sq_layout.plan.dataset import Dataset

HAN = r"\u4e00-\u9fff"
_SENTENCE_END = re.compile(r"[。！？]")
_LIST_SEP = re.compile(r"[、，,]|(?<=[" + HAN + r"])[和及与](?=[" + HAN + r"])")
_VERBS = ("依托", "引导", "推动", "支持", "鼓励", "加快", "培育", "带领", "围绕", "重点", "推进", "扶持", "以")
_NAME_CHARS = HAN + r"A-Za-z0-9\uff10-\uff19\uff21-\uff3a\uff41-\uff5a"  # Han, letters and digits (full width too)
_FIRM_LIST = re.compile(r"([" + _NAME_CHARS + r"（）()、]{2,120}?)等[" + HAN + r"\d]{0,16}?企业")
_FIRM_LEAD = re.compile(r"以([" + _NAME_CHARS + r"]{2,12}?)为(?:龙头|核心)")
_PRODUCT_LIST = re.compile(r"等(?:特色|优势|优势特色|高端)?产品")
_PARK = re.compile(r"(?:园|园区|基地|小镇)$")
_SUFFIXES = ("股份有限公司", "有限责任公司", "有限公司", "集团", "股份", "公司")
_PLACES = ("江苏省", "江苏", "宿迁市", "宿迁")
QUALIFIERS = ("新型", "高端", "特色", "智能", "绿色", "新一代", "先进", "高性能", "中高端")
_GENERIC = ("产品", "产业", "材料", "技术", "领域")


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
            out += [Mention(i, no, (no, k)) for i in items if 2 <= len(i) <= 16 and not _PARK.search(i)]
        out += [Mention(m.group(1), no, (no, k)) for m in _FIRM_LEAD.finditer(sentence) if not _PARK.search(m.group(1))]
    d = ds.details[ds.details["kind"] == "firm"]
    for text, line in zip(d["text"].astype(str), d["line"].astype(int), strict=True):
        k = next((j for j, part in enumerate(_SENTENCE_END.split(ds.plan_lines[line - 1])) if text in part), 0)
        out.append(Mention(text, line, (line, k)))
    return out


def firm_key(name: str, places: tuple[str, ...] = _PLACES) -> str:
    """A firm's name without width, place prefix, bracketed place, legal-form suffix or the 新材料/新材 difference."""
    s = re.sub(r"[（(][^）)]{1,6}[）)]", "", half_width(name))
    s = re.sub(r"[\s“”\"'·]", "", s)
    changed = True
    while changed:
        before = s
        for p in places:
            if s.startswith(p) and len(s) > len(p) + 1:
                s = s[len(p) :]
        for suffix in (*_SUFFIXES, *places):
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
    for word in sorted((*_SUFFIXES, *places), key=len, reverse=True):
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
    places = _PLACES + tuple(str(s) for s in ds.areas["short_name"] if len(str(s)) >= 2)
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


def product_lists(ds: Dataset) -> Iterator[tuple[int, str, list[str]]]:
    """Each “(重点)发展A、B，C等特色产品” list: line, the list's text and its items (split at 、，和及与)."""
    for no, _, sentence in _sentences(ds):
        for m in _PRODUCT_LIST.finditer(sentence):
            before = sentence[: m.start()]
            start = before.rfind("发展")
            if start < 0:
                continue
            text = before[start + 2 :]
            if re.search(r"[；\d]", text) or len(text) > 60:
                continue
            items = [i for i in _LIST_SEP.split(text) if i]
            yield no, text, items


def product_terms(ds: Dataset) -> dict[str, set[int]]:
    """Every product term: items of the text's product lists and the plan's product records, with their lines."""
    terms: dict[str, set[int]] = defaultdict(set)
    for no, _, items in product_lists(ds):
        for item in items:
            if 2 <= len(item) <= 24 and not _PARK.search(item):
                terms[item].add(no)
    d = ds.details[ds.details["kind"] == "product"]
    for text, line in zip(d["text"].astype(str), d["line"].astype(int), strict=True):
        terms[text].add(line)
    return terms


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
                            f"L{first}“{term}”；L{min(where)}“{_around(ds.passage(min(where)), theirs, 6)}”",
                            f"产品名称检查：“{ours}”与规划另处的“{theirs}”只差一字，“{ch}”({pa})与"
                            f"“{other}”({pb})音近（同音或模糊音）",
                            f"product names: “{ours}” and “{theirs}” elsewhere in the plan differ in one "
                            f"character, and “{ch}” ({pa}) sounds like “{other}” ({pb}) (same or fuzzy reading)",
                        )
                    )
    return found


def parks_in_products(ds: Dataset) -> list[Finding]:
    """A park (a name ending in 园, 园区, 基地 or 小镇) among the items of a product list."""
    found = []
    for no, text, items in product_lists(ds):
        for item in items:
            if _PARK.search(item) and len(item) >= 3:
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
    for m2 in _PRODUCT_LIST.finditer(head):
        before = head[: m2.start()]
        start = before.rfind("发展")
        if start >= 0 and not re.search(r"[；\d]", before[start:]) and len(before) - start <= 62:
            names += [i for i in _LIST_SEP.split(before[start + 2 :]) if i]
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
                    f"L{no}“{_around(head, name)}”",
                    f"细分清单检查：本段“其中”之前列出“{name}”，其后分述的" + "、".join(heads) + "均未提及",
                    f"sub-lists: the paragraph names “{name}” before “其中”; its sub-list ("
                    + ", ".join(heads)
                    + ") never mentions it",
                )
            )
    return found


def _around(text: str, name: str, width: int = 24) -> str:
    i = text.find(name)
    return text[max(0, i - width) : i + len(name) + width] if i >= 0 else name


def name_findings(ds: Dataset) -> list[Finding]:
    """All four classes, in order."""
    return [*firm_variants(ds), *term_typos(ds), *parks_in_products(ds), *sublist_gaps(ds)]
