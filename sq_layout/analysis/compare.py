"""Compare two plan versions: per chain hosts added/removed/kept, per area industries gained/lost, figures changed.

Records are matched by their ids (area_id, industry_id, chain_no, figure_id), so renamed items count as kept.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pandas as pd

from sq_layout.i18n import HEADERS, Lang, headers, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import _sole_chain_by_industry

STATUSES = ("gained", "lost", "both", "unchanged", "new", "dropped")
# (table, key column, figure columns)
FIGURES = [
    ("industries", "industry_id", ["target_2025_yi"]),
    ("subindustries", "subindustry_id", ["target_2025_yi"]),
    ("chains", "chain_no", ["output_2020_yi", "target_2023_yi", "target_2025_yi"]),
    ("plan_figures", "figure_id", ["value"]),
]


@dataclass(frozen=True)
class Comparison:
    """The differences from version a (before) to version b (after)."""

    chains: pd.DataFrame  # chain_no, name, hosts_a, hosts_b, added, removed, kept
    areas: pd.DataFrame  # area_id, name, gained, lost, kept, status
    figures: pd.DataFrame  # table, key, field, value_a, value_b, change

    @property
    def changed(self) -> bool:
        """True when anything differs."""
        return bool((self.areas["status"] != "unchanged").any() or len(self.figures))


def _hosts(ds: Dataset) -> dict[int, set[str]]:
    """Per chain of the version: the areas hosting it, as hosts_per_chain has them (an assignment reaches a chain
    through its sub-industry, or an industry-level one through its industry's sole chain)."""
    # read straight off the assignments: building the joined facts (sources, lines) was nearly all of a national
    # compare; tests/analysis/test_compare.py holds this equal to hosts_per_chain
    subs = ds.subindustries.drop_duplicates("subindustry_id", keep="last")
    a = ds.assignments
    sub = a["subindustry_id"].fillna("")
    via_sub = sub.map(pd.Series(subs["chain_no"].to_numpy(), index=subs["subindustry_id"]))
    chain = via_sub.where(sub != "", a["industry_id"].map(_sole_chain_by_industry(ds)))
    links = pd.DataFrame({"area": a["area_id"], "chain": chain}).dropna().drop_duplicates()
    hosts: dict[int, set[str]] = {int(c): set() for c in ds.chains["chain_no"].tolist()}
    for area, c in zip(links["area"].tolist(), links["chain"].astype("int64").tolist(), strict=True):
        if c in hosts:
            hosts[c].add(area)
    return hosts


def chain_changes(a: Dataset, b: Dataset) -> pd.DataFrame:
    """Per chain (union of both versions, b's order first): hosting areas in each, and which were added/removed/kept."""
    ha, hb = _hosts(a), _hosts(b)
    names = dict(zip(a.chains["chain_no"], a.chains["name"], strict=True))
    names |= dict(zip(b.chains["chain_no"], b.chains["name"], strict=True))
    order = list(dict.fromkeys([*b.chains["chain_no"], *a.chains["chain_no"]]))
    rows = []
    for c in order:
        x, y = ha.get(int(c), set()), hb.get(int(c), set())
        rows.append(
            {
                "chain_no": int(c),
                "name": names[c],
                "in_a": int(c) in ha,
                "in_b": int(c) in hb,
                "hosts_a": sorted(x),
                "hosts_b": sorted(y),
                "added": sorted(y - x),
                "removed": sorted(x - y),
                "kept": sorted(x & y),
            }
        )
    return pd.DataFrame(rows)


def _industries(ds: Dataset) -> dict[str, set[str]]:
    """Per area: the industries its assignments name (any source), as assignment_facts has them."""
    out: dict[str, set[str]] = {}
    for area, industry in zip(ds.assignments["area_id"].tolist(), ds.assignments["industry_id"].tolist(), strict=True):
        out.setdefault(str(area), set()).add(industry)
    return out


def area_changes(a: Dataset, b: Dataset) -> pd.DataFrame:
    """Per area (union, b's order first): industries gained, lost and kept, and one status for the map."""
    ia, ib = _industries(a), _industries(b)
    in_a, in_b = set(a.areas["area_id"]), set(b.areas["area_id"])
    names = dict(zip(a.areas["area_id"], a.areas["name"], strict=True))
    names |= dict(zip(b.areas["area_id"], b.areas["name"], strict=True))
    rows = []
    for area in dict.fromkeys([*b.areas["area_id"], *a.areas["area_id"]]):
        x, y = ia.get(area, set()), ib.get(area, set())
        gained, lost = sorted(y - x), sorted(x - y)
        if area not in in_a:
            status = "new"
        elif area not in in_b:
            status = "dropped"
        else:
            status = "both" if gained and lost else "gained" if gained else "lost" if lost else "unchanged"
        rows.append({"area_id": area, "name": names[area], "gained": gained, "lost": lost, "kept": sorted(x & y)})
        rows[-1]["status"] = status
    return pd.DataFrame(rows)


def _by_key(frame: pd.DataFrame, key: str, cols: list[str]) -> dict[object, dict[str, Any]]:
    """Key -> {column: value} with the values as .at gives them (numpy scalars)."""
    values = zip(*(frame[c].to_numpy() for c in cols), strict=True)
    return {k: dict(zip(cols, v, strict=True)) for k, v in zip(frame[key], values, strict=True)}


def figure_changes(a: Dataset, b: Dataset) -> pd.DataFrame:
    """Every figure (targets, outputs, stated numbers) whose value differs, appears or disappears."""
    rows = []
    for table, key, cols in FIGURES:
        ta, tb = getattr(a, table), getattr(b, table)
        # looked up in dicts: .at per key and column was most of a national plan's figure compare
        fa, fb = _by_key(ta, key, cols), _by_key(tb, key, cols)
        for k in dict.fromkeys([*tb[key], *ta[key]]):
            for col in cols:
                va = fa[k][col] if k in fa else pd.NA
                vb = fb[k][col] if k in fb else pd.NA
                if pd.isna(va) and pd.isna(vb):
                    continue
                if pd.isna(va) or pd.isna(vb) or float(va) != float(vb):
                    change = float(vb) - float(va) if not (pd.isna(va) or pd.isna(vb)) else None
                    rows.append({"table": table, "key": str(k), "field": col, "value_a": va, "value_b": vb})
                    rows[-1]["change"] = change
    columns = ["table", "key", "field", "value_a", "value_b", "change"]
    return pd.DataFrame(rows, columns=columns)


def compare(a: Dataset, b: Dataset) -> Comparison:
    """All differences from a to b."""
    return Comparison(chain_changes(a, b), area_changes(a, b), figure_changes(a, b))


def chain_status(cmp: Comparison, chain_no: int) -> pd.Series:
    """For one chain: area_id -> 'gained' (host added), 'lost' (removed), 'unchanged' (kept); others absent."""
    row = cmp.chains.set_index("chain_no").loc[chain_no]
    status = {a: "gained" for a in row["added"]} | {a: "lost" for a in row["removed"]}
    status |= {a: "unchanged" for a in row["kept"]}
    return pd.Series(status, dtype="str")


def _names(a: Dataset, b: Dataset, table: str, key: str, lang: Lang) -> dict[object, str]:
    """Id → name in `lang` over both versions (b's names win; the Chinese name where an English one is missing)."""
    out: dict[object, str] = {}
    for d in (a, b):
        frame = getattr(d, table)
        zh = dict(zip(frame[key], frame["name"], strict=True))
        local = dict(zip(frame[key], frame[name_col(lang)], strict=True)) if name_col(lang) in frame else zh
        out |= {k: str(local[k]) if isinstance(local[k], str) and local[k] else str(zh[k]) for k in zh}
    return out


# each readable table's title (an i18n key), as the Workspace page and `workspace compare` head it
TITLES = {"chains": "ws_chains_table", "areas": "ws_areas_table", "figures": "ws_figures_table"}


def readable_tables(cmp: Comparison, a: Dataset, b: Dataset, lang: Lang) -> dict[str, pd.DataFrame]:
    """The comparison as a reader sees it (page and workbook): names for ids, changes as words, headers in `lang`."""
    areas = _names(a, b, "areas", "area_id", lang)
    industries = _names(a, b, "industries", "industry_id", lang)
    chains = _names(a, b, "chains", "chain_no", lang)
    subs = _names(a, b, "subindustries", "subindustry_id", lang)

    def listed(ids: list[str], names: dict[object, str]) -> str:
        return join_list((names.get(i, str(i)) for i in ids), lang)

    ch = cmp.chains
    chain_view = pd.DataFrame(
        {
            "chain_no": ch["chain_no"],
            "chain": ch["chain_no"].map(chains),
            "n_a": ch["hosts_a"].map(len),
            "n_b": ch["hosts_b"].map(len),
            **{c: ch[c].map(lambda ids: listed(ids, areas)) for c in ("added", "removed", "kept")},
        }
    )
    ar = cmp.areas
    area_view = pd.DataFrame(
        {
            "area": ar["area_id"].map(areas),
            "change_status": ar["status"].map(lambda s: t(f"cmp_{s}", lang)),
            **{c: ar[c].map(lambda ids: listed(ids, industries)) for c in ("gained", "lost", "kept")},
        }
    )
    figure_names = {"industries": industries, "subindustries": subs, "chains": chains}
    fig = cmp.figures
    refs = {}
    for d in (a, b):
        for r in d.plan_figures.itertuples():
            refs[str(r.figure_id)] = t("cmp_figure_ref", lang).format(ref=r.ref, line=r.line)
    keys = [
        figure_names[tb].get(int(k) if tb == "chains" else k, k) if tb in figure_names else refs.get(k, k)
        for tb, k in zip(fig["table"], fig["key"], strict=True)
    ]
    figure_view = pd.DataFrame(
        {
            "table": fig["table"].map(lambda x: label(x, lang)),
            "key": keys,
            "field": fig["field"].map(lambda f: HEADERS.get(f.removesuffix("_yi"), {}).get(lang, t("cmp_value", lang))),
            "value_before": fig["value_a"],
            "value_after": fig["value_b"],
            "change": fig["change"],
        }
    )
    return {
        name: frame.rename(columns=headers(list(frame.columns), lang))
        for name, frame in (("chains", chain_view), ("areas", area_view), ("figures", figure_view))
    }
