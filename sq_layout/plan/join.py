"""Join the plan tables: which area hosts which industry, sub-industry and chain, according to which sources."""

from __future__ import annotations

import geopandas as gpd
import pandas as pd

from sq_layout.cache import cached
from sq_layout.plan.dataset import Dataset
from sq_layout.tables.plan import OTHER_SOURCES, SOURCES

KEY = ["area_id", "industry_id", "subindustry_id"]
SOURCE_LABELS = {"table10": "表十", "ch4": "第四章", "ch5": "第五章"}


def _sources_labels(frame: pd.DataFrame) -> list[str]:
    """Each row's plan sources as read ("表十、第四章"), from its source flags."""
    flags = zip(*(frame[s].to_numpy(dtype=bool) for s in SOURCES), strict=True)
    return ["、".join(SOURCE_LABELS[s] for s, on in zip(SOURCES, row, strict=True) if on) for row in flags]


def _line_lists(a: pd.DataFrame) -> pd.Series:
    """Per (area, industry, sub-industry, source): its distinct plan lines in order, joined with ';'."""
    # plain dicts over the rows: a groupby apply per group was most of a national plan's join (~40,000 groups)
    found = a[[*KEY, "source", "line"]].drop_duplicates().sort_values("line", kind="stable")
    joined: dict[tuple[str, ...], list[str]] = {}
    for *key, source, line in zip(*(found[c].tolist() for c in (*KEY, "source", "line")), strict=True):
        joined.setdefault((*key, source), []).append(str(line))
    index = pd.MultiIndex.from_tuples(list(joined), names=[*KEY, "source"])
    return pd.Series([";".join(v) for v in joined.values()], index=index, name="line").sort_index()


@cached(8)
def assignment_facts(ds: Dataset) -> pd.DataFrame:
    """One row per (area, industry, sub-industry or ''), with a flag and the plan lines for each source."""
    a = ds.assignments.copy()
    a["subindustry_id"] = a["subindustry_id"].fillna("")
    counts = a.groupby([*KEY, "source"]).size().unstack("source", fill_value=0)
    flags = counts.reindex(columns=list(SOURCES), fill_value=0) > 0
    lines = _line_lists(a)
    lines_wide = lines.unstack("source").reindex(columns=list(SOURCES), fill_value="").fillna("").add_prefix("lines_")
    # A meeting or document has no plan line: its references are kept to be shown as such (refs_meeting, …).
    facts = flags.join(lines_wide).reset_index()
    other = a[a["source"].isin(OTHER_SOURCES)]
    keys = pd.Series(list(zip(*(facts[k] for k in KEY), strict=True)), index=facts.index, dtype=object)
    for s in OTHER_SOURCES:
        refs = other[other["source"] == s].groupby(KEY)["ref"].agg(lambda v: "；".join(dict.fromkeys(v)))
        found = dict(refs.items())
        facts["refs_" + s] = [str(found.get(k, "")) for k in keys]
    facts["n_sources"] = facts[list(SOURCES)].sum(axis=1)
    facts["sources"] = _sources_labels(facts)
    # Confirmed: every source that speaks at this level states it (表十 lists industries, never sub-industries).
    level = facts["subindustry_id"] == ""
    facts["confirmed"] = (level & facts["table10"] & facts["ch4"] & facts["ch5"]) | (
        ~level & facts["ch4"] & facts["ch5"]
    )
    subs = ds.subindustries[["subindustry_id", "chain_no", "chain_relation"]]
    facts = facts.merge(subs, on="subindustry_id", how="left")
    sole = _sole_chain_by_industry(ds)
    level = facts["subindustry_id"] == ""
    facts.loc[level, "chain_no"] = facts.loc[level, "industry_id"].map(sole)
    facts.loc[level & facts["chain_no"].notna(), "chain_relation"] = "same"
    facts["chain_no"] = facts["chain_no"].astype("Int64")
    facts["chain_relation"] = facts["chain_relation"].fillna("")
    return facts


def _sole_chain_by_industry(ds: Dataset) -> pd.Series:
    """Industries without sub-industries whose single 表十一 chain they are (光伏新能源, 生物医药, 数字经济)."""
    with_subs = set(ds.subindustries["industry_id"])
    chains = ds.chains[~ds.chains["industry_id"].isin(with_subs)]
    counts = chains["industry_id"].value_counts()
    chains = chains[chains["industry_id"].map(counts) == 1]
    return chains.set_index("industry_id")["chain_no"]


@cached(8)
def chain_links(ds: Dataset) -> pd.DataFrame:
    """One row per (area, chain): through which sub-industry or industry, how exact, and which sources say so."""
    f = assignment_facts(ds).dropna(subset=["chain_no"])
    f = f.assign(via=f["subindustry_id"].where(f["subindustry_id"] != "", f["industry_id"]))
    agg = {s: "any" for s in SOURCES} | {"via": "first", "chain_relation": "first", "industry_id": "first"}
    links = f.groupby(["area_id", "chain_no"], as_index=False).agg(agg)
    links["n_sources"] = links[list(SOURCES)].sum(axis=1)
    links["sources"] = _sources_labels(links)
    return links.merge(ds.chains[["chain_no", "name"]].rename(columns={"name": "chain"}), on="chain_no")


@cached(8)
def areas_frame(ds: Dataset) -> gpd.GeoDataFrame:
    """The nine areas with boundaries, attributes and per-area counts of industries, chains and conflicts."""
    facts = assignment_facts(ds)
    links = chain_links(ds)
    n_ind = facts.groupby("area_id")["industry_id"].nunique().rename("n_industries")
    n_chain = links.groupby("area_id")["chain_no"].nunique().rename("n_chains")
    n_conf = ds.conflicts["area_id"].replace("", pd.NA).dropna().value_counts().rename("n_conflicts")
    b = ds.boundaries
    # imported official boundaries carry their own source, date and file name; bundled ones only a source note
    prov = {
        c: b[c].fillna("").astype(str) if c in b else "" for c in ("geometry_source", "geometry_date", "geometry_file")
    }
    if isinstance(prov["geometry_source"], str):
        prov["geometry_source"] = b["source"]
    else:
        prov["geometry_source"] = prov["geometry_source"].where(prov["geometry_source"] != "", b["source"])
    geo = b[["area_id", "geometry_quality", "geometry"]].assign(**prov)
    frame = geo.merge(ds.areas, on="area_id", validate="one_to_one")
    for extra in (n_ind, n_chain, n_conf):
        frame = frame.merge(extra, left_on="area_id", right_index=True, how="left")
    frame[["n_industries", "n_chains", "n_conflicts"]] = (
        frame[["n_industries", "n_chains", "n_conflicts"]].fillna(0).astype(int)
    )
    order = {a: i for i, a in enumerate(ds.areas["area_id"])}
    frame = frame.sort_values("area_id", key=lambda s: s.map(order)).reset_index(drop=True)
    return gpd.GeoDataFrame(frame, geometry="geometry", crs=ds.boundaries.crs)


@cached(8)
def chain_table(ds: Dataset) -> pd.DataFrame:
    """Chain links with the industry's tier and the chain's 表十一 figures, for selection masks and tables."""
    links = chain_links(ds).merge(ds.industries[["industry_id", "tier"]], on="industry_id")
    figures = ds.chains[["chain_no", "name_en", "output_2020_yi", "target_2023_yi", "target_2025_yi"]]
    return links.merge(figures.rename(columns={"name_en": "chain_en"}), on="chain_no")
