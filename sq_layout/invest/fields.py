"""Column-wise parsing of user sheets: each parser returns the parsed column and the problems it found."""

from __future__ import annotations

from collections.abc import Hashable
from typing import SupportsInt, cast

import numpy as np
import pandas as pd

from sq_layout.i18n import LANGS, Lang, label, name_col, t
from sq_layout.i18n.lang import join_list
from sq_layout.plan.dataset import Dataset

SEP = r"\s*[;；、,，]\s*"
LINK_SEP = r"\s*[;；]\s*"  # link names may contain 、 (硅棒、硅碇、硅片)
Problems = list[tuple[int, str, str]]  # (row index, value, what was expected)


def row(label: Hashable) -> int:
    """A row label as an int: sheet frames keep an integer index, which pandas-stubs types as Hashable."""
    return int(cast(SupportsInt, label))


def cell(frame: pd.DataFrame, label: Hashable, col: str) -> str:
    """One cell of a sheet frame as text (every cell is text once read and normalised)."""
    return str(frame.at[label, col])


def _join(values: pd.Series) -> dict[int, str]:
    """Row index -> its distinct values, sorted and ';'-joined (a plain loop: groupby-agg is slow per row)."""
    rows: dict[int, set[object]] = {}
    for i, v in zip(values.index.tolist(), values.tolist(), strict=True):
        rows.setdefault(i, set()).add(v)
    return {i: ";".join(str(x) for x in sorted(vs)) for i, vs in rows.items()}  # type: ignore[type-var]


def chain_lookup(ds: Dataset) -> dict[str, int]:
    """Every way a chain may be written (number, name, English name) -> chain_no."""
    out: dict[str, int] = {}
    for c in ds.chains.itertuples():
        for k in (str(c.chain_no), c.name, c.name_en):
            out[str(k).strip().lower()] = int(cast(SupportsInt, c.chain_no))
    return out


def chain_choices(ds: Dataset, lang: Lang) -> str:
    """The valid chain values, for error messages in `lang` (the names as the template writes them)."""
    return t("ix_chain", lang).format(names=join_list(ds.chains[name_col(lang)], lang))


def parse_chains(ds: Dataset, col: pd.Series, required: bool, lang: Lang) -> tuple[pd.Series, Problems]:
    """';'-separated chains -> '3;9' strings of chain numbers."""
    lookup = chain_lookup(ds)
    tok = col.str.split(SEP, regex=True).explode().str.strip()
    tok = tok[tok != ""]
    mapped = tok.str.lower().map(lookup)
    choices = chain_choices(ds, lang)
    problems: Problems = [(row(i), str(v), choices) for i, v in tok[mapped.isna()].items()]
    out = pd.Series(_join(mapped.dropna().astype(int)), dtype=str).reindex(col.index).fillna("")
    if required:
        bad_rows = set(i for i, *_ in problems)
        problems += [
            (row(i), "", t("ix_chain_required", lang).format(choices=choices))
            for i in out.index[(out == "")]
            if i not in bad_rows
        ]
    return out, problems


def parse_links(col: pd.Series, chains: pd.Series, links: pd.DataFrame, lang: Lang) -> tuple[pd.Series, Problems]:
    """';'-separated link names (in either language), each a link of one of the row's chains -> ';'-separated
    link_ids."""
    from sq_layout.invest.seed import link_names

    split = col.str.split(LINK_SEP, regex=True).explode().str.strip()
    tok = split[split != ""].rename("name").rename_axis("row").reset_index()
    chain_rows = chains.str.split(";").explode().rename("chain_no").rename_axis("row").reset_index()
    row_chains = chain_rows[chain_rows["chain_no"] != ""].astype({"chain_no": int})
    english = links.assign(name=links["link_id"].map(link_names(links, "en")))
    written = pd.concat([links, english])[["chain_no", "name", "link_id"]].drop_duplicates()
    written = written.assign(key=written["name"].str.lower()).drop(columns="name")  # English in any case
    cand = tok.assign(key=tok["name"].str.lower()).merge(row_chains, on="row").merge(written, on=["chain_no", "key"])
    found = pd.Series(_join(cand.set_index("row")["link_id"]), dtype=str)
    problems: Problems = []
    matched = set(zip(cand["row"], cand["name"], strict=True))
    shown = link_names(links, lang)
    for r, name in zip(tok["row"], tok["name"], strict=True):
        if (r, name) not in matched:
            mine = row_chains.loc[row_chains["row"] == r, "chain_no"]
            names = links.loc[links["chain_no"].isin(mine), "link_id"].map(shown)
            choices = join_list(names, lang) if len(names) else t("ix_no_links", lang)
            problems.append((row(r), name, t("ix_link", lang).format(choices=choices)))
    return found.reindex(col.index).fillna(""), problems


def parse_number(col: pd.Series, required: bool, lang: Lang, minimum: float | None = 0.0) -> tuple[pd.Series, Problems]:
    """Text -> finite float (NaN where empty); non-numbers, inf/nan and negatives are problems."""
    text = col.str.strip().str.replace(",", "", regex=False)
    num = pd.to_numeric(text, errors="coerce").astype(float)
    empty = text == ""
    nan_text = text.str.lower().isin(("nan", "na", "n/a"))
    problems: Problems = []
    if required:
        problems += [(row(i), "", t("ix_number", lang)) for i in text.index[empty]]
    problems += [(row(i), v, t("ix_number", lang)) for i, v in text[~empty & num.isna() & ~nan_text].items()]
    problems += [(row(i), v, t("ix_finite", lang)) for i, v in text[~empty & (np.isinf(num) | nan_text)].items()]
    if minimum is not None:
        least = t("ix_at_least", lang).format(min=f"{minimum:g}")
        problems += [(row(i), v, least) for i, v in text[np.isfinite(num) & (num < minimum)].items()]
    return num.where(np.isfinite(num)), problems


def parse_date(col: pd.Series, lang: Lang) -> tuple[pd.Series, Problems]:
    """Text -> datetime (NaT where empty); unreadable dates are problems."""
    text = col.str.strip().str.replace(r" 00:00:00$", "", regex=True)
    d = pd.to_datetime(text.replace("", None), errors="coerce", format="mixed")
    bad = d.isna() & (text != "")
    return d.astype("datetime64[ns]"), [(row(i), v, t("ix_date", lang)) for i, v in text[bad].items()]


def parse_choice(
    col: pd.Series, choices: tuple[str, ...], required: bool, lang: Lang = "zh"
) -> tuple[pd.Series, Problems]:
    """Text that must be one of a few values, written as the value or its label in either language (any case) ->
    the value; the problems list the labels in `lang`."""
    text = col.str.strip()
    written = {w.lower(): c for c in choices for w in (c, *(label(c, x) for x in LANGS))}
    value = text.str.lower().map(written)
    bad = value.isna() & ((text != "") | required)
    expected = " / ".join(label(c, lang) for c in choices)
    return value.fillna(text), [(row(i), v, expected) for i, v in text[bad].items()]


def parse_area(col: pd.Series, names: dict[str, str], ds: Dataset, lang: Lang) -> tuple[pd.Series, Problems]:
    """An area written any known way -> area_id ('' where empty)."""
    text = col.str.strip()
    ids = text.str.lower().map(names).fillna("")
    bad = (ids == "") & (text != "")
    expected = t("ix_area", lang).format(names=join_list(ds.areas[name_col(lang)], lang))
    return ids, [(row(i), v, expected) for i, v in text[bad].items()]
