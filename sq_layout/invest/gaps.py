"""补链: per chain, firms per link and area, the links with no firm in the city and the assigned areas with none."""

from __future__ import annotations

from typing import cast

import pandas as pd

from sq_layout.i18n import Lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.i18n.shown import source
from sq_layout.invest.repository import InvestData
from sq_layout.invest.seed import link_names
from sq_layout.plan.dataset import Dataset
from sq_layout.plan.join import chain_links


def link_chain(link_id: str) -> int | None:
    """The chain a link id belongs to (c<chain>-<name>), None for an id of no chain."""
    head, dash, _ = link_id.partition("-")
    return int(head[1:]) if dash and head[:1] == "c" and head[1:].isdigit() else None


def _chain_link_pairs(chains: str, links: str) -> list[tuple[int, str]]:
    """(chain, link) for each chain a record names, with each link it names on that chain ('' for none)."""
    named: dict[int, list[str]] = {}
    for lid in links.split(";"):
        c = link_chain(lid)
        if c is not None:
            named.setdefault(c, []).append(lid)
    return [(int(token), lid) for token in chains.split(";") if token for lid in named.get(int(token), [""])]


def explode_links(records: pd.DataFrame) -> pd.DataFrame:
    """One row per (record, chain, link) in the records' order with the record's area; link_id '' where the record
    names no link of that chain (`row`: the record's index label)."""
    rows: list[object] = []
    chain_nos: list[int] = []
    link_ids: list[str] = []
    seen: dict[tuple[str, str], list[tuple[int, str]]] = {}  # records share a few (chains, links) pairs: each read once
    # plain lists: a split and explode of Arrow strings costs most of a 50,000-record table's time
    for r, cs, ls in zip(records.index, records["chains"].tolist(), records["links"].tolist(), strict=True):
        pairs = seen.get((cs, ls))
        if pairs is None:
            pairs = seen[(cs, ls)] = _chain_link_pairs(cs, ls)
        for c, lid in pairs:
            rows.append(r)
            chain_nos.append(c)
            link_ids.append(lid)
    out = pd.DataFrame(
        {
            "row": pd.Series(rows, dtype=records.index.dtype),
            "chain_no": pd.Series(chain_nos, dtype=int),
            "link_id": pd.Series(link_ids, dtype=object),
        }
    )
    out["area_id"] = records["area_id"].reindex(out["row"]).to_numpy()
    return out


def chain_hosts(ds: Dataset, chain_no: int) -> list[str]:
    """Areas the plan assigns the chain, in the Dataset's area order."""
    hosts = set(chain_links(ds).loc[lambda d: d["chain_no"] == chain_no, "area_id"])
    return [a for a in ds.areas["area_id"] if a in hosts]


def gap_matrix(ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None) -> pd.DataFrame:
    """Link × area firm counts for one chain (links in chain order, then firms naming no link; all nine areas)."""
    firms = data.firms if firms is None else firms
    x = explode_links(firms)
    x = x[x["chain_no"] == chain_no].drop_duplicates(["row", "link_id"])
    links = data.links[data.links["chain_no"] == chain_no].sort_values("position")
    counts = pd.crosstab(x["link_id"], x["area_id"]) if len(x) else pd.DataFrame()
    index = [*links["link_id"], ""]
    return counts.reindex(index=index, columns=list(ds.areas["area_id"]), fill_value=0).astype(int)


def gap_list(
    ds: Dataset, data: InvestData, chain_no: int, firms: pd.DataFrame | None = None, lang: Lang = "zh"
) -> pd.DataFrame:
    """The chain's 招商 targets and problem list: links with no firm anywhere, assigned areas with no firm.

    `gap` and `key` are codes (link / area, the link's or area's id); subject, note and source are in `lang`.
    """
    m = gap_matrix(ds, data, chain_no, firms)
    links = data.links.set_index("link_id")
    names = dict(zip(ds.areas["area_id"], ds.areas[name_col(lang)].astype(str), strict=True))
    shown = link_names(data.links, lang)  # a plan link's English name on an English page
    rows = []
    for link_id, n in m.sum(axis=1).items():
        if link_id and n == 0:
            lk = cast(pd.Series, links.loc[cast(str, link_id)])
            src = (
                t("inv_plan_line", lang).format(line=int(lk["line"]), quote=lk["quote"])
                if pd.notna(lk["line"])
                else source(str(lk["source"]), lang)
            )
            rows.append(("link", link_id, lk["stage"], shown[str(link_id)], "", src))
    per_area = m.sum(axis=0)
    sources = chain_links(ds).query("chain_no == @chain_no").set_index("area_id")
    parent = ds.areas.set_index("area_id")["parent_area_id"]
    for a in chain_hosts(ds, chain_no):
        if per_area.get(a, 0) == 0:
            inner = [names[str(z)] for z, p in parent.items() if p == a and per_area.get(z, 0) > 0]
            note = t("inv_gap_inner", lang).format(join_list(inner, lang)) if inner else ""
            src = join_list((label(s, lang) for s in ("table10", "ch4", "ch5") if bool(sources.at[a, s])), lang)
            rows.append(("area", a, "", names[a], note, src))
    return pd.DataFrame(rows, columns=["gap", "key", "stage", "subject", "note", "source"])
