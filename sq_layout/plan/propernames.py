"""English renderings of the proper names the plan prints in Chinese only (carrier parks, lead firms, towns).

They are translations or pinyin made for reading (`basis` says which), not registered English names; the
Chinese name stays the proper name and is shown beside its rendering. Keyed by the name as printed, so a
workspace version that names a new park simply shows it in Chinese until a rendering is added.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

import pandas as pd

from sq_layout.errors import DataError
from sq_layout.paths import PLAN_DIR

NAMES_FILE = PLAN_DIR / "proper_names.csv"
COLUMNS = ["name", "name_en", "kind", "basis"]


@lru_cache(maxsize=4)
def english_names(path: Path = NAMES_FILE) -> dict[str, str]:
    """Chinese name as printed → English rendering (empty when the file is absent)."""
    if not path.exists():
        return {}
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    missing = [c for c in COLUMNS if c not in frame.columns]
    if missing:
        raise DataError(str(path), [f"missing column(s) {', '.join(missing)}; expected {', '.join(COLUMNS)}"])
    empty = frame.index[(frame["name"].str.strip() == "") | (frame["name_en"].str.strip() == "")]
    if len(empty):
        raise DataError(str(path), [f"row {i + 2}: 'name' and 'name_en' must not be empty" for i in empty])
    return dict(zip(frame["name"].str.strip(), frame["name_en"].str.strip(), strict=True))


def shown_name(name: str, lang: str) -> str:
    """A proper name for display: as printed in Chinese; in English 'rendering (原名)' when there is one."""
    if lang == "zh":
        return name
    en = english_names().get(name)
    return f"{en} ({name})" if en else name
