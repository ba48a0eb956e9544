"""Match a boundary file's features to plan areas by name (Chinese or English, common variants) or code."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass

import pandas as pd

SKIP = "-"  # a match to this means: do not import the feature
_NAME_COLUMNS = ("name", "short_name", "name_en", "short_name_en")
_CODE_COLUMNS = ("adcode", "stat_code")
_PUNCT = re.compile(r"[\s\-_·・.,，。、()（）'\"“”‘’/]+")
_SUBS = (
    ("经济技术开发区", "经开区"),
    ("经济开发区", "经开区"),
    ("高新技术产业开发区", "高新区"),
    ("工业园区", "工业园"),
)
_PREFIX = re.compile(r"^(江苏省)?(宿迁市|宿迁)?市?")
_SUFFIX = re.compile(r"(管理委员会|管委会)$")
_NAME_HINTS = ("name", "名", "mc", "xzq", "area", "区")


def normalise(text: object) -> str:
    """A name for comparison: NFKC, lower case, no punctuation, 经济技术开发区 → 经开区, no 宿迁市/区/县 affixes."""
    s = _PUNCT.sub("", unicodedata.normalize("NFKC", str(text)).strip().lower())
    for old, new in _SUBS:
        s = s.replace(old, new)
    s = _SUFFIX.sub("", _PREFIX.sub("", s))
    return s[:-1] if len(s) > 2 and s[-1] in "区县" else s


def _codes(value: object) -> list[str]:
    digits = re.sub(r"\D", "", str(value).split(".")[0])
    out = [digits] if digits else []
    if len(digits) == 12:  # 12-digit NBS codes end in zeros below the level they name
        out += [digits[:9], digits[:6]]
    return out


def area_index(areas: pd.DataFrame) -> dict[str, str]:
    """Normalised name, variant, id or code -> area_id; keys claimed by two areas are left out as ambiguous."""
    claims: dict[str, set[str]] = {}
    for a in areas.itertuples(index=False):
        area_id = str(a.area_id)
        names = [getattr(a, c, "") for c in _NAME_COLUMNS] + str(getattr(a, "name_variants", "") or "").split("|")
        keys = {normalise(n) for n in names if str(n).strip()} | {area_id.lower()}
        keys |= {c for col in _CODE_COLUMNS for c in _codes(getattr(a, col, "") or "")}
        for k in keys - {""}:
            claims.setdefault(k, set()).add(area_id)
    return {k: next(iter(v)) for k, v in claims.items() if len(v) == 1}


def resolve(value: object, index: dict[str, str]) -> str | None:
    """The area a name, id or code refers to, or None."""
    if value is None or (isinstance(value, float) and pd.isna(value)) or not str(value).strip():
        return None
    for key in [normalise(value), str(value).strip().lower(), *_codes(value)]:
        if key in index:
            return index[key]
    return None


@dataclass(frozen=True)
class Matches:
    """The field used for matching, each feature's value in it and the area it resolved to (None if none)."""

    field: str | None
    values: tuple[str, ...]
    area_ids: tuple[str | None, ...]


def _candidate_columns(attrs: pd.DataFrame) -> list[str]:
    cols = [c for c in attrs.columns if c != "geometry" and attrs[c].notna().any()]
    hinted = [c for c in cols if any(h in str(c).lower() for h in _NAME_HINTS)]
    return hinted + [c for c in cols if c not in hinted]


def match_features(attrs: pd.DataFrame, areas: pd.DataFrame) -> Matches:
    """Pick the attribute column that resolves the most features (name-like columns win ties) and match by it."""
    index = area_index(areas)
    best: Matches | None = None
    for col in _candidate_columns(attrs):
        values = tuple("" if pd.isna(v) else str(v).strip() for v in attrs[col])
        ids = tuple(resolve(v, index) for v in values)
        if best is None or sum(i is not None for i in ids) > sum(i is not None for i in best.area_ids):
            best = Matches(str(col), values, ids)
    if best is None:
        return Matches(None, ("",) * len(attrs), (None,) * len(attrs))
    return best


def area_choices(areas: pd.DataFrame) -> list[str]:
    """'宿城区 Sucheng District (sucheng)' for every area: the valid choices listed in messages."""
    return [f"{a.name} {a.name_en} ({a.area_id})" for a in areas.itertuples(index=False)]
