"""What the plan assigns one area, as the facts table of its printed page: one row per industry and sub-industry,
with its chain, carrier parks, towns, lead firms and the plan lines that state each."""

from __future__ import annotations

import pandas as pd

from sq_layout.analysis.queries import area_details, area_industries
from sq_layout.analysis.views import area_panel
from sq_layout.cache import cached
from sq_layout.i18n import Lang, headers, label
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.propernames import RENDERED_KINDS, shown_name

# detail kinds listed on the page, each in its own column; products stay in the app's answer card and data exports
LISTED = ("carrier", "town", "firm")
COLUMNS = {"carrier": "carriers", "town": "towns", "firm": "firms"}
TOWNS = {"zh": "重点乡镇", "en": "Towns"}


def _join(items: list[str], lang: Lang) -> str:
    return join_list(dict.fromkeys(i for i in items if i), lang)


@cached(64)
def area_report_table(ds: Dataset, area: str, lang: Lang) -> pd.DataFrame:
    """The area's industries, sub-industries, chains, carriers, towns, firms and sources (plan lines), with readable
    headers; a column no row fills is left out, and details tied to no industry get a row of their own."""
    panel = area_panel(ds, area, lang).industries.reset_index(drop=True)
    ind = area_industries(ds, area)
    keys = list(zip(ind["industry_id"], ind["subindustry_id"].fillna(""), strict=True))
    det = area_details(ds, area)
    det = det.assign(
        key=pd.Series(
            zip(det["industry_id"].fillna(""), det["subindustry_id"].fillna(""), strict=True), index=det.index
        )
    )
    rows = []
    for i, row in panel.iterrows():
        mine = det[det["key"] == keys[int(str(i))]]
        rows.append(_row(row["tier"], row["industry"], row["subindustry"], row["chain"], row["sources"], mine, lang))
    loose = det[~det["key"].isin(keys)]
    if len(loose):  # e.g. a park the plan names for the area without an industry
        rows.append(_row("—", "—", "—", "—", "", loose.assign(kind="carrier"), lang))
    table = pd.DataFrame(rows)
    table = table[[c for c in table.columns if c not in COLUMNS.values() or (table[c] != "").any()]]
    names = headers(list(table.columns), lang) | {"towns": TOWNS[lang]}
    return table.rename(columns=names)


def _row(tier: str, industry: str, sub: str, chain: str, sources: str, det: pd.DataFrame, lang: Lang) -> dict[str, str]:
    """One table row: the assignment and its listed details, its sources merged with the details' plan lines."""
    out = {"tier": tier, "industry": industry, "subindustry": sub, "chain": chain}
    for kind in LISTED:
        names = det.loc[det["kind"] == kind, "text"]
        out[COLUMNS[kind]] = _join([shown_name(n, lang) if kind in RENDERED_KINDS else n for n in names], lang)
    seen = [s for s in sources.split(" · ") if s]
    listed = det[det["kind"].isin(LISTED)]
    for src, line in zip(listed["source"], listed["line"], strict=True):
        name = label(str(src), lang)
        if not any(s.startswith(f"{name} L") and str(line) in s[len(name) + 2 :].split(",") for s in seen):
            seen.append(f"{name} L{line}")
    out["sources"] = " · ".join(seen)
    return out
