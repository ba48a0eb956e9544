"""Altair charts for the overlap tab (rendered in the browser by Vega, bundled with Streamlit: no network)."""

from __future__ import annotations

import altair as alt
import pandas as pd


def matrix_heatmap(long: pd.DataFrame, title: str) -> alt.Chart:
    """Area × chain heat map; cell shade = number of plan sources stating the link (0–3)."""
    areas = list(dict.fromkeys(long["area"]))
    chains = list(dict.fromkeys(long["chain"]))
    return (
        alt.Chart(long, title=title)
        .mark_rect(stroke="#ffffff")
        .encode(
            x=alt.X("chain:N", sort=chains, title=None, axis=alt.Axis(labelAngle=-50)),
            y=alt.Y("area:N", sort=areas, title=None),
            color=alt.Color(
                "n_sources:Q", scale=alt.Scale(domain=[0, 3], scheme="purples"), legend=alt.Legend(title="")
            ),
            tooltip=["area", "chain", "n_sources"],
        )
        .properties(height=28 * len(areas) + 40)
    )


def hosts_bar(per_chain: pd.DataFrame, name_col: str, title: str) -> alt.Chart:
    """Number of hosting areas per chain, most spread first."""
    data = per_chain[[name_col, "n_hosts"]].rename(columns={name_col: "chain"})
    return (
        alt.Chart(data, title=title)
        .mark_bar(color="#6A51A3")
        .encode(
            x=alt.X("n_hosts:Q", title=None), y=alt.Y("chain:N", sort="-x", title=None), tooltip=["chain", "n_hosts"]
        )
        .properties(height=22 * len(data) + 30)
    )
