"""The firms, projects and parks the plan names, as an English investment page shows them: a firm's own English name
where it has one on public record (geodata/plan/names_en.csv, each with its source), a park's rendering as the layout
map shows it, a 表三 project's description in the app's translation, marked as such (geodata/plan/projects_en.csv, each
with its plan line), else the Chinese name with its pinyin, marked as a transliteration. No firm's name is
translated: a project's "name" in the plan is a description of what it makes."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from sq_layout import paths
from sq_layout.cache import PER_FILE, PER_PROCESS, cached
from sq_layout.i18n import Lang, by_lang, t

if TYPE_CHECKING:
    import pandas as pd

NAMES_EN = paths.PLAN_DIR / "names_en.csv"
PROJECTS_EN = paths.PLAN_DIR / "projects_en.csv"
# Chinese punctuation in a name, as English text writes it around the pinyin
_PUNCT = str.maketrans({"（": " (", "）": ") ", "、": ", ", "，": ", ", "·": " "})


@cached(1, key=PER_FILE)
def official(path: Path = NAMES_EN) -> dict[str, str]:
    """Chinese name -> the firm's own English name, from the file (its `source` column says where each is from)."""
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["name_en"] for row in csv.DictReader(f)}


@cached(1, key=PER_FILE)
def translated(path: Path = PROJECTS_EN) -> dict[str, str]:
    """A plan project's description (its Chinese "name") -> the app's English translation of it."""
    import csv

    with path.open(encoding="utf-8", newline="") as f:
        return {row["name"]: row["name_en"] for row in csv.DictReader(f)}


@cached(4096, key=PER_PROCESS, invalidated="a name's pinyin never changes")
def pinyin(name: str) -> str:
    """A Chinese name in pinyin without tone marks, each syllable capitalised; letters and digits kept as written."""
    from pypinyin import lazy_pinyin

    syllables = lazy_pinyin(name.translate(_PUNCT))
    text = " ".join(s.strip().capitalize() if s.isascii() and s.isalpha() else s.strip() for s in syllables)
    return " ".join(text.replace(" ,", ",").replace("( ", "(").replace(" )", ")").split())


def shown_name(name: str, lang: Lang, park: bool = False) -> str:
    """A plan-named firm, project or park in `lang`: Chinese as the plan writes it; English, a firm's own English
    name, a park's rendering with its Chinese (as the layout map shows it, sq_layout.plan.propernames), a project's
    description in the app's translation marked as such, else the Chinese with its pinyin marked as a
    transliteration."""
    if by_lang(True, False, lang) or not name:
        return name
    from sq_layout.plan.propernames import NAMES_FILE, english_names
    from sq_layout.plan.propernames import shown_name as rendered

    if park and name in english_names(NAMES_FILE):
        return rendered(name, lang)
    own = official().get(name)
    if own:
        return own
    ours = translated().get(name)
    return (
        t("inv_translated", lang).format(en=ours)
        if ours
        else t("inv_transliterated", lang).format(name=name, pinyin=pinyin(name))
    )


def shown_names(names: pd.Series, plan: pd.Series, lang: Lang) -> pd.Series:
    """A column of names as a page shows them: those the plan gives (`plan` true) by `shown_name`, each distinct
    one rendered once; a user's as typed."""
    rendered = {v: shown_name(str(v), lang) for v in names[plan].unique()}
    return names.where(~plan, names.map(rendered))
