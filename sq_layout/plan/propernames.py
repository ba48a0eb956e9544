"""English renderings of what the plan prints in Chinese only: proper names (carrier parks, lead firms, towns)
and its featured-product phrases.

They are translations or pinyin made for reading (`basis` says which), not registered English names or official
terms; the Chinese text stays the plan's wording and is shown beside its rendering. Keyed by the text as printed,
so a workspace version that names a new park or product simply shows it in Chinese until a rendering is added.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from sq_layout.cache import PER_FILE, cached
from sq_layout.errors import DataError
from sq_layout.i18n import Lang, by_lang
from sq_layout.i18n.lang import Listed, Said
from sq_layout.paths import PLAN_DIR
from sq_layout.plan.tables import row_at

NAMES_FILE = PLAN_DIR / "proper_names.csv"
PHRASES_FILE = PLAN_DIR / "phrases_en.csv"  # the featured products (特色产品), same columns
RENDERING_FILES = (NAMES_FILE, PHRASES_FILE)
COLUMNS = ["name", "name_en", "kind", "basis"]
RENDERED_KINDS = ("carrier", "firm", "town", "product")  # details shown with an English rendering


def _read(path: Path) -> dict[str, str]:
    """One renderings file: Chinese text → English rendering, checked (empty when the file is absent)."""
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(str(path), [Said("pi_names_columns", missing=Listed(missing), expected=Listed(COLUMNS))])
    name, name_en = frame["name"].str.strip(), frame["name_en"].str.strip()
    empty, twice = frame.index[(name == "") | (name_en == "")], frame.index[name.duplicated() & (name != "")]
    problems = [Said("pi_names_empty", where=row_at(i)) for i in empty]
    problems += [Said("pi_names_twice", where=row_at(i), name=repr(name[i])) for i in twice]
    if problems:
        raise DataError(str(path), problems)
    return dict(zip(name, name_en, strict=True))


@cached(4, key=PER_FILE)
def english_names(*paths: Path) -> dict[str, str]:
    """Chinese text as printed → English rendering, from the given files (default: names and product phrases)."""
    out: dict[str, str] = {}
    for path in paths or RENDERING_FILES:
        out.update(_read(path))
    return out


def shown_name(name: str, lang: Lang) -> str:
    """A name or phrase for display: as printed in Chinese; in English 'rendering (原文)' when there is one."""
    en = by_lang(None, english_names().get(name), lang)
    return f"{en} ({name})" if en else name
