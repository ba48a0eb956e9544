"""One way to put a table on a page: headers in the page's language, sent as a lean Arrow table."""

from __future__ import annotations

import re
from typing import Any

import pandas as pd
import pyarrow as pa
import streamlit as st

from sq_layout.i18n import Lang, headers

# What a grid cell without a value shows: nothing (Streamlit's own default is the word "None")
MISSING = ""


def lean(df: pd.DataFrame) -> pa.Table | pd.DataFrame:
    """The frame as an Arrow table without pandas' metadata (which names every column again, escaped: half the bytes
    of a small table, re-sent whenever the table changes); the frame itself if Arrow cannot type a column."""
    try:
        return pa.Table.from_pandas(df, preserve_index=False).replace_schema_metadata(None)
    except (pa.ArrowTypeError, pa.ArrowInvalid):  # mixed types in a column: Streamlit's own conversion copes
        return df


def show_table(df: pd.DataFrame, lang: Lang | None = None, **kw: Any) -> None:
    """A table without its index, full width; column names translated when a language is given."""
    if lang is not None:
        df = df.rename(columns=headers(list(df.columns), lang))
    st.dataframe(lean(df), hide_index=True, width="stretch", placeholder=MISSING, **kw)


def html_table(df: pd.DataFrame) -> str:
    """A small table as plain escaped HTML, without the layout whitespace and header styles pandas adds."""
    html = df.to_html(index=False, border=0, escape=True).replace(' style="text-align: right;"', "")
    return re.sub(r">\s+<", "><", html)
