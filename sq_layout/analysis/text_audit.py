"""Inconsistencies within the plan's own text and tables that a reader would trip over.

Four classes here: one name written two ways (firms, products, carriers), a stated count that differs from the items
listed next to it (“四个板块” after three names), an industry named for an area at chapter level but in none of that
chapter's sub-lists, and an area given an industry with no sub-industry, chain or detail beneath it; four more found
from the text itself in `text_names` (a firm written two ways, a typo in a product name, a park among products, a
sub-list that leaves out what its paragraph names). Every finding carries its lines and a verbatim quote.
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from itertools import combinations

import pandas as pd

from sq_layout.analysis.text_harvest import qualified, same_sentence
from sq_layout.analysis.text_names import name_findings
from sq_layout.i18n import LANGS, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

COLUMNS = ["check", "area_id", "industry_id", "subject", "lines", "quote", "description", "description_en"]
_NUM = {"一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9}
_COUNT = re.compile(r"(?:等)?([一二两三四五六七八九十\d]{1,3})(个|条|大|项|类|家|种)")
_STOP = "，。；：:“”\t "
_SUFFIXES = ("股份有限公司", "有限公司", "集团", "公司", "股份")


def _number(token: str) -> int | None:
    if token.isdigit():
        return int(token)
    if token == "十":
        return 10
    if "十" in token:
        tens, _, ones = token.partition("十")
        return _NUM.get(tens, 1) * 10 + _NUM.get(ones, 0) if (tens in _NUM or not tens) else None
    return _NUM.get(token) if len(token) == 1 else None


def _readings(text: str) -> list[list[str]]:
    """The ways a reader may count “A、B和C”: by 、 alone, or with the first 和/及/与 joining the last two items."""
    parts = [p for p in re.split(r"、(?![^（(]*[）)])", text) if p]  # 、 inside brackets stays in its item
    if len(parts) < 2 or "等" in text:
        return []
    readings = [parts]
    for k, part in enumerate(parts):
        m = re.search(r"和|及|与", part)
        if m:
            readings.append([*parts[:k], part[: m.start()], "、".join([part[m.end() :], *parts[k + 1 :]])])
            break
    return [r for r in readings if all(0 < len(p) <= 20 and not re.search(r"[\d%]", p) for p in r)]


_FORWARD = re.compile(r"([一二两三四五六七八九十\d]{1,2})(个|条|大|项|类)([\u4e00-\u9fff]{1,8})[：:]([^。；]+)")


def stated_counts(ds: Dataset) -> pd.DataFrame:
    """A count next to a list of a different length: “A、B和C四个板块” or “三大产业：A、B”."""
    rows = []
    for no, line in enumerate(ds.plan_lines, start=1):
        found: list[tuple[str, list[list[str]], str]] = []
        for m in _COUNT.finditer(line):
            before = line[: m.start()]
            found.append((m.group(1), _readings(before[max(before.rfind(c) for c in _STOP) + 1 :]), m.group(0)))
        for m in _FORWARD.finditer(line):
            found.append((m.group(1), _readings(m.group(4)), m.group(0)[: m.end(3) - m.start()]))
        for token, readings, said in found:
            n = _number(token)
            lengths = {len(r) for r in readings}
            # a near miss (off by one or two) is a list of the things counted; far off, it is a different list
            if n and n >= 2 and lengths and n not in lengths and min(abs(n - k) for k in lengths) <= 2:
                items = readings[-1]
                zh, en = (
                    t("ta_stated_count", lang).format(said=said, n=n, k=len(items), items=join_list(items, lang))
                    for lang in LANGS
                )
                rows.append(_row("stated_count", "", "", said, str(no), zh, en, _quote(line, said)))
    return pd.DataFrame(rows, columns=COLUMNS)


def _quote(line: str, subject: str, width: int = 30) -> str:
    """The words around the subject on its line, verbatim (the line's start when the subject is not on it)."""
    i = line.find(subject)
    return line.strip()[: 2 * width] if i < 0 else line[max(0, i - width) : i + len(subject) + width].strip()


def _row(
    check: str, area: str, industry: str, subject: str, lines: str, zh: str, en: str = "", quote: str = ""
) -> dict[str, str]:
    return {"check": check, "area_id": area, "industry_id": industry, "subject": subject, "lines": lines} | {
        "quote": quote,
        "description": zh,
        "description_en": en or zh,
    }


def _norm(name: str) -> str:
    for suffix in _SUFFIXES:
        name = name.removesuffix(suffix)
    return re.sub(r"[“”\"'（）()\s·]", "", name)


def name_variants(ds: Dataset, threshold: float = 0.8) -> pd.DataFrame:
    """Firms, products and carriers written two ways (same after dropping 有限公司/集团/quotes, or nearly the same);
    two names the plan writes in one sentence, or one the other with a qualifier in front (新型医疗器械 of 医疗器械,
    a kind of it), are two names on purpose."""
    d = ds.details[ds.details["kind"].isin(["firm", "product", "carrier"])]
    first = d.groupby("text")["line"].apply(lambda s: ";".join(str(v) for v in sorted(set(s))))
    kinds = d.drop_duplicates("text").set_index("text")["kind"]
    rows = []
    for a, b in combinations(sorted(first.index), 2):
        if kinds[a] != kinds[b] or min(len(a), len(b)) < 3:
            continue
        na, nb = _norm(a), _norm(b)
        same = na == nb or (SequenceMatcher(None, na, nb).ratio() >= threshold and (na in nb or nb in na))
        if same and not qualified(na, nb) and not same_sentence(ds, a, b):
            lines = ";".join(sorted({*first[a].split(";"), *first[b].split(";")}, key=int))
            la, lb = int(first[a].split(";")[0]), int(first[b].split(";")[0])
            quote = f"L{la}“{_quote(ds.passage(la), a, 8)}”；L{lb}“{_quote(ds.passage(lb), b, 8)}”"
            zh = "同一名称两种写法（名称检查：去掉有限公司/集团/引号后相同或几乎相同，且未在同一句中并列）"
            en = "one name, two spellings (name check: equal or nearly so without 有限公司/集团/quotes; "
            en += "no sentence names both)"
            rows.append(_row("name_variant", "", "", f"{a} / {b}", lines, zh, en, quote))
    return pd.DataFrame(rows, columns=COLUMNS)


def _level_gaps(ds: Dataset, source: str) -> list[tuple[str, str, str]]:
    a = ds.assignments[ds.assignments["source"] == source]
    with_subs = set(ds.subindustries["industry_id"])
    top = a[(a["subindustry_id"] == "") & a["industry_id"].isin(with_subs)]
    subs = set(
        zip(a.loc[a["subindustry_id"] != "", "area_id"], a.loc[a["subindustry_id"] != "", "industry_id"], strict=True)
    )
    out = []
    for (area, ind), lines in top.groupby(["area_id", "industry_id"])["line"]:
        if (area, ind) not in subs:
            out.append((str(area), str(ind), ";".join(str(v) for v in sorted(set(lines)))))
    return out


def chapter_level_only(ds: Dataset) -> pd.DataFrame:
    """An area named for an industry at chapter level (第四章/第五章) but in none of that chapter's sub-lists."""
    rows = []
    names = ds.industries.set_index("industry_id")["name"]
    for source, chapter in (("ch4", "第四章"), ("ch5", "第五章")):
        for area, ind, lines in _level_gaps(ds, source):
            zh = f"{chapter}在“{names[ind]}”下列出该地区，但该章各细分产业清单均未列入"
            en = f"{chapter} names the area for {ind} but in none of that chapter's sub-industry lists"
            quote = _quote(ds.passage(int(lines.split(";")[0])), str(names[ind]))
            rows.append(_row("chapter_level_only", area, ind, str(names[ind]), lines, zh, en, quote))
    return pd.DataFrame(rows, columns=COLUMNS)


def nothing_beneath(ds: Dataset) -> pd.DataFrame:
    """An area given an industry (that has sub-industries) with no sub-industry, chain or detail beneath it anywhere."""
    a = ds.assignments
    with_subs = set(ds.subindustries["industry_id"])
    below = set(
        zip(a.loc[a["subindustry_id"] != "", "area_id"], a.loc[a["subindustry_id"] != "", "industry_id"], strict=True)
    )
    det = ds.details[ds.details["industry_id"] != ""]
    below |= set(zip(det["area_id"], det["industry_id"], strict=True))
    names = dict(zip(ds.industries["industry_id"], ds.industries["name"], strict=True))
    rows = []
    for (area, ind), lines in a[a["industry_id"].isin(with_subs)].groupby(["area_id", "industry_id"])["line"]:
        if (area, ind) not in below:
            lines_s = ";".join(str(v) for v in sorted(set(lines)))
            zh, en = "只列产业，无任何细分产业、产业链或具体内容", "industry only: no sub-industry, chain or detail"
            quote = _quote(ds.passage(int(lines_s.split(";")[0])), str(names[ind]))
            rows.append(_row("nothing_beneath", str(area), str(ind), str(names[ind]), lines_s, zh, en, quote))
    return pd.DataFrame(rows, columns=COLUMNS)


def name_checks(ds: Dataset) -> pd.DataFrame:
    """The text-found classes of `text_names` (firm variants, product-name typos, parks among products, sub-list
    gaps) as rows of this table."""
    rows = [
        _row(f.check, "", "", f.subject, ";".join(str(n) for n in f.lines), f.how_zh, f.how_en, f.quote)
        for f in name_findings(ds)
    ]
    return pd.DataFrame(rows, columns=COLUMNS)


def text_audit(ds: Dataset) -> pd.DataFrame:
    """All eight classes in one table."""
    parts = [name_variants(ds), stated_counts(ds), chapter_level_only(ds), nothing_beneath(ds), name_checks(ds)]
    return pd.concat(parts, ignore_index=True)
